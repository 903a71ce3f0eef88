/**
 * 回执名单: the public list of a closed session's receipts, so that every rater can see that their sheet is in.
 * It lists one receipt per sheet returned in the session (online and paper, valid or not), in receipt order — and
 * nothing else of a sheet: no rating, no time, no rater group, no channel.
 */
import { z } from 'zod';
import { messageSchema } from './common.js';

/** The HTML page takes any path text and answers an unknown one with a page of its own, never a JSON refusal. */
export const receiptPageParams = z.object({ sessionId: z.string().max(200) });

export const receiptPageQuery = z.object({
  /** A receipt to look for, as typed (case, spaces and dashes do not matter). */
  q: z.string().max(100).optional(),
  /** `en` for English; anything else is Chinese. */
  lang: z.string().max(10).optional(),
});

export const receiptListSchema = z.object({
  campaign: z.object({ name: z.string() }),
  session: z.object({ id: z.string(), name: z.string(), status: z.enum(['draft', 'open', 'closed']) }),
  /** Sorted; a receipt shared by two sheets (40 random bits each) is listed twice. null until the session closes. */
  receipts: z.array(z.string()).nullable(),
  /**
   * Whether the session's sheets count toward the results (more than half present, no more sheets back than
   * issued), with its numbers; null until the session closes.
   */
  verdict: z.object({ status: z.enum(['valid', 'no-quorum', 'void']), explanation: messageSchema }).nullable(),
});
export type ReceiptList = z.output<typeof receiptListSchema>;
