/**
 * 结果呈现: the tally as plain JSON — what the API returns and what `leitai tally --format json` prints, byte for
 * byte. Every number goes out as { exact: "n/d", display: rounded once, half-up }; order follows the definition
 * (instruments, subjects, groups, sessions) or the ranking, never the order ballots arrived in.
 */
import { exactString, formatFixed, type Fraction } from './exact.js';
import type { BallotProblem, CappedTotal, ExplainedAdjustment, ExplanationNode, GroupTally, Message, SessionTally, Tally } from './results.js';
import type { CampaignDefinition, Instrument, RaterGroup } from './types.js';

/** A group breakdown with fewer values than this keeps its values hidden (it still counts). */
export const MIN_VALUES_SHOWN = 3;

export interface PresentedNumber {
  exact: string;
  display: string;
}

export function presentNumber(f: Fraction, precision: number): PresentedNumber {
  return { exact: exactString(f), display: formatFixed(f, precision) };
}

const hiddenFor = (count: number): boolean => count > 0 && count < MIN_VALUES_SHOWN;

/**
 * A rater group's part of a subject's score. Per-ballot values are not listed here (a province has millions; see
 * `presentExplanation`). A group with fewer than 3 values keeps its score hidden too — it still counts in the subject.
 */
export interface PresentedGroup {
  groupId: string;
  name: string;
  mode: 'anonymous' | 'named';
  declaredWeight: PresentedNumber;
  effectiveWeight: PresentedNumber;
  count: number;
  /** null when the group has no value, or when hidden for anonymity. */
  score: PresentedNumber | null;
  fellBackToMean: boolean;
  droppedCount: number;
  hiddenForAnonymity: boolean;
}

export interface PresentedSubject {
  subjectId: string;
  name: string;
  kind: 'unit' | 'site' | 'case';
  unitId: string;
  score: PresentedNumber | null;
  valueCount: number;
  abstentions: number;
  renormalized: boolean;
  missingGroupIds: string[];
  gradeCounts: { key: string; label: string; count: number }[] | null;
  groups: PresentedGroup[];
}

export interface PresentedTally {
  campaignId: string;
  name: string;
  precision: number;
  tieJudgement: 'exact' | 'published';
  ballots: Tally['ballots'];
  /**
   * The tally's counts and verdict of each session, with its name and whether it counts (yet). Without the count of
   * sheets holding an invalid ballot (the office's session pages show it): the presented tally goes into exports and
   * notices, and bundles exported before it existed must still verify digit for digit.
   */
  sessions: (Omit<SessionTally, 'sheetsWithInvalid'> & {
    name: string;
    sessionStatus: 'draft' | 'open' | 'closed';
    /** Counted provisionally: the session is not closed yet. */
    provisional: boolean;
    /** Its ballots count in the results (a closed session counts only when valid). */
    counted: boolean;
  })[];
  invalidBallots: {
    ballotId: string;
    sessionId: string | null;
    channel: 'online' | 'paper';
    problems: {
      code: string;
      severity: BallotProblem['severity'];
      subjectId: string | null;
      ruleId: string | null;
      params: Record<string, string | number>;
      message: Message;
    }[];
  }[];
  instruments: {
    instrumentId: string;
    name: string;
    kind: Instrument['kind'];
    method: 'mean' | 'median' | 'trimmed';
    trimK: number | null;
    missingGroup: 'renormalize' | 'zero';
    subjects: PresentedSubject[];
  }[];
  rankings: {
    rankingId: string;
    name: string;
    level: string;
    tiers: { key: string; label: string; cap: number | null; filled: number }[];
    rows: {
      rank: number;
      unitId: string;
      name: string;
      total: PresentedNumber;
      tier: string | null;
      tierLabel: string | null;
      tierTie: boolean;
      adjustments: PresentedNumber;
      missingComponents: string[];
      components: {
        instrumentId: string;
        name: string;
        weight: PresentedNumber;
        effectiveWeight: PresentedNumber;
        score: PresentedNumber | null;
        contribution: PresentedNumber;
        source: 'direct' | 'rollup' | 'missing';
      }[];
    }[];
  }[];
}

function presentGroup(def: CampaignDefinition, groups: Map<string, RaterGroup>, g: GroupTally): PresentedGroup {
  const p = def.precision;
  const group = groups.get(g.groupId);
  const hidden = hiddenFor(g.count);
  return {
    groupId: g.groupId,
    name: group?.name ?? g.groupId,
    mode: group?.mode ?? 'anonymous',
    declaredWeight: presentNumber(g.declaredWeight, p),
    effectiveWeight: presentNumber(g.effectiveWeight, p),
    count: g.count,
    score: g.score === null || hidden ? null : presentNumber(g.score, p),
    fellBackToMean: g.fellBackToMean,
    droppedCount: g.droppedBallotIds.length,
    hiddenForAnonymity: hidden,
  };
}

function presentInstruments(def: CampaignDefinition, tally: Tally): PresentedTally['instruments'] {
  const p = def.precision;
  const subjects = new Map(def.subjects.map((s) => [s.id, s]));
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const groups = new Map(def.raterGroups.map((g) => [g.id, g]));
  return tally.instruments.map((it) => {
    const instrument = instruments.get(it.instrumentId)!;
    return {
      instrumentId: it.instrumentId,
      name: instrument.name,
      kind: instrument.kind,
      method: instrument.aggregation.method,
      trimK: instrument.aggregation.method === 'trimmed' ? instrument.aggregation.k : null,
      missingGroup: instrument.missingGroup,
      subjects: it.subjects.map((st) => {
        const subject = subjects.get(st.subjectId);
        const gradeCounts = st.gradeCounts;
        return {
          subjectId: st.subjectId,
          name: subject?.name ?? st.subjectId,
          kind: subject?.kind ?? 'unit',
          unitId: subject?.unitId ?? '',
          score: st.score === null ? null : presentNumber(st.score, p),
          valueCount: st.groups.reduce((n, g) => n + g.count, 0),
          abstentions: st.abstentions,
          renormalized: st.renormalized,
          missingGroupIds: st.missingGroupIds,
          gradeCounts:
            instrument.kind === 'grade' && gradeCounts
              ? instrument.grades.map((g) => ({ key: g.key, label: g.label, count: gradeCounts[g.key] ?? 0 }))
              : null,
          groups: st.groups.map((g) => presentGroup(def, groups, g)),
        };
      }),
    };
  });
}

function presentRankings(def: CampaignDefinition, tally: Tally): PresentedTally['rankings'] {
  const p = def.precision;
  const units = new Map(def.units.map((u) => [u.id, u]));
  const instruments = new Map(def.instruments.map((i) => [i.id, i.name]));
  const instrumentName = (id: string): string => instruments.get(id) ?? id;
  return tally.rankings.map((r) => {
    const spec = def.rankings.find((s) => s.id === r.rankingId)!;
    const tierLabel = new Map(spec.tiers.map((t) => [t.key, t.label]));
    return {
      rankingId: r.rankingId,
      name: spec.name,
      level: spec.level,
      tiers: r.tiers.map((t) => ({ key: t.key, label: tierLabel.get(t.key) ?? t.key, cap: t.cap, filled: t.filled })),
      rows: r.rows.map((row) => ({
        rank: row.rank,
        unitId: row.unitId,
        name: units.get(row.unitId)?.name ?? row.unitId,
        total: presentNumber(row.total, p),
        tier: row.tier,
        tierLabel: row.tier === null ? null : (tierLabel.get(row.tier) ?? row.tier),
        tierTie: row.tierTie,
        adjustments: presentNumber(row.adjustments, p),
        missingComponents: row.missingComponents,
        components: row.components.map((c) => ({
          instrumentId: c.instrumentId,
          name: instrumentName(c.instrumentId),
          weight: presentNumber(c.weight, p),
          effectiveWeight: presentNumber(c.effectiveWeight, p),
          score: c.score === null ? null : presentNumber(c.score, p),
          contribution: presentNumber(c.contribution, p),
          source: c.source,
        })),
      })),
    };
  });
}

export function presentTally(def: CampaignDefinition, tally: Tally): PresentedTally {
  const sessions = new Map(def.sessions.map((s) => [s.id, s]));
  return {
    campaignId: tally.campaignId,
    name: def.name,
    precision: def.precision,
    tieJudgement: def.tieJudgement,
    ballots: { total: tally.ballots.total, valid: tally.ballots.valid, invalid: tally.ballots.invalid, excluded: tally.ballots.excluded },
    sessions: tally.sessions.map((s) => {
      const session = sessions.get(s.sessionId)!;
      return {
        sessionId: s.sessionId,
        name: session.name,
        sessionStatus: session.status,
        provisional: session.status !== 'closed',
        counted: session.status !== 'closed' || s.status === 'valid',
        expected: s.expected,
        issued: s.issued,
        returned: s.returned,
        present: s.present,
        validBallots: s.validBallots,
        invalidBallots: s.invalidBallots,
        abstentions: s.abstentions,
        quorumMet: s.quorumMet,
        overReturned: s.overReturned,
        status: s.status,
      };
    }),
    invalidBallots: tally.invalidBallots.map((b) => ({
      ballotId: b.ballotId,
      sessionId: b.sessionId,
      channel: b.channel,
      problems: b.problems.map((q) => ({
        code: q.code,
        severity: q.severity,
        subjectId: q.subjectId ?? null,
        ruleId: q.ruleId ?? null,
        params: q.params,
        message: { zh: q.message.zh, en: q.message.en },
      })),
    })),
    instruments: presentInstruments(def, tally),
    rankings: presentRankings(def, tally),
  };
}

export interface PresentedExplanation {
  kind: ExplanationNode['kind'];
  id: string;
  label: string;
  /** null for a group hidden for anonymity. */
  value: PresentedNumber | null;
  weight: PresentedNumber;
  note: Message | null;
  /** A group node with fewer than 3 ballots keeps its value and ballot leaves hidden (it still counts above). */
  hiddenForAnonymity: boolean;
  /** A ballot whose value the trimmed mean left out (weight 0), as one of the highest or lowest; null otherwise. */
  dropped: 'highest' | 'lowest' | null;
  /** A ballot's bonuses and deductions for this subject with their reasons (and a campaign adjustment's subject's). */
  adjustments: ExplainedAdjustment[];
  /** Where a bonus or deduction total passed its cap: the raw sum and the value counted (the cap); absent otherwise. */
  cappedTotals?: CappedTotal[];
  children: PresentedExplanation[];
}

export function presentExplanation(n: ExplanationNode, precision: number): PresentedExplanation {
  const hidden = n.kind === 'group' && hiddenFor(n.children.length);
  return {
    kind: n.kind,
    id: n.id,
    label: n.label,
    value: hidden ? null : presentNumber(n.value, precision),
    weight: presentNumber(n.weight, precision),
    note: n.note ? { zh: n.note.zh, en: n.note.en } : null,
    hiddenForAnonymity: hidden,
    dropped: n.dropped ?? null,
    adjustments: (n.adjustments ?? []).map((a) => ({ item: a.item, direction: a.direction, points: a.points, reason: a.reason })),
    ...(n.cappedTotals ? { cappedTotals: n.cappedTotals.map((c) => ({ direction: c.direction, total: c.total, counted: c.counted })) } : {}),
    children: hidden ? [] : n.children.map((c) => presentExplanation(c, precision)),
  };
}
