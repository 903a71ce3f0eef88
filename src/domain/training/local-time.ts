/**
 * 培训班时间: a class runs on Beijing time (UTC+8, no daylight saving), so lesson times are typed and shown as local
 * wall-clock text — "2022-06-15T09:00" — and stored as instants. Parsing is strict: a date that does not exist
 * (2026-02-31, 2026-13-01) is refused, never rolled over.
 */
import { isCalendarDate, isValidDate } from '../calendar.js';

export const CLASS_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = CLASS_UTC_OFFSET_MINUTES * 60_000;

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** Is `s` a calendar date that exists, as YYYY-MM-DD? */
export const isLocalDate = isCalendarDate;

/** "2022-06-15T09:00" (Beijing time) → epoch ms, or null when it is not such a time or the date does not exist. */
export function parseLocalDateTime(s: string): number | null {
  const m = LOCAL.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])];
  if (!isValidDate(y, mo, d) || h > 23 || mi > 59) return null;
  return Date.UTC(y, mo - 1, d, h, mi) - OFFSET_MS;
}

/** Epoch ms → "2022-06-15T09:00" in Beijing time. */
export function formatLocalDateTime(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 16);
}

/** Epoch ms → "09:02" in Beijing time. */
export function formatLocalClock(ms: number): string {
  return formatLocalDateTime(ms).slice(11);
}

/** The local date ("2022-06-15") of an instant. */
export function localDateOf(ms: number): string {
  return formatLocalDateTime(ms).slice(0, 10);
}
