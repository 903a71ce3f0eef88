/**
 * 讲收获汇编: the reflections the caller may see, with the office's filters, grouped by county and township (in the
 * division's order), featured first within each township, then as written. The workbook and the PDF booklet are both
 * drawn from this.
 */
import type { ReflectionExportQuery, ReflectionView } from '../../contracts/reflections.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { placeOf, selectReflections } from './browse-reflections.js';

export interface ReflectionTownship {
  name: string;
  items: ReflectionView[];
}

export interface ReflectionCounty {
  name: string;
  townships: ReflectionTownship[];
}

export interface ReflectionExport {
  className: string;
  rootUnitName: string;
  /** The viewer's unit, when the export is confined to it. */
  scopeName: string | null;
  /** The filters as the office would say them ("课次：书记论坛 · 仅精选"), or "". */
  filters: string;
  generatedAt: string;
  total: number;
  featured: number;
  counties: ReflectionCounty[];
}

export async function buildReflectionExport(ctx: AppContext, actor: Actor, classId: string, query: ReflectionExportQuery): Promise<ReflectionExport> {
  const s = await selectReflections(ctx, actor, classId, query);
  const rootName = s.units.name(s.units.rootId);
  const order = new Map([...s.units.byId.values()].sort((a, b) => (a.code ?? a.id).localeCompare(b.code ?? b.id)).map((u, i) => [u.id, i]));
  const rank = (id: string | null) => (id === null ? -1 : (order.get(id) ?? Number.MAX_SAFE_INTEGER));
  const counties = new Map<string, { rank: number; name: string; townships: Map<string, { rank: number; name: string; items: ReflectionView[] }> }>();
  for (const item of s.items) {
    const place = placeOf(s.units, item.participant.unitId);
    const countyKey = place.countyId ?? '';
    let county = counties.get(countyKey);
    if (!county) counties.set(countyKey, (county = { rank: rank(place.countyId), name: place.county || `${rootName}（市直）`, townships: new Map() }));
    const townKey = place.townshipId ?? '';
    let town = county.townships.get(townKey);
    if (!town) county.townships.set(townKey, (town = { rank: rank(place.townshipId), name: place.township || `${place.county || rootName}本级`, items: [] }));
    town.items.push(item);
  }
  const byWritten = (a: ReflectionView, b: ReflectionView) => Number(b.featured) - Number(a.featured) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
  const lesson = query.lessonId === undefined ? null : query.lessonId === 'class' ? '关于培训班整体' : (s.bundle.lessons.find((l) => l.id === query.lessonId)?.title ?? null);
  const filters = [
    query.unitId ? `单位：${s.units.path(query.unitId)}` : null,
    lesson ? `课次：${lesson}` : null,
    query.featured === true ? '仅精选' : query.featured === false ? '未精选' : null,
    query.q ? `含“${query.q}”` : null,
  ].filter(Boolean).join(' · ');
  return {
    className: s.bundle.row.name,
    rootUnitName: rootName,
    scopeName: s.scope ? s.units.path(s.scope) : null,
    filters,
    generatedAt: ctx.clock().toISOString(),
    total: s.items.length,
    featured: s.items.filter((i) => i.featured).length,
    counties: [...counties.values()]
      .sort((a, b) => a.rank - b.rank)
      .map((c) => ({ name: c.name, townships: [...c.townships.values()].sort((a, b) => a.rank - b.rank).map((t) => ({ name: t.name, items: t.items.sort(byWritten) })) })),
  };
}

