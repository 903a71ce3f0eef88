/**
 * 导出编号: names ballots and online sheets for one export. Stored ids carry their commit's key (decision 0009), so an
 * export listing them would tell which anonymous ballots were committed together. Each export draws a key, names
 * every ballot `b_` + an HMAC of its stored id and every online sheet (a token) `s_` + another, then forgets the key;
 * paper sheets keep their printed numbers. Within the export the names agree (a ballot with its board entry, the
 * ballots of one sheet with each other); across exports they differ. The ballots are listed by their content.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Ballot } from '../../domain/types.js';
import { canonicalJson } from './canonical.js';

export interface ExportNames {
  /** The ballots renamed, in content order. */
  ballots: Ballot[];
  /** The export's name of a stored ballot id (for the board). */
  ballot(id: string): string;
}

export function nameForExport(stored: readonly Ballot[]): ExportNames {
  const key = randomBytes(32);
  const mac = (kind: string, id: string) => createHmac('sha256', key).update(`${kind}\n${id}`).digest('hex').slice(0, 24);
  const ballot = (id: string) => `b_${mac('ballot', id)}`;
  const ballots = stored
    .map((b) => ({ ...b, id: ballot(b.id), sheetId: b.channel === 'paper' ? b.sheetId : `s_${mac('sheet', b.sheetId)}` }))
    .map((b) => ({ b, order: canonicalJson({ ...b, id: undefined, sheetId: undefined }) }))
    .sort((x, y) => (x.order < y.order ? -1 : x.order > y.order ? 1 : x.b.id < y.b.id ? -1 : 1))
    .map((x) => x.b);
  return { ballots, ballot };
}
