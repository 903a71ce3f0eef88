/** What the office workbooks share: dates as China Standard Time in Chinese format, and valid, distinct sheet names. */

/** Excel number formats: 2022年6月20日, and 2022年6月20日 14:05. */
export const DATE_FORMAT = 'yyyy"年"m"月"d"日"';
export const DATE_TIME_FORMAT = 'yyyy"年"m"月"d"日" hh:mm';

const CST_OFFSET = 8 * 3600_000;

/**
 * A date cell's value showing China Standard Time. Excel dates have no zone and exceljs writes a Date's UTC fields,
 * so an instant is shifted to the wall-clock time of Beijing; a calendar date (YYYY-MM-DD) is taken as it is.
 */
export function cellDate(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return new Date(Date.parse(value) + CST_OFFSET);
}

/** Excel refuses : \ / ? * [ ] in a sheet name, and more than 31 characters; names must differ regardless of case. */
export function sheetNames(wanted: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return wanted.map((name) => {
    const clean = name.replace(/[:\\/?*[\]]/g, '・').replace(/^'|'$/g, '').trim().slice(0, 31) || '排名';
    let candidate = clean;
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${clean.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(candidate.toLowerCase());
    return candidate;
  });
}
