/**
 * Calendar dates as people type them, YYYY-MM-DD: a date that does not exist (2026-02-31, 2026-13-01, 0000-00-00) is
 * refused, never rolled over or thrown on. Years 1900–2999: anything else is a typing slip in this domain.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Is `s` a calendar date that exists, as YYYY-MM-DD? */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  return m !== null && isValidDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
