/**
 * 公示: what the public notice shows, read from the frozen publication only — rankings with tiers and component
 * scores by their display values; no ballot, group breakdown or invalid-ballot detail.
 */
import { z } from 'zod';
import { messageSchema } from './common.js';
import { tierCountSchema } from './results.js';

export const noticeSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  title: z.string(),
  noticeDate: z.string(),
  objectionEndDate: z.string(),
  /** 公示期 in calendar days, the notice date counted as day 1. */
  objectionDays: z.number().int(),
  contact: z.string().nullable(),
  /** 落款: the issuing organ; null for a notice published before it was asked for. */
  issuer: z.string().nullable(),
  publishedAt: z.string(),
  /** SHA-256 of the results as published; `leitai tally bundle.json --verify` prints the same. */
  resultsHash: z.string(),
  hashMethod: z.string(),
  verification: messageSchema,
  /**
   * 选票链头: per session, the head of the chain of its ballots' hashes stored with the publication (decision 0019);
   * `leitai tally --verify` prints the same heads for an export. Empty for a notice published before chains existed.
   */
  ballotChains: z.array(z.object({ sessionId: z.string().nullable(), name: z.string(), ballotCount: z.number().int(), head: z.string() })),
  rankings: z.array(
    z.object({
      rankingId: z.string(),
      name: z.string(),
      tiers: z.array(tierCountSchema),
      components: z.array(z.object({ instrumentId: z.string(), name: z.string(), weight: z.string() })),
      rows: z.array(
        z.object({
          rank: z.number().int(),
          unitId: z.string(),
          name: z.string(),
          total: z.string(),
          tier: z.string().nullable(),
          tierLabel: z.string().nullable(),
          /** Tied across a tier cut: left in the lower tier for the office's decision (人工裁定). */
          tierTie: z.boolean(),
          /**
           * The total as shown equals a neighbour's, yet the ranks differ: ranked on the unrounded totals
           * ('unrounded') or by the declared tie-break ('tie-break'); null otherwise.
           */
          equalShownTotal: z.enum(['unrounded', 'tie-break']).nullable(),
          components: z.array(z.object({ instrumentId: z.string(), score: z.string().nullable() })),
        }),
      ),
      /** What a reader needs to read the table right, in plain words (e.g. why equal totals have different ranks). */
      notes: z.array(messageSchema),
    }),
  ),
});
export type Notice = z.output<typeof noticeSchema>;
