/**
 * Times on the tour pages, in China Standard Time as every printed page shows them: a server's ISO instant as
 * "06-15 14:05" (with the year when it is not this year's), and how long ago it was, so the office sees at a glance
 * a phone that has not been heard from for an hour.
 */
import { beijingNow } from '../training/agenda.js';

/** "06-15 14:05" in China Standard Time; "2021-06-15 14:05" when the year differs from `now`'s. */
export function shortTime(iso: string, now: number = Date.now()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const local = beijingNow(ms);
  const sameYear = local.slice(0, 4) === beijingNow(now).slice(0, 4);
  return `${sameYear ? local.slice(5, 10) : local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** How long ago, for a reader: { zh: '12 分钟前', en: '12 min ago' }; a time ahead of `now` reads as “just now”. */
export function ago(iso: string, now: number = Date.now()): { zh: string; en: string } {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return { zh: '', en: '' };
  const minutes = Math.max(0, Math.floor((now - ms) / 60_000));
  if (minutes < 1) return { zh: '刚刚', en: 'just now' };
  if (minutes < 60) return { zh: `${minutes} 分钟前`, en: `${minutes} min ago` };
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return { zh: `${hours} 小时前`, en: `${hours} h ago` };
  const days = Math.floor(hours / 24);
  return { zh: `${days} 天前`, en: `${days} d ago` };
}
