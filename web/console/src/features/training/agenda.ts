/**
 * 日程的纯规则: the class's days, its lessons under their days, which lesson is on now, what a lesson form may send.
 * Times are Beijing wall-clock text ("2022-06-15T09:00", docs/training.md), so they compare as strings and never go
 * through the browser's own time zone: an office PC set to another zone still sees the class's clock.
 */

const BEIJING_OFFSET_MS = 8 * 60 * 60_000;
/** A class longer than this is a typing error, not a class: the agenda lists no more days than this. */
const MAX_DAYS = 92;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function utcDay(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

/** Every date from `startsOn` to `endsOn`, both included ("2022-06-15" … "2022-06-17"); empty when they make no range. */
export function classDays(startsOn: string, endsOn: string): string[] {
  const from = utcDay(startsOn);
  const to = utcDay(endsOn);
  if (from === null || to === null || to < from) return [];
  const days: string[] = [];
  for (let ms = from; ms <= to && days.length < MAX_DAYS; ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
  return days;
}

export interface DayOfAgenda<L> {
  day: string;
  /** 1 for the class's first day; null for a day outside the class's dates (a lesson left there after the dates changed). */
  index: number | null;
  lessons: L[];
}

/** The agenda day by day: every day of the class (empty ones too, so the office sees the gap), each day's lessons by start. */
export function agendaByDay<L extends { day: string; startsAt: string; endsAt: string }>(startsOn: string, endsOn: string, lessons: readonly L[]): DayOfAgenda<L>[] {
  const days = classDays(startsOn, endsOn);
  const byDay = new Map<string, L[]>(days.map((d) => [d, []]));
  for (const lesson of lessons) {
    const list = byDay.get(lesson.day);
    if (list) list.push(lesson);
    else byDay.set(lesson.day, [lesson]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, list]) => {
      const at = days.indexOf(day);
      return { day, index: at === -1 ? null : at + 1, lessons: [...list].sort((a, b) => (a.startsAt === b.startsAt ? (a.endsAt < b.endsAt ? -1 : 1) : a.startsAt < b.startsAt ? -1 : 1)) };
    });
}

/** Now on the class's clock, as "2022-06-15T09:00". */
export function beijingNow(ms: number = Date.now()): string {
  return new Date(ms + BEIJING_OFFSET_MS).toISOString().slice(0, 16);
}

/**
 * The lesson the 签到 page opens on: the one running now (the latest started, when two overlap), else the next to
 * start, else the last one that ended. Undefined for an empty agenda.
 */
export function currentOrNextLesson<L extends { startsAt: string; endsAt: string }>(lessons: readonly L[], now: string): L | undefined {
  const running = lessons.filter((l) => l.startsAt <= now && now < l.endsAt).sort((a, b) => (a.startsAt < b.startsAt ? 1 : -1));
  if (running[0]) return running[0];
  const next = lessons.filter((l) => l.startsAt > now).sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
  if (next[0]) return next[0];
  return [...lessons].sort((a, b) => (a.endsAt < b.endsAt ? 1 : -1))[0];
}

/** "2022-06-15T09:00" → "09:00". */
export function clockOf(localDateTime: string): string {
  return localDateTime.slice(11, 16);
}

/** The date part of "2022-06-15T09:00". */
export function dayOf(localDateTime: string): string {
  return localDateTime.slice(0, 10);
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A day as the office reads it: "6月15日 周三" / "Wed 15 Jun". */
export function dayLabel(day: string, lang: 'zh' | 'en'): string {
  const ms = utcDay(day);
  if (ms === null) return day;
  const d = new Date(ms);
  const weekday = d.getUTCDay();
  if (lang === 'zh') return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS_ZH[weekday]}`;
  return `${WEEKDAYS_EN[weekday]} ${d.getUTCDate()} ${MONTHS_EN[d.getUTCMonth()]}`;
}

export type LessonTimeProblem = 'ends_before_start' | 'outside_class_days';

/**
 * What the lesson form refuses before sending, on the same rules as the server (domain/training/lesson-rules.ts): a
 * lesson ends after it starts and lies within the class's days. Times as "2022-06-15T09:00".
 */
export function lessonTimeProblem(startsAt: string, endsAt: string, startsOn: string, endsOn: string): LessonTimeProblem | null {
  if (endsAt <= startsAt) return 'ends_before_start';
  if (dayOf(startsAt) < startsOn || dayOf(startsAt) > endsOn || dayOf(endsAt) > endsOn) return 'outside_class_days';
  return null;
}

/** 学时 as typed: a positive decimal with at most two places, at most 24 ("2", "1.5", "0.75"). */
export function validHoursText(text: string): boolean {
  const s = text.trim();
  if (!/^\d{1,15}(\.\d{1,2})?$/.test(s)) return false;
  const value = Number(s);
  return value > 0 && value <= 24;
}
