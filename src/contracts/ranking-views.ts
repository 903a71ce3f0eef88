/**
 * 排名榜与单位页: what the console's ranking board and unit page show, picked from the presented tally — a few KB
 * instead of the whole tally (3.85 MB on a province). No ballot-level data is in either view.
 */
import { z } from 'zod';
import { ballotCountsSchema, presentedNumberSchema, presentedRowSchema, tierCountSchema } from './results.js';

export const rankingSummarySchema = z.object({
  rankingId: z.string(),
  name: z.string(),
  level: z.string(),
  /** Rows the caller may see. */
  rowCount: z.number().int(),
});
export type RankingSummary = z.output<typeof rankingSummarySchema>;

export const rankingListSchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  ballots: ballotCountsSchema,
  rankings: z.array(rankingSummarySchema),
});
export type RankingListView = z.output<typeof rankingListSchema>;

/** A row as the board draws it: component scores by display value only (the unit page has the exact ones). */
export const boardRowSchema = z.object({
  rank: z.number().int(),
  unitId: z.string(),
  name: z.string(),
  total: presentedNumberSchema,
  tier: z.string().nullable(),
  tierLabel: z.string().nullable(),
  tierTie: z.boolean(),
  adjustments: z.string(),
  components: z.array(z.object({ score: z.string().nullable(), contribution: z.string(), source: z.enum(['direct', 'rollup', 'missing']) })),
});
export type BoardRow = z.output<typeof boardRowSchema>;

export const rankingBoardSchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  ballots: ballotCountsSchema,
  /** Every ranking of the campaign, for the tabs. */
  rankings: z.array(rankingSummarySchema),
  ranking: z.object({
    rankingId: z.string(),
    name: z.string(),
    level: z.string(),
    tiers: z.array(tierCountSchema),
    /** Column heads, in the order of each row's `components`. */
    components: z.array(z.object({ instrumentId: z.string(), name: z.string(), weight: presentedNumberSchema })),
    hasAdjustments: z.boolean(),
    rows: z.array(boardRowSchema),
  }),
});
export type RankingBoardView = z.output<typeof rankingBoardSchema>;

export const unitCardSchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  ranking: z.object({ rankingId: z.string(), name: z.string(), level: z.string(), tiers: z.array(tierCountSchema), rowCount: z.number().int() }),
  row: presentedRowSchema,
  /**
   * Per component (row order): the mean score over all the ranking's rows that have one — the level's average, the
   * same for every caller. A unit viewer sees only published results, and a mean over its own rows alone would
   * compare a county with itself.
   */
  averages: z.array(z.object({ instrumentId: z.string(), name: z.string(), average: presentedNumberSchema.nullable(), count: z.number().int() })),
});
export type UnitCardView = z.output<typeof unitCardSchema>;
