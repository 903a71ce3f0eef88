/**
 * 计票结果: the presented tally (`GET /api/campaigns/:id/results`, `leitai tally --format json`) and the explanation of
 * a score. The domain presents them (src/domain/present.ts); these schemas describe the same JSON for the API, and the
 * guards at the end keep the two from drifting apart.
 */
import { z } from 'zod';
import type { PresentedExplanation, PresentedGroup, PresentedNumber, PresentedSubject, PresentedTally } from '../domain/present.js';
import type { SessionTally } from '../domain/results.js';
import { assertSame, messageSchema, paramsSchema, type Same } from './common.js';

/** The domain presents these types; their schemas below describe them to clients, which take them from here. */
export type { PresentedExplanation, PresentedGroup, PresentedNumber, PresentedSubject, PresentedTally };

/** Every number twice: exact ("8667/100") and as displayed, rounded once ("86.67"). */
export const presentedNumberSchema = z.object({ exact: z.string(), display: z.string() });

const count = z.number().int();
/** valid: counts; no-quorum / void: its ballots are left out of every result. */
const sessionVerdict = z.enum(['valid', 'no-quorum', 'void']);

/** A session's counts and verdict as the tally derives them from its ballots (returned: distinct sheets back). */
export const sessionTallySchema = z.object({
  sessionId: z.string(),
  expected: count,
  issued: count,
  returned: count,
  present: count,
  quorumMet: z.boolean(),
  overReturned: z.boolean(),
  status: sessionVerdict,
  /** Per instrument: a sheet with two forms holds two ballots. */
  validBallots: count,
  invalidBallots: count,
  /** Returned sheets holding at least one invalid ballot. */
  sheetsWithInvalid: count,
  /** Per subject: unrated subjects on valid ballots. */
  abstentions: count,
});

export const tierCountSchema = z.object({ key: z.string(), label: z.string(), cap: z.number().int().nullable(), filled: z.number().int() });

const presentedGroupSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  mode: z.enum(['anonymous', 'named']),
  declaredWeight: presentedNumberSchema,
  effectiveWeight: presentedNumberSchema,
  count: z.number().int(),
  /** null when the group has no value, or when hidden for anonymity (fewer than 3 values). */
  score: presentedNumberSchema.nullable(),
  fellBackToMean: z.boolean(),
  droppedCount: z.number().int(),
  hiddenForAnonymity: z.boolean(),
});

const presentedSubjectSchema = z.object({
  subjectId: z.string(),
  name: z.string(),
  kind: z.enum(['unit', 'site', 'case']),
  unitId: z.string(),
  score: presentedNumberSchema.nullable(),
  valueCount: z.number().int(),
  abstentions: z.number().int(),
  renormalized: z.boolean(),
  missingGroupIds: z.array(z.string()),
  gradeCounts: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int() })).nullable(),
  groups: z.array(presentedGroupSchema),
});

export const presentedComponentSchema = z.object({
  instrumentId: z.string(),
  name: z.string(),
  weight: presentedNumberSchema,
  effectiveWeight: presentedNumberSchema,
  score: presentedNumberSchema.nullable(),
  contribution: presentedNumberSchema,
  source: z.enum(['direct', 'rollup', 'missing']),
});

/** One unit's line of a ranking. */
export const presentedRowSchema = z.object({
  rank: z.number().int(),
  unitId: z.string(),
  name: z.string(),
  total: presentedNumberSchema,
  tier: z.string().nullable(),
  tierLabel: z.string().nullable(),
  /** Tied across a tier cut: left in the lower tier for the office's decision (人工裁定). */
  tierTie: z.boolean(),
  adjustments: presentedNumberSchema,
  missingComponents: z.array(z.string()),
  components: z.array(presentedComponentSchema),
});

export const presentedRankingSchema = z.object({
  rankingId: z.string(),
  name: z.string(),
  level: z.string(),
  tiers: z.array(tierCountSchema),
  rows: z.array(presentedRowSchema),
});

export const ballotCountsSchema = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  excluded: z.number().int(),
});

export const presentedTallySchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  precision: z.number().int(),
  tieJudgement: z.enum(['exact', 'published']),
  ballots: ballotCountsSchema,
  sessions: z.array(
    z.object({
      sessionId: z.string(),
      name: z.string(),
      sessionStatus: z.enum(['draft', 'open', 'closed']),
      /** Counted provisionally: the session is not closed yet. */
      provisional: z.boolean(),
      /** Its ballots count in the results (a closed session counts only when valid). */
      counted: z.boolean(),
      expected: count,
      issued: count,
      returned: count,
      present: count,
      validBallots: count,
      invalidBallots: count,
      abstentions: count,
      quorumMet: z.boolean(),
      overReturned: z.boolean(),
      status: sessionVerdict,
    }),
  ),
  invalidBallots: z.array(
    z.object({
      ballotId: z.string(),
      sessionId: z.string().nullable(),
      channel: z.enum(['online', 'paper']),
      problems: z.array(
        z.object({
          code: z.string(),
          severity: z.enum(['structural', 'rule']),
          subjectId: z.string().nullable(),
          ruleId: z.string().nullable(),
          params: paramsSchema,
          message: messageSchema,
        }),
      ),
    }),
  ),
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      name: z.string(),
      kind: z.enum(['grade', 'score', 'adjustments']),
      method: z.enum(['mean', 'median', 'trimmed']),
      trimK: z.number().int().nullable(),
      missingGroup: z.enum(['renormalize', 'zero']),
      subjects: z.array(presentedSubjectSchema),
    }),
  ),
  rankings: z.array(presentedRankingSchema),
});

/**
 * 计分说明: total → components → roll-up → subject → group → ballot; at every inner node value = Σ weight × value.
 * A tree, so the OpenAPI document needs it as a named component (the id).
 */
export const presentedExplanationSchema = z.object({
  kind: z.enum(['total', 'component', 'adjustments', 'rollup', 'subject', 'group', 'ballot']),
  id: z.string(),
  label: z.string(),
  /** null for a group hidden for anonymity. */
  value: presentedNumberSchema.nullable(),
  weight: presentedNumberSchema,
  note: messageSchema.nullable(),
  /** A group node with fewer than 3 ballots keeps its value and ballot leaves hidden (it still counts above). */
  hiddenForAnonymity: z.boolean(),
  /** A ballot whose value the trimmed mean left out (weight 0), as one of the highest or lowest. */
  dropped: z.enum(['highest', 'lowest']).nullable(),
  /**
   * A ballot's 加减分 for this subject, each with its written reason; on the subject of a campaign adjustments
   * instrument, all of its counted ballots' (listed there even when the ballots are too few to show). Else empty.
   */
  adjustments: z.array(
    z.object({ item: z.string(), direction: z.enum(['bonus', 'deduction']), points: z.string(), reason: z.string() }),
  ),
  /** Where a ballot's bonus or deduction total passed its cap: the raw sum and the value counted (封顶); absent otherwise. */
  cappedTotals: z.array(z.object({ direction: z.enum(['bonus', 'deduction']), total: z.string(), counted: z.string() })).optional(),
  get children(): z.ZodArray<typeof presentedExplanationSchema> {
    return z.array(presentedExplanationSchema);
  },
}).meta({ id: 'Explanation' });

assertSame<Same<z.output<typeof presentedNumberSchema>, PresentedNumber>>();
assertSame<Same<z.output<typeof sessionTallySchema>, SessionTally>>();
assertSame<Same<z.output<typeof presentedGroupSchema>, PresentedGroup>>();
assertSame<Same<z.output<typeof presentedSubjectSchema>, PresentedSubject>>();
assertSame<Same<z.output<typeof presentedTallySchema>, PresentedTally>>();
assertSame<Same<z.output<typeof presentedExplanationSchema>, PresentedExplanation>>();
