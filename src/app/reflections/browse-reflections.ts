/**
 * 讲收获 for the office: every reflection of the class within what the caller may see — a county viewer its own
 * county's — filtered by unit (county → township), lesson ("class": about the class as a whole), 精选 and a substring
 * of the text, the name or the unit. The same selection feeds the page, the workbook and the booklet.
 */
import { notFound } from '../../contracts/messages.js';
import type { ReflectionExportQuery, ReflectionPage, ReflectionQuery, ReflectionView } from '../../contracts/reflections.js';
import { listReflectionRows, type ReflectionRow } from '../../db/repositories/reflections.js';
import type { ClassRow, ParticipantRow } from '../../db/repositories/training.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { viewerUnit } from '../policies/unit-scope.js';
import type { ClassUnits } from '../training/class-units.js';
import { visibleRoster } from '../training/list-roster.js';
import { requireClass, type ClassBundle } from '../training/require-class.js';
import { reflectionsCloseAt, reflectionsOpen } from './reflection-window.js';

export interface ReflectionSelection {
  bundle: ClassBundle;
  units: ClassUnits;
  /** The viewer's unit, or null for the office. */
  scope: string | null;
  /** Everything the caller may see, before the filters. */
  visible: ReflectionView[];
  /** After the filters, newest first. */
  items: ReflectionView[];
}

/** The county and the township a unit counts under: the first two levels below the class's city ("" above them). */
export function placeOf(units: ClassUnits, unitId: string): { county: string; township: string; countyId: string | null; townshipId: string | null } {
  const chain = units.ancestry(unitId).filter((id) => id !== units.rootId).reverse();
  return { county: chain[0] ? units.name(chain[0]) : '', township: chain[1] ? units.name(chain[1]) : '', countyId: chain[0] ?? null, townshipId: chain[1] ?? null };
}

function present(r: ReflectionRow, p: ParticipantRow, units: ClassUnits, lessons: ReadonlyMap<string, string>): ReflectionView {
  const { county, township } = placeOf(units, p.unit_id);
  return {
    id: r.id,
    participant: { id: p.id, name: p.name, post: p.post, unitId: p.unit_id, unitName: units.name(p.unit_id), unitPath: units.path(p.unit_id) },
    county,
    township,
    lessonId: r.lesson_id,
    lessonTitle: r.lesson_id ? (lessons.get(r.lesson_id) ?? null) : null,
    text: r.text,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    featured: r.featured === 1,
  };
}

export async function selectReflections(ctx: AppContext, actor: Actor, classId: string, query: ReflectionExportQuery): Promise<ReflectionSelection> {
  const db = ctx.database.db;
  const bundle = await requireClass(db, classId);
  const scope = viewerUnit(actor);
  // Refuses a unit outside the viewer's scope (403), as the roster does; a unit not of the class is not found.
  const { units, rows: people } = await visibleRoster(ctx, actor, bundle.row, query.unitId);
  if (query.unitId !== undefined && !units.has(query.unitId)) throw notFound('unit', query.unitId);
  if (query.lessonId !== undefined && query.lessonId !== 'class' && !bundle.lessons.some((l) => l.id === query.lessonId)) throw notFound('lesson', query.lessonId);
  const { rows: scoped } = query.unitId === undefined ? { rows: people } : await visibleRoster(ctx, actor, bundle.row);
  const byId = new Map(scoped.map((p) => [p.id, p]));
  const narrowed = new Set(people.map((p) => p.id));
  const lessons = new Map(bundle.lessons.map((l) => [l.id, l.title]));
  const visible: ReflectionView[] = [];
  const items: ReflectionView[] = [];
  const q = query.q?.toLowerCase();
  for (const r of await listReflectionRows(db, classId)) {
    const p = byId.get(r.participant_id);
    if (!p) continue;
    const view = present(r, p, units, lessons);
    visible.push(view);
    if (!narrowed.has(p.id)) continue;
    if (query.lessonId !== undefined && (query.lessonId === 'class' ? r.lesson_id !== null : r.lesson_id !== query.lessonId)) continue;
    if (query.featured !== undefined && view.featured !== query.featured) continue;
    if (q && !(view.text.toLowerCase().includes(q) || p.name.toLowerCase().includes(q) || view.participant.unitPath.includes(q) || p.post.includes(q))) continue;
    items.push(view);
  }
  return { bundle, units, scope, visible, items };
}

export async function browseReflections(ctx: AppContext, actor: Actor, classId: string, query: ReflectionQuery): Promise<ReflectionPage> {
  const s = await selectReflections(ctx, actor, classId, query);
  const start = (query.page - 1) * query.pageSize;
  return {
    total: s.items.length,
    page: query.page,
    pageSize: query.pageSize,
    counts: { all: s.visible.length, featured: s.visible.filter((v) => v.featured).length, writers: new Set(s.visible.map((v) => v.participant.id)).size },
    ...reflectionState(s.bundle.row, ctx.clock().getTime()),
    items: s.items.slice(start, start + query.pageSize),
  };
}

export function reflectionState(row: Pick<ClassRow, 'reflections_close_at'>, now: number): { open: boolean; closesAt: string | null } {
  return { open: reflectionsOpen(row, now), closesAt: reflectionsCloseAt(row) };
}
