/**
 * 日程安排: the class's agenda as the printed A4 page shows it — every day of the class (a day without lessons says
 * so), each lesson with its time, form, title, venues (the main one first), speakers, materials and 学时, and the
 * hours of the whole class.
 */
import type { Lesson, TrainingClass } from '../../contracts/training.js';
import { formatFixed, parseDecimal, sum, ZERO } from '../../domain/exact.js';
import { CHECKIN_OPENS_BEFORE_MS } from '../../domain/training/attendance.js';
import type { AppContext } from '../context.js';
import { getClass } from './get-class.js';

export interface AgendaLesson {
  /** "08:30". */
  starts: string;
  ends: string;
  kind: string;
  title: string;
  /** Venue names, the main venue first. */
  venues: string[];
  speakers: Lesson['speakers'];
  materials: Lesson['materials'];
  hours: string;
}

export interface AgendaDay {
  /** "2022-06-15". */
  date: string;
  /** 1 for the class's first day. */
  number: number;
  lessons: AgendaLesson[];
}

export interface Agenda {
  className: string;
  rootUnitName: string;
  startsOn: string;
  endsOn: string;
  days: AgendaDay[];
  /** The class's 学时 in all, without trailing zeros ("17.5"). */
  totalHours: string;
  lessons: number;
  graceMinutes: number;
  lateSharePercent: number;
  /** True when some lesson sets its own grace or late share. */
  lessonRulesDiffer: boolean;
  checkinOpensMinutes: number;
  generatedAt: string;
}

/** The dates from `from` to `to`, both included (YYYY-MM-DD, calendar days). */
export function classDates(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`) && out.length < 400; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** "17.50" → "17.5", "3.00" → "3". */
export function plainHours(display: string): string {
  return display.includes('.') ? display.replace(/0+$/, '').replace(/\.$/, '') : display;
}

export function agendaOf(cls: TrainingClass, generatedAt: string): Agenda {
  const venueNames = new Map(cls.venues.map((v) => [v.id, v.name]));
  const byDay = new Map<string, AgendaLesson[]>();
  for (const l of cls.agenda) {
    const lessons = byDay.get(l.day) ?? byDay.set(l.day, []).get(l.day)!;
    lessons.push({
      starts: l.startsAt.slice(11),
      // A lesson that runs past midnight shows the day it ends.
      ends: l.endsAt.slice(0, 10) === l.day ? l.endsAt.slice(11) : `${Number(l.endsAt.slice(5, 7))}月${Number(l.endsAt.slice(8, 10))}日 ${l.endsAt.slice(11)}`,
      kind: l.kindLabel.zh,
      title: l.title,
      venues: l.venueIds.map((id) => venueNames.get(id) ?? id),
      speakers: l.speakers,
      materials: l.materials,
      hours: l.hours,
    });
  }
  const total = cls.agenda.length > 0 ? sum(cls.agenda.map((l) => parseDecimal(l.hours))) : ZERO;
  return {
    className: cls.name,
    rootUnitName: cls.rootUnitName,
    startsOn: cls.startsOn,
    endsOn: cls.endsOn,
    days: classDates(cls.startsOn, cls.endsOn).map((date, i) => ({ date, number: i + 1, lessons: byDay.get(date) ?? [] })),
    totalHours: plainHours(formatFixed(total, 2)),
    lessons: cls.agenda.length,
    graceMinutes: cls.graceMinutes,
    lateSharePercent: cls.lateSharePercent,
    lessonRulesDiffer: cls.agenda.some((l) => l.effectiveGraceMinutes !== cls.graceMinutes || l.effectiveLateSharePercent !== cls.lateSharePercent),
    checkinOpensMinutes: CHECKIN_OPENS_BEFORE_MS / 60_000,
    generatedAt,
  };
}

export async function buildAgenda(ctx: AppContext, classId: string): Promise<Agenda> {
  return agendaOf(await getClass(ctx, classId), ctx.clock().toISOString());
}
