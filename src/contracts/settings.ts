/**
 * 设置: what the office changes at run time. The public address (公开地址) is where phones reach the server: QR slips,
 * big-screen links and notices carry it. Stored in the database so every server sees the same value; a stored value
 * overrides LEITAI_PUBLIC_URL, and with neither the address the office's browser used stands in (with a warning when a
 * phone could never open it).
 */
import { z } from 'zod';
import { messageSchema } from './common.js';

/** null (or an empty text) clears the stored address: LEITAI_PUBLIC_URL, or the browser's address, applies again. */
export const publicAddressInputSchema = z.object({ url: z.string().trim().max(300).nullable() });
export type PublicAddressInput = z.output<typeof publicAddressInputSchema>;

export const publicAddressSchema = z.object({
  /** The address slips and screen links use now (an origin: scheme, host, port). */
  url: z.string(),
  /** Where it comes from: stored in the console, LEITAI_PUBLIC_URL, or — neither set — this request's own address. */
  source: z.enum(['setting', 'environment', 'request']),
  /** The address stored in the console, when one is. */
  stored: z.object({ url: z.string(), updatedAt: z.string() }).nullable(),
  /** LEITAI_PUBLIC_URL, when set. */
  environment: z.string().nullable(),
  /** false: a phone can never open `url` (localhost, a loopback, link-local or unspecified address). */
  phoneReachable: z.boolean(),
  /** Why phones cannot open it, in plain words, and what to enter instead; null when they may. */
  warning: messageSchema.nullable(),
  /** A harmless page (the code-entry page /r) to scan with a phone before the meeting, and its QR code as SVG. */
  test: z.object({ url: z.string(), qrSvg: z.string() }),
});
export type PublicAddress = z.output<typeof publicAddressSchema>;
