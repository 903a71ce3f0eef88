/**
 * 学员名单（打印）: what the office prints and hands out so each trainee can identify on a phone — per unit, in the
 * order of the division codes, each trainee's name, post and personal code, with the class's check-in instructions
 * in one line. The office and clerks only: a county viewer never sees personal codes.
 */
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { getUnit } from '../../db/repositories/units.js';
import { CHECKIN_OPENS_BEFORE_MS } from '../../domain/training/attendance.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { visibleRoster } from './list-roster.js';
import { invalidField } from './refusals.js';
import { requireClass } from './require-class.js';

export interface RosterSheet {
  className: string;
  startsOn: string;
  endsOn: string;
  /** The unit asked for (its place below the city), or null for the whole roster. */
  scope: string | null;
  /** One line: how to check in with the personal code. */
  instructions: string;
  units: { unitId: string; place: string; people: { name: string; post: string; code: string }[] }[];
  participants: number;
  generatedAt: string;
}

const byName = new Intl.Collator('zh-CN');

export async function buildRosterSheet(ctx: AppContext, actor: Actor, classId: string, unitId?: string): Promise<RosterSheet> {
  const bundle = await requireClass(ctx.database.db, classId);
  const { units, rows } = await visibleRoster(ctx, actor, bundle.row, unitId);
  if (unitId !== undefined && !units.has(unitId)) {
    const unit = await getUnit(ctx.database.db, unitId);
    if (!unit) throw notFound('unit', unitId);
    throw invalidField('unitId', MESSAGES.unitOutsideClass(unit.name));
  }
  const groups = new Map<string, RosterSheet['units'][number]['people']>();
  for (const r of rows) (groups.get(r.unit_id) ?? groups.set(r.unit_id, []).get(r.unit_id)!).push({ name: r.name, post: r.post, code: r.code });
  const codeOf = (id: string) => units.byId.get(id)?.code ?? id;
  const grace = bundle.row.grace_minutes;
  const ownGrace = bundle.lessons.some((l) => l.graceMinutes !== grace);
  return {
    className: bundle.row.name,
    startsOn: bundle.row.starts_on,
    endsOn: bundle.row.ends_on,
    scope: unitId === undefined ? null : units.path(unitId),
    instructions:
      `签到方法：到会场后用手机扫描大屏上的签到二维码，首次签到时输入本人个人签到码（或在本单位名单中点选本人），同一部手机确认一次后，本培训班其余课次扫码即可签到；` +
      `每个课次开课前 ${CHECKIN_OPENS_BEFORE_MS / 3_600_000} 小时开放签到，开课 ${grace} 分钟后签到记为迟到${ownGrace ? '（个别课次另有规定的，以日程为准）' : ''}。个人签到码仅限本人使用，请勿转告他人。`,
    units: [...groups]
      .sort(([a], [b]) => codeOf(a).localeCompare(codeOf(b)) || a.localeCompare(b))
      .map(([id, people]) => ({ unitId: id, place: units.path(id), people: people.sort((a, b) => byName.compare(a.name, b.name)) })),
    participants: rows.length,
    generatedAt: ctx.clock().toISOString(),
  };
}
