/**
 * A campaign definition and its ballots as the server sends them back: stored and checked, so every field the
 * request schemas (definition.ts) default is present and every decimal is already a string. Same domain types as the
 * request schemas parse into (the guards at the end), described without parsing.
 */
import { z } from 'zod';
import type * as D from '../domain/types.js';
import type { CampaignSetup } from './api.js';
import { assertSame, type Same } from './common.js';

const rounding = z.enum(['exact', 'half-up', 'at-least-one']);
const countsByGroup = z.record(z.string(), z.number().int());

export const unitLevelSchema = z.enum(['province', 'city', 'county', 'township', 'village', 'grid']);

export const storedUnitSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  level: unitLevelSchema,
  parentId: z.string().nullable(),
});

const storedSubject = z.object({
  id: z.string(),
  kind: z.enum(['unit', 'site', 'case']),
  unitId: z.string(),
  name: z.string(),
  rollupWeight: z.string().optional(),
});

const storedRaterGroup = z.object({ id: z.string(), name: z.string(), mode: z.enum(['anonymous', 'named']) });

export const aggregationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mean') }),
  z.object({ method: z.literal('median') }),
  z.object({ method: z.literal('trimmed'), k: z.number().int() }),
]);

const adjustmentConfig = z.object({
  items: z.array(
    z.object({ id: z.string(), label: z.string(), direction: z.enum(['bonus', 'deduction']), maxPoints: z.string(), step: z.string().optional() }),
  ),
  maxTotalBonus: z.string(),
  maxTotalDeduction: z.string(),
  capReading: z.enum(['ceiling', 'strict']).optional(),
});

const instrumentBase = {
  id: z.string(),
  name: z.string(),
  subjectIds: z.array(z.string()),
  groupWeights: z.array(z.object({ groupId: z.string(), weight: z.string() })),
  aggregation: aggregationSchema,
  missingGroup: z.enum(['renormalize', 'zero']),
  allowAbstain: z.boolean(),
  opinion: z.enum(['none', 'optional', 'required']),
  visibility: z.enum(['live', 'after-all-voted', 'after-close']),
};

const storedInstrument = z.discriminatedUnion('kind', [
  z.object({
    ...instrumentBase,
    kind: z.literal('grade'),
    grades: z.array(z.object({ key: z.string(), label: z.string(), points: z.string() })),
    quotaRules: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        grades: z.array(z.string()),
        bound: z.enum(['max', 'min']),
        numerator: z.number().int(),
        denominator: z.number().int(),
        rounding,
        base: z.enum(['all', 'rated']),
      }),
    ),
  }),
  z.object({
    ...instrumentBase,
    kind: z.literal('score'),
    min: z.string(),
    max: z.string(),
    step: z.string(),
    criteria: z.array(z.object({ id: z.string(), label: z.string(), maxPoints: z.string() })).nullable(),
    adjustments: adjustmentConfig.nullable(),
  }),
  z.object({ ...instrumentBase, kind: z.literal('adjustments'), adjustments: adjustmentConfig }),
]);

const storedRanking = z.object({
  id: z.string(),
  name: z.string(),
  level: unitLevelSchema,
  scopeUnitId: z.string().nullable(),
  components: z.array(z.object({ instrumentId: z.string(), weight: z.string() })),
  adjustmentInstrumentIds: z.array(z.string()),
  missingComponent: z.enum(['zero', 'renormalize']),
  tieBreaks: z.array(z.object({ instrumentId: z.string() })),
  tiers: z.array(z.object({ key: z.string(), label: z.string(), numerator: z.number().int(), denominator: z.number().int(), rounding })),
});

const storedSession = z.object({
  id: z.string(),
  name: z.string(),
  instrumentIds: z.array(z.string()),
  agenda: z.array(z.string()).nullable().optional(),
  expected: countsByGroup,
  /** Tokens issued and not revoked, plus paper sheets issued, per group. */
  issued: countsByGroup,
  present: z.number().int().nullable(),
  status: z.enum(['draft', 'open', 'closed']),
});

const setupParts = {
  subjects: z.array(storedSubject),
  raterGroups: z.array(storedRaterGroup),
  instruments: z.array(storedInstrument),
  rankings: z.array(storedRanking),
};

export const storedDefinitionSchema = z.object({
  id: z.string(),
  name: z.string(),
  precision: z.number().int(),
  tieJudgement: z.enum(['exact', 'published']),
  /** The subtree of the campaign's root unit, root included. */
  units: z.array(storedUnitSchema),
  ...setupParts,
  sessions: z.array(storedSession),
});
export type StoredDefinition = z.output<typeof storedDefinitionSchema>;

/** A set-up as the office edits it: the definition without its units (the root unit's subtree) and sessions. */
export const setupViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  rootUnitId: z.string(),
  precision: z.number().int(),
  tieJudgement: z.enum(['exact', 'published']),
  ...setupParts,
});

export const storedRating = z.object({
  subjectId: z.string(),
  grade: z.string().optional(),
  score: z.string().optional(),
  criteria: z.record(z.string(), z.string()).optional(),
  adjustments: z.array(z.object({ itemId: z.string(), points: z.string(), reason: z.string() })).optional(),
  abstain: z.boolean().optional(),
  opinion: z.string().optional(),
});

export const storedRatingsSchema = z.array(storedRating);

export const storedBallotSchema = z.object({
  id: z.string(),
  instrumentId: z.string(),
  raterGroupId: z.string(),
  raterName: z.string().nullable(),
  boundUnitId: z.string().nullable(),
  sessionId: z.string().nullable(),
  sheetId: z.string(),
  channel: z.enum(['online', 'paper']),
  ratings: storedRatingsSchema,
  scope: z.array(z.string()).readonly().optional(),
});

assertSame<Same<z.output<typeof storedUnitSchema>, D.Unit>>();
assertSame<Same<z.output<typeof storedSubject>, D.Subject>>();
assertSame<Same<z.output<typeof storedRaterGroup>, D.RaterGroup>>();
assertSame<Same<z.output<typeof aggregationSchema>, D.AggregationMethod>>();
assertSame<Same<z.output<typeof storedInstrument>, D.Instrument>>();
assertSame<Same<z.output<typeof storedRanking>, D.RankingSpec>>();
assertSame<Same<z.output<typeof storedSession>, D.Session>>();
assertSame<Same<z.output<typeof storedDefinitionSchema>, D.CampaignDefinition>>();
assertSame<Same<z.output<typeof setupViewSchema>, CampaignSetup>>();
assertSame<Same<z.output<typeof storedRating>, D.Rating>>();
assertSame<Same<z.output<typeof storedBallotSchema>, D.Ballot>>();
