/** Schemas of the results output routes: publication (公示), what-if and stability. */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar.js';
import type { RankingStability, UnitStability } from '../domain/stability.js';
import { assertSame, type Same } from './common.js';
import { decimal, id } from './definition.js';
import { presentedNumberSchema, presentedRowSchema, tierCountSchema } from './results.js';
import { aggregationSchema } from './stored-definition.js';

/** A real calendar date, YYYY-MM-DD. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date: YYYY-MM-DD' })
  .refine(isCalendarDate, { error: '日期不存在 / not a calendar date' });

export const publishSchema = z
  .object({
    /** 公示日期: the first day of the notice. */
    noticeDate: calendarDate,
    /** 公示期 in calendar days, the notice date counted as day 1. */
    objectionDays: z.number().int().min(1).max(90).optional(),
    /** Or the last day of the objection period. */
    objectionEndDate: calendarDate.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    contact: z.string().trim().min(1).max(500).optional(),
    /** 落款: the issuing organ signed under the notice, e.g. 中共晋城市委组织部. */
    issuer: z.string().trim().min(1).max(100),
  })
  .refine((b) => (b.objectionDays === undefined) !== (b.objectionEndDate === undefined), {
    error: 'give exactly one of objectionDays and objectionEndDate',
    path: ['objectionDays'],
  })
  .refine((b) => b.objectionEndDate === undefined || b.objectionEndDate >= b.noticeDate, {
    error: 'objectionEndDate is before noticeDate',
    path: ['objectionEndDate'],
  });
export type PublishInput = z.output<typeof publishSchema>;

export const aggregationMethodSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('mean') }),
  z.object({ method: z.literal('median') }),
  z.object({ method: z.literal('trimmed'), k: z.number().int().min(1).max(100) }),
]);

export const whatIfSchema = z.object({
  rankingId: id,
  weights: z.array(z.object({ instrumentId: id, weight: decimal })).min(1).max(50).optional(),
  aggregation: z.record(id, aggregationMethodSchema).optional(),
});
export type WhatIfInput = z.output<typeof whatIfSchema>;

export const rankingParams = z.object({ campaignId: id, rankingId: id });

export const stabilityQuery = z.object({
  /** Percentage points each weight moves on the grid (default 5). */
  step: decimal.optional().refine((s) => s === undefined || (Number(s) >= 0 && Number(s) <= 50), { error: 'step: 0–50' }),
});

/** 假设分析: one ranking under other weights or methods, each row beside its declared (baseline) rank. */
export const whatIfResultSchema = z.object({
  rankingId: z.string(),
  name: z.string(),
  /** Nothing was stored: this is a preview. */
  stored: z.literal(false),
  weights: z.array(z.object({ instrumentId: z.string(), name: z.string(), declared: z.string().nullable(), scenario: z.string() })),
  aggregation: z.array(z.object({ instrumentId: z.string(), name: z.string(), declared: aggregationSchema, scenario: aggregationSchema })),
  tiers: z.array(tierCountSchema),
  rows: z.array(
    presentedRowSchema.extend({
      baselineRank: z.number().int(),
      /** baselineRank − rank: positive means the unit moves up. */
      change: z.number().int(),
      baselineTier: z.string().nullable(),
      baselineTotal: presentedNumberSchema,
    }),
  ),
});
export type WhatIfResult = z.output<typeof whatIfResultSchema>;

const unitStability = z.object({
  unitId: z.string(),
  rank: z.number().int(),
  tier: z.string().nullable(),
  bestRank: z.number().int(),
  worstRank: z.number().int(),
  /** Weights (percent, by component order) at which the best / worst rank was first reached on the grid. */
  bestAt: z.array(z.string()),
  worstAt: z.array(z.string()),
  /** Every tier the unit lands in somewhere on the grid, in the ranking's tier order. */
  tiers: z.array(z.string()),
  tierCanChange: z.boolean(),
  /** Somewhere on the grid the unit is tied across a tier cut (人工裁定). */
  tierTieSomewhere: z.boolean(),
});

const rankingStability = z.object({
  rankingId: z.string(),
  /** Percentage points each weight may move, decimal string. */
  step: z.string(),
  grid: z.enum(['full', 'pairwise']),
  /** Number of weight vectors ranked, the declared one included. */
  points: z.number().int(),
  components: z.array(z.object({ instrumentId: z.string(), weight: z.string() })),
  units: z.array(unitStability),
});

/** 排名稳定性: each unit's best and worst rank, and its tiers, over a grid of weights around the declared ones. */
export const stabilityResultSchema = z.object({
  ...rankingStability.shape,
  units: z.array(unitStability.extend({ name: z.string() })),
  name: z.string(),
});
export type StabilityResult = z.output<typeof stabilityResultSchema>;

assertSame<Same<z.output<typeof unitStability>, UnitStability>>();
assertSame<Same<z.output<typeof rankingStability>, RankingStability>>();
