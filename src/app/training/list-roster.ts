/**
 * 学员名单: searchable (name, post, unit, phone or code) and filterable by unit and the units below it, a page at a
 * time. A county viewer sees their own county's people only, without phones or codes.
 */
import type { RosterPage, RosterQuery } from '../../contracts/training.js';
import { listParticipantRows, type ClassRow, type ParticipantRow } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { outsideScope, viewerUnit } from '../policies/unit-scope.js';
import { ClassUnits } from './class-units.js';
import { presentParticipant } from './present-participant.js';
import { requireClass } from './require-class.js';

/** The class a roster is read for: the caller has it already (requireClass). */
type RosterClass = Pick<ClassRow, 'id' | 'root_unit_id'>;

/** The roster rows `actor` may see, narrowed to `unitId` when given (refused when outside their scope). */
export function visibleRoster(ctx: AppContext, actor: Actor, cls: RosterClass, unitId?: string): Promise<{ units: ClassUnits; rows: ParticipantRow[] }> {
  return rosterWithin(ctx, cls, viewerUnit(actor), unitId);
}

/** The roster below `scope` (null: all), narrowed to `unitId` when given. */
export async function rosterWithin(ctx: AppContext, cls: RosterClass, scope: string | null, unitId?: string): Promise<{ units: ClassUnits; rows: ParticipantRow[] }> {
  const db = ctx.database.db;
  const units = await ClassUnits.load(db, cls.root_unit_id);
  if (scope !== null && unitId !== undefined && !units.within(unitId, scope)) throw outsideScope();
  const narrow = unitId ?? scope;
  let rows = await listParticipantRows(db, cls.id);
  if (narrow !== null) rows = rows.filter((r) => units.within(r.unit_id, narrow));
  return { units, rows };
}

export async function listRoster(ctx: AppContext, actor: Actor, classId: string, query: RosterQuery): Promise<RosterPage> {
  const { row } = await requireClass(ctx.database.db, classId);
  const { units, rows } = await visibleRoster(ctx, actor, row, query.unitId);
  const confidential = actor.role !== 'viewer';
  const q = query.q?.toLowerCase();
  const matching = q
    ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.post.toLowerCase().includes(q) || units.path(r.unit_id).includes(q) || (confidential && ((r.phone ?? '').includes(q) || r.code.toLowerCase().replace('-', '').includes(q.replace('-', '')))))
    : rows;
  const start = (query.page - 1) * query.pageSize;
  return {
    total: matching.length,
    page: query.page,
    pageSize: query.pageSize,
    items: matching.slice(start, start + query.pageSize).map((r) => presentParticipant(r, units, confidential)),
  };
}
