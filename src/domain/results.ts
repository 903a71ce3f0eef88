/**
 * What a tally produces. Numbers are exact `Fraction`s; `present.ts` turns them into JSON (exact "n/d" plus the
 * display value rounded once, half-up, to the campaign's precision).
 */
import type Fraction from 'fraction.js';

export interface Message {
  zh: string;
  en: string;
}

/** Why a ballot, or part of one, is not acceptable. `structural` problems are refused even on paper. */
export interface BallotProblem {
  code: string;
  severity: 'structural' | 'rule';
  subjectId?: string;
  ruleId?: string;
  /** Concrete numbers for the message, e.g. { allowed: 2, actual: 3, n: 6 }. */
  params: Record<string, string | number>;
  message: Message;
}

export interface SessionTally {
  sessionId: string;
  expected: number;
  issued: number;
  /** Distinct sheets (tokens / paper forms) that came back. */
  returned: number;
  present: number;
  /** 有效票: valid ballots, one per instrument on a sheet (a sheet with two forms holds two). */
  validBallots: number;
  /** 无效票: invalid ballots, likewise per instrument. */
  invalidBallots: number;
  /** 含无效票的份数: returned sheets holding at least one invalid ballot (counted as sheets, like `returned`). */
  sheetsWithInvalid: number;
  /** 弃权: subjects left unrated on valid ballots, one per subject. */
  abstentions: number;
  quorumMet: boolean;
  overReturned: boolean;
  /** valid: counts; no-quorum / void: its ballots are left out of every result. */
  status: 'valid' | 'no-quorum' | 'void';
}

/**
 * One valid value of a group for a subject. Kept as an integer in the instrument's own scaled unit (not a Fraction per
 * value: a province tally holds millions); the normalised value is `raw × GroupTally.unit`.
 */
export interface GroupValue {
  ballotId: string;
  /** Integer in the instrument's scaled unit (e.g. 87.5 points at resolution 0.1 → 875). */
  raw: number;
}

export interface GroupTally {
  groupId: string;
  declaredWeight: Fraction;
  /** Weight actually applied after renormalisation (sums to 1 over the groups that count). */
  effectiveWeight: Fraction;
  /**
   * Normalised value of one raw step: value = raw × unit (0–100 scale for grade/score instruments, points for
   * adjustments instruments).
   */
  unit: Fraction;
  /** How many valid values the group has for this subject (= values.length, without materialising them). */
  count: number;
  /**
   * The group's valid values for this subject, sorted ascending (ties by ballot id). The tally may build this list
   * only when it is first read; treat it as read-only.
   */
  values: GroupValue[];
  /** null when the group has no valid value for the subject. */
  score: Fraction | null;
  method: 'mean' | 'median' | 'trimmed';
  /** Trimmed mean asked for but there were not more than 2k values: the mean was used. */
  fellBackToMean: boolean;
  /** Ballot ids dropped by the trimmed mean. */
  droppedBallotIds: string[];
}

export interface SubjectTally {
  subjectId: string;
  score: Fraction | null;
  groups: GroupTally[];
  renormalized: boolean;
  missingGroupIds: string[];
  abstentions: number;
  /** Grade instruments: how many valid ballots gave each grade. */
  gradeCounts: Record<string, number> | null;
}

export interface InstrumentTally {
  instrumentId: string;
  subjects: SubjectTally[];
}

export interface ComponentResult {
  instrumentId: string;
  /** Declared weight in percent. */
  weight: Fraction;
  /** Weight actually applied, as a fraction of 1 (after renormalisation when declared). */
  effectiveWeight: Fraction;
  score: Fraction | null;
  contribution: Fraction;
  /** direct: the unit is itself a subject; rollup: mean of its items / child units; missing: no score. */
  source: 'direct' | 'rollup' | 'missing';
}

export interface RankingRow {
  unitId: string;
  total: Fraction;
  rank: number;
  tier: string | null;
  /** The unit is tied with others across a tier cut: left in the lower tier, for the office's decision (人工裁定). */
  tierTie: boolean;
  components: ComponentResult[];
  adjustments: Fraction;
  missingComponents: string[];
}

export interface RankingResult {
  rankingId: string;
  rows: RankingRow[];
  /** Per tier: its cap for this number of units and how many it got. */
  tiers: { key: string; cap: number | null; filled: number }[];
}

export interface Tally {
  campaignId: string;
  ballots: { total: number; valid: number; invalid: number; excluded: number };
  invalidBallots: { ballotId: string; sessionId: string | null; channel: 'online' | 'paper'; problems: BallotProblem[] }[];
  sessions: SessionTally[];
  instruments: InstrumentTally[];
  rankings: RankingResult[];
}

/**
 * 计分说明: one node of an explanation tree. For every inner node, value = Σ child.weight × child.value
 * (a median gives its middle value(s) the weight, a trimmed mean gives dropped values weight 0).
 */
export interface ExplanationNode {
  kind: 'total' | 'component' | 'adjustments' | 'rollup' | 'subject' | 'group' | 'ballot';
  id: string;
  /** The name of what the node stands for (unit, instrument, subject, group, ballot id); `kind` says its role. */
  label: string;
  value: Fraction;
  weight: Fraction;
  children: ExplanationNode[];
  note?: Message;
  /** A ballot's value left out by the trimmed mean (weight 0): one of the k highest or k lowest. */
  dropped?: 'highest' | 'lowest';
  /**
   * A ballot's bonuses and deductions for this subject, with their written reasons (when the ballots were given);
   * on the subject of a campaign adjustments instrument, all of its counted ballots' adjustments.
   */
  adjustments?: ExplainedAdjustment[];
  /**
   * Where a ballot's bonus or deduction total passed its cap and counted as the cap (封顶): the raw sum and the value
   * counted. Absent when no cap bit. On the subject of a campaign adjustments instrument, its counted ballots' ones.
   */
  cappedTotals?: CappedTotal[];
}

/** A ballot's bonus or deduction total for one subject as cast (`total`) and as counted under its cap (`counted`). */
export interface CappedTotal {
  direction: 'bonus' | 'deduction';
  /** Decimal strings. */
  total: string;
  counted: string;
}

/** 加减分 on one ballot for one subject, as written: the item's label, its direction, the points and the reason. */
export interface ExplainedAdjustment {
  item: string;
  direction: 'bonus' | 'deduction';
  /** Decimal string as cast, positive. */
  points: string;
  reason: string;
}
