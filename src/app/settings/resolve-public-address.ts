/**
 * 公开地址: the address QR slips, screen links and notices carry — the one stored in the console, else
 * LEITAI_PUBLIC_URL, else the address this request came to. Read from the database on every use, so that several
 * servers agree the moment the office changes it.
 */
import { getSetting } from '../../db/repositories/settings.js';
import { parsePublicUrl } from '../../domain/public-address.js';
import type { AppContext } from '../context.js';

export interface ResolvedPublicAddress {
  url: string;
  source: 'setting' | 'environment' | 'request';
  stored: { url: string; updatedAt: string } | null;
}

/** `requestOrigin` is the scheme and host the caller's request came to (`http://localhost:3000`). */
export async function resolvePublicAddress(ctx: AppContext, requestOrigin: string): Promise<ResolvedPublicAddress> {
  const stored = await getSetting(ctx.database.db, 'public_url');
  if (stored) return { url: stored.value, source: 'setting', stored: { url: stored.value, updatedAt: stored.updatedAt } };
  if (ctx.environmentPublicUrl !== null) return { url: ctx.environmentPublicUrl, source: 'environment', stored: null };
  const parsed = parsePublicUrl(requestOrigin);
  return { url: parsed.ok ? parsed.origin : requestOrigin.replace(/\/+$/, ''), source: 'request', stored: null };
}
