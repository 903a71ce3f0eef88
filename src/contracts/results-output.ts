/** Request schemas of the results output routes: publication (公示), what-if and stability. */
import { z } from 'zod';
import { decimal, id } from './definition.js';

/** A real calendar date, YYYY-MM-DD. */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'date: YYYY-MM-DD' })
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, { error: 'not a calendar date' });

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
