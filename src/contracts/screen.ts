/**
 * 大屏: the live screen's read-only key and its board. Anonymity: nothing per rater; a group with 1–2 returned sheets
 * shows no count, a subject scored by fewer than 3 ballots no score, and a ranking built on one no rows.
 */
import { z } from 'zod';
import { messageSchema } from './common.js';

/** 大屏密钥: shown once; the screen's URL carries it. */
export const screenKeySchema = z.object({
  keyId: z.string(),
  key: z.string(),
  /** Path of the screen page, key included. */
  path: z.string(),
  /** The whole link at the public address (设置 › 公开地址), for the room's projector. */
  url: z.string(),
});
export type ScreenKey = z.output<typeof screenKeySchema>;

export const screenBoardSchema = z.object({
  session: z.object({ sessionId: z.string(), name: z.string(), status: z.enum(['draft', 'open', 'closed']), campaignName: z.string() }),
  /**
   * A neutral line shown instead of numbers and results while the office checks a count that does not add up, or once
   * a closed session does not count. The verdict itself (void, no quorum) never reaches the screen.
   */
  hold: messageSchema.nullable(),
  /** Sheets issued and returned, per group; null while the board holds. */
  participation: z.object({
    expected: z.number().int(),
    issued: z.number().int(),
    returned: z.number().int(),
    groups: z.array(
      z.object({
        groupId: z.string(),
        name: z.string(),
        expected: z.number().int(),
        issued: z.number().int(),
        returned: z.number().int().nullable(),
        hiddenForAnonymity: z.boolean(),
      }),
    ),
  }).nullable(),
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      name: z.string(),
      visibility: z.enum(['live', 'after-all-voted', 'after-close']),
      visible: z.boolean(),
      /** Why the results are not shown yet. */
      waiting: messageSchema.nullable(),
      /** Ranked by score; equal scores share a rank; hidden and unscored subjects come last with rank 0. */
      subjects: z.array(
        z.object({ rank: z.number().int(), subjectId: z.string(), name: z.string(), score: z.string().nullable(), hiddenForAnonymity: z.boolean() }),
      ),
    }),
  ),
  /** A ranking built on a subject with only 1–2 ballots is held back whole: its order would show how they rated. */
  rankings: z.array(
    z.object({
      rankingId: z.string(),
      name: z.string(),
      hiddenForAnonymity: z.boolean(),
      rows: z.array(z.object({ rank: z.number().int(), name: z.string(), total: z.string(), tierLabel: z.string().nullable(), tierTie: z.boolean() })),
    }),
  ),
  /** The session is still open: results may change. */
  provisional: z.boolean(),
});
export type ScreenBoard = z.output<typeof screenBoardSchema>;
