/** Request schemas of the room routes: token sheets, paper entry checks, tally reports and the live screen. */
import { z } from 'zod';
import { id } from './definition.js';
import { issueTokensSchema } from './api.js';

export const tokenSheetSchema = issueTokensSchema.extend({
  /**
   * The origin phones reach the server at (e.g. https://leitai.example.cn), used in the QR links. Defaults to the
   * origin this request came to — wrong when the clerk's browser reaches the server through another address.
   */
  origin: z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, { error: 'expected an origin such as https://host:port' }).optional(),
});
export type TokenSheetInput = z.output<typeof tokenSheetSchema>;

export const sheetParams = z.object({ sessionId: id, sheetNumber: z.string().trim().min(1).max(64) });

export const screenParams = z.object({ sessionId: id });
export const screenQuery = z.object({ key: z.string().max(100).optional() });

/** The old paper entry link, /clerk/paper?session=…: any text, since it is only passed on to the console's page. */
export const clerkPaperQuery = z.object({ session: z.string().max(200).optional() });
