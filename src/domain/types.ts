/**
 * The domain's vocabulary: plain data shared by the server, the CLI and the offline verifier.
 * Nothing here does I/O. Exact numbers travel as decimal strings (input) and as `Fraction`s (computed);
 * see `exact.ts`.
 */

/** 单位层级: the levels of the unit tree. */
export type UnitLevel = 'province' | 'city' | 'county' | 'township' | 'village' | 'grid';

export const UNIT_LEVEL_ORDER: readonly UnitLevel[] = ['province', 'city', 'county', 'township', 'village', 'grid'];

/** 单位: a node of the division tree (city, county, township, …). `code` is the national division code when known. */
export interface Unit {
  id: string;
  code: string | null;
  name: string;
  level: UnitLevel;
  parentId: string | null;
}

/**
 * 测评对象: a thing that is rated. A unit itself (`kind: 'unit'`, `unitId` is that unit) or an item owned by a unit —
 * an observation site (实训点) or a case (案例) — whose result rolls up to `unitId`.
 */
export interface Subject {
  id: string;
  kind: 'unit' | 'site' | 'case';
  unitId: string;
  name: string;
  /** Weight of this subject when its score rolls up to its parent; decimal string, default "1". */
  rollupWeight?: string;
}

/** 测评组: a rater group. Anonymous groups' tokens know only the group; named groups sign their ballots. */
export interface RaterGroup {
  id: string;
  name: string;
  mode: 'anonymous' | 'named';
}

/** A grade of an ordered scale (好 / 较好 / 一般 / 差) and the points it is worth. */
export interface Grade {
  key: string;
  label: string;
  /** Decimal string, e.g. "100", "85". */
  points: string;
}

/**
 * 比例限制: a per-ballot quota rule over a set of grades, e.g. "好 ≤ 40%" or "较好或以下 ≥ 25%".
 * The ratio is `numerator / denominator` (40/100), compared with integers only.
 */
export interface QuotaRule {
  id: string;
  label: string;
  grades: string[];
  bound: 'max' | 'min';
  numerator: number;
  denominator: number;
  /**
   * exact: count·den ≤ num·n (max) / ≥ (min) — round down for max, up for min (default).
   * half-up: the allowed count is num·n/den rounded half up.
   * at-least-one: like exact, but a max rule always allows at least one, a min rule always demands at least one.
   */
  rounding: 'exact' | 'half-up' | 'at-least-one';
  /** Count over all subjects on the ballot (abstentions included, default) or over rated subjects only. */
  base: 'all' | 'rated';
}

export type AggregationMethod =
  | { method: 'mean' }
  | { method: 'median' }
  /** 去掉最高最低: drop exactly k values at each end, only when there are more than 2k values. */
  | { method: 'trimmed'; k: number };

/** 加减分项: a bonus or deduction item, with a cap per item. Every adjustment carries a written reason. */
export interface AdjustmentItem {
  id: string;
  label: string;
  direction: 'bonus' | 'deduction';
  /** Maximum points for this item on one ballot (decimal string, positive). */
  maxPoints: string;
  /** 最小分值单位: when declared, points must be a whole multiple of it (decimal string, positive), e.g. "0.5". */
  step?: string;
}

/**
 * How the total caps of one ballot's adjustments for a subject are read (docs/rules.md, decision 0018):
 * - ceiling (封顶, the default): items within their own caps whose sum passes the total cap count as the cap;
 * - strict: such a ballot is invalid (refused online, 无效票 on paper).
 */
export type AdjustmentCapReading = 'ceiling' | 'strict';

export interface AdjustmentConfig {
  items: AdjustmentItem[];
  /** Cap of all bonus points on one ballot for one subject (decimal string). */
  maxTotalBonus: string;
  /** Cap of all deduction points on one ballot for one subject (decimal string, positive). */
  maxTotalDeduction: string;
  /** How the two total caps are read; absent = 'ceiling' (a bundle of version 1 is read as 'strict'). */
  capReading?: AdjustmentCapReading;
}

/** A rubric criterion of a score instrument (e.g. 组织建设 0–30). */
export interface Criterion {
  id: string;
  label: string;
  maxPoints: string;
}

interface InstrumentBase {
  id: string;
  /** 评价方式: e.g. 汇报评. */
  name: string;
  subjectIds: string[];
  /** Relative weights of the rater groups that rate this instrument (decimal strings, > 0). */
  groupWeights: { groupId: string; weight: string }[];
  aggregation: AggregationMethod;
  /** When a group cast no valid ballot for a subject: renormalise the other groups' weights (default), or count 0. */
  missingGroup: 'renormalize' | 'zero';
  /** May a rater leave a subject blank (弃权)? */
  allowAbstain: boolean;
  /** Written opinion per subject (专班评 评价意见). */
  opinion: 'none' | 'optional' | 'required';
  visibility: 'live' | 'after-all-voted' | 'after-close';
}

/** 等次评价: grade instrument (汇报评, 交流评, 案例评). */
export interface GradeInstrument extends InstrumentBase {
  kind: 'grade';
  grades: Grade[];
  quotaRules: QuotaRule[];
}

/** 打分: score instrument (观摩评 with on-the-spot adjustments, 专班评 with opinions). */
export interface ScoreInstrument extends InstrumentBase {
  kind: 'score';
  min: string;
  max: string;
  step: string;
  /** When present, the score is the sum of the criteria, each in [0, maxPoints] on `step`; Σ max = max. */
  criteria: Criterion[] | null;
  /** On-the-spot bonus/deduction (观摩评 亮点加分 不足减分); the adjusted score is still divided by `max`. */
  adjustments: AdjustmentConfig | null;
}

/**
 * 加减分: pure adjustments instrument. Its value per subject is Σ bonus − Σ deduction (points, not normalised); used as a
 * campaign-level adjustment added to a ranking's total.
 */
export interface AdjustmentsInstrument extends InstrumentBase {
  kind: 'adjustments';
  adjustments: AdjustmentConfig;
}

export type Instrument = GradeInstrument | ScoreInstrument | AdjustmentsInstrument;

/** 结果等次: forced-distribution tiers, filled from the top. The last tier takes the rest and has no cap. */
export interface TierSpec {
  key: string;
  label: string;
  /** Max share of ranked units, numerator/denominator, e.g. 40/100; ignored for the last tier. */
  numerator: number;
  denominator: number;
  rounding: 'exact' | 'half-up' | 'at-least-one';
}

export interface Component {
  instrumentId: string;
  /** Weight in percent (decimal string); a ranking's component weights sum to exactly 100. */
  weight: string;
}

/** 排名: ranks the units of one level by Σ weight × component score + adjustments. */
export interface RankingSpec {
  id: string;
  name: string;
  level: UnitLevel;
  /** Only units under this unit (e.g. the city); null = all units of the level. */
  scopeUnitId: string | null;
  components: Component[];
  /** Adjustments instruments whose (rolled-up) value is added to the total as points. */
  adjustmentInstrumentIds: string[];
  /** A unit with no score for a component: counts as 0 (default, flagged) or the other weights are renormalised. */
  missingComponent: 'zero' | 'renormalize';
  /** Applied in order when totals are equal: higher component score wins. */
  tieBreaks: { instrumentId: string }[];
  tiers: TierSpec[];
}

/** 测评会: a session, with its agenda and the counts that decide whether it is valid. */
export interface Session {
  id: string;
  name: string;
  instrumentIds: string[];
  /**
   * 议程对象: ids of the subjects on this session's agenda (e.g. one county's townships at its secretaries' seminar).
   * A ballot of this session rates exactly those of its instrument's subjects, minus conflicts, and its quotas count
   * over them. Absent or null: every subject of each instrument in `instrumentIds`.
   */
  agenda?: string[] | null;
  /** Expected raters per group. */
  expected: Record<string, number>;
  /** Ballot sheets (tokens or paper forms) issued per group. */
  issued: Record<string, number>;
  /** Raters present as counted by the office; when null, the number of returned sheets stands for it. */
  present: number | null;
  status: 'draft' | 'open' | 'closed';
}

export interface CampaignDefinition {
  id: string;
  name: string;
  /** Display precision in decimals (default 2, half-up). */
  precision: number;
  /** Ties are judged on exact values (default) or on the published rounded values. */
  tieJudgement: 'exact' | 'published';
  units: Unit[];
  subjects: Subject[];
  raterGroups: RaterGroup[];
  instruments: Instrument[];
  rankings: RankingSpec[];
  sessions: Session[];
}

/** One subject's entry on a ballot. Exactly one of grade / score / criteria / abstain applies, by instrument kind. */
export interface Rating {
  subjectId: string;
  grade?: string;
  /** Decimal string (or a number, accepted at the edge and normalised to a string). */
  score?: string;
  criteria?: Record<string, string>;
  adjustments?: { itemId: string; points: string; reason: string }[];
  abstain?: boolean;
  opinion?: string;
}

/** 选票: a ballot as cast online or entered from paper. Append-only. */
export interface Ballot {
  id: string;
  instrumentId: string;
  raterGroupId: string;
  /** Named groups only; anonymous ballots never carry a person. */
  raterName: string | null;
  /** The unit the rater belongs to: its subjects (and their descendants) are a conflict and leave the ballot. */
  boundUnitId: string | null;
  sessionId: string | null;
  /** The token or paper sheet this ballot came on; returned sheets are counted per session. */
  sheetId: string;
  channel: 'online' | 'paper';
  ratings: Rating[];
  /**
   * The subjects this ballot was cast for (a tour sheet, 观摩评 on the spot, rates one stop); absent = the session's
   * agenda. It narrows what the rater's view would hold, never widens it.
   */
  scope?: readonly string[];
}
