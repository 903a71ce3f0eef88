/**
 * Request schemas for a campaign definition and ballots. They mirror src/domain/types.ts; the assertions at the end
 * make the compiler refuse any drift between the two.
 */
import { z } from 'zod';
import { decimalFromNumber, isDecimal } from '../domain/exact.js';
import type * as D from '../domain/types.js';
import { assertSame, type Same } from './common.js';

const ID = /^[A-Za-z0-9_.:-]{1,64}$/;
/** Names every JavaScript object already answers to: as an id they would read the prototype wherever ids key a plain object. */
const PROTOTYPE_NAMES = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);
export const RESERVED_ID = 'id: not a name JavaScript objects already carry (__proto__, constructor, prototype, toString …)';
export const id = z
  .string()
  .regex(ID, { error: 'id: 1–64 letters, digits, _ . : -' })
  .refine((v) => !PROTOTYPE_NAMES.has(v), { error: RESERVED_ID });
const name = z.string().trim().min(1).max(200);

/** A decimal written as a JSON number or string ("87.5"); normalised to its string form. */
export const decimal = z
  .union([z.string(), z.number()])
  .transform((v, ctx) => {
    const s = typeof v === 'number' ? decimalFromNumber(v) : v.trim();
    if (s === null || !isDecimal(s)) {
      ctx.addIssue({ code: 'custom', message: 'expected a decimal number such as 85 or 87.5 (at most 6 decimals)' });
      return z.NEVER;
    }
    return s;
  });

const ratio = { numerator: z.number().int().min(0).max(1_000_000), denominator: z.number().int().min(1).max(1_000_000) };
const rounding = z.enum(['exact', 'half-up', 'at-least-one']);

export const unitLevel = z.enum(['province', 'city', 'county', 'township', 'village', 'grid']);

export const unitSchema = z.object({
  id,
  code: z.string().trim().min(1).max(32).nullable().default(null),
  name,
  level: unitLevel,
  parentId: id.nullable().default(null),
});

export const subjectSchema = z.object({
  id,
  kind: z.enum(['unit', 'site', 'case']),
  unitId: id,
  name,
  rollupWeight: decimal.optional(),
});

export const raterGroupSchema = z.object({ id, name, mode: z.enum(['anonymous', 'named']) });

const adjustmentConfig = z.object({
  items: z
    .array(
      z.object({
        id,
        label: name,
        direction: z.enum(['bonus', 'deduction']),
        maxPoints: decimal,
        /** 最小分值单位: points must be a whole multiple of it; absent = any decimal. */
        step: decimal.optional(),
      }),
    )
    .min(1)
    .max(100),
  maxTotalBonus: decimal,
  maxTotalDeduction: decimal,
  /**
   * A total over its cap counts as the cap (ceiling, 封顶 — the default) or makes the ballot invalid (strict).
   * docs/rules.md; a bundle of version 1 without it is read as strict (decision 0018).
   */
  capReading: z.enum(['ceiling', 'strict']).optional(),
});

const instrumentBase = {
  id,
  name,
  subjectIds: z.array(id).min(1).max(50_000),
  groupWeights: z.array(z.object({ groupId: id, weight: decimal })).min(1).max(50),
  aggregation: z
    .discriminatedUnion('method', [
      z.object({ method: z.literal('mean') }),
      z.object({ method: z.literal('median') }),
      z.object({ method: z.literal('trimmed'), k: z.number().int().min(1).max(100) }),
    ])
    .default({ method: 'mean' }),
  missingGroup: z.enum(['renormalize', 'zero']).default('renormalize'),
  allowAbstain: z.boolean().default(false),
  opinion: z.enum(['none', 'optional', 'required']).default('none'),
  visibility: z.enum(['live', 'after-all-voted', 'after-close']).default('after-close'),
};

export const instrumentSchema = z.discriminatedUnion('kind', [
  z.object({
    ...instrumentBase,
    kind: z.literal('grade'),
    grades: z.array(z.object({ key: z.string().trim().min(1).max(20), label: name, points: decimal })).min(2).max(10),
    quotaRules: z
      .array(
        z.object({
          id,
          label: name,
          grades: z.array(z.string().min(1).max(20)).min(1),
          bound: z.enum(['max', 'min']),
          ...ratio,
          rounding: rounding.default('exact'),
          base: z.enum(['all', 'rated']).default('all'),
        }),
      )
      .max(20)
      .default([]),
  }),
  z.object({
    ...instrumentBase,
    kind: z.literal('score'),
    min: decimal,
    max: decimal,
    step: decimal,
    criteria: z.array(z.object({ id, label: name, maxPoints: decimal })).min(1).max(50).nullable().default(null),
    adjustments: adjustmentConfig.nullable().default(null),
  }),
  z.object({ ...instrumentBase, kind: z.literal('adjustments'), adjustments: adjustmentConfig }),
]);

export const rankingSchema = z.object({
  id,
  name,
  level: unitLevel,
  scopeUnitId: id.nullable().default(null),
  components: z.array(z.object({ instrumentId: id, weight: decimal })).min(1).max(20),
  adjustmentInstrumentIds: z.array(id).max(10).default([]),
  missingComponent: z.enum(['zero', 'renormalize']).default('zero'),
  tieBreaks: z.array(z.object({ instrumentId: id })).max(10).default([]),
  tiers: z
    .array(z.object({ key: z.string().trim().min(1).max(20), label: name, ...ratio, rounding: rounding.default('exact') }))
    .min(1)
    .max(10),
});

const countsByGroup = z.record(id, z.number().int().min(0).max(1_000_000));

export const sessionSchema = z.object({
  id,
  name,
  instrumentIds: z.array(id).min(1).max(20),
  expected: countsByGroup,
  issued: countsByGroup.default({}),
  present: z.number().int().min(0).max(1_000_000).nullable().default(null),
  status: z.enum(['draft', 'open', 'closed']).default('draft'),
  /** Subject ids on this session's agenda; absent or null = every subject of its instruments. */
  agenda: z.array(id).max(100_000).nullable().optional(),
});

export const definitionSchema = z.object({
  id,
  name,
  precision: z.number().int().min(0).max(6).default(2),
  tieJudgement: z.enum(['exact', 'published']).default('exact'),
  units: z.array(unitSchema).max(100_000),
  subjects: z.array(subjectSchema).max(100_000),
  raterGroups: z.array(raterGroupSchema).min(1).max(50),
  instruments: z.array(instrumentSchema).min(1).max(50),
  rankings: z.array(rankingSchema).max(20),
  sessions: z.array(sessionSchema).max(1000).default([]),
});

const text = z.string().max(2000);

/**
 * Fields in sorted order, on purpose: a parsed rating then lists its keys as canonical JSON does, so its stored text
 * and its content hash are written by JSON.stringify alone (app/kernel/canonical.ts) — per rating on the submit path.
 */
export const ratingSchema = z.object({
  abstain: z.boolean().optional(),
  adjustments: z.array(z.object({ itemId: id, points: decimal, reason: text })).max(100).optional(),
  criteria: z.record(id, decimal).optional(),
  grade: z.string().min(1).max(20).optional(),
  opinion: text.optional(),
  score: decimal.optional(),
  subjectId: id,
});

export const ballotSchema = z.object({
  id,
  instrumentId: id,
  raterGroupId: id,
  raterName: z.string().trim().min(1).max(100).nullable().default(null),
  boundUnitId: id.nullable().default(null),
  sessionId: id.nullable().default(null),
  sheetId: z.string().min(1).max(128),
  channel: z.enum(['online', 'paper']),
  ratings: z.array(ratingSchema).max(50_000),
  /** The subjects the ballot was cast for (a tour sheet's one stop); absent: the session's agenda. */
  scope: z.array(id).max(50_000).readonly().optional(),
});

// Drift guards: each schema's output must be exactly the domain type.
assertSame<Same<z.output<typeof unitSchema>, D.Unit>>();
assertSame<Same<z.output<typeof subjectSchema>, D.Subject>>();
assertSame<Same<z.output<typeof raterGroupSchema>, D.RaterGroup>>();
assertSame<Same<z.output<typeof instrumentSchema>, D.Instrument>>();
assertSame<Same<z.output<typeof rankingSchema>, D.RankingSpec>>();
assertSame<Same<z.output<typeof sessionSchema>, D.Session>>();
assertSame<Same<z.output<typeof definitionSchema>, D.CampaignDefinition>>();
assertSame<Same<z.output<typeof ratingSchema>, D.Rating>>();
assertSame<Same<z.output<typeof ballotSchema>, D.Ballot>>();
