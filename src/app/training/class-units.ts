/**
 * The units of a class: its city's subtree, with each unit's ancestry, its place ("泽州县 / 南村镇") and the county it
 * counts under. Read once per request that needs it (a few thousand rows for a city).
 */
import type { Db } from '../../db/database.js';
import { listUnitSubtree } from '../../db/repositories/units.js';
import type { Unit } from '../../domain/types.js';

export class ClassUnits {
  readonly byId: ReadonlyMap<string, Unit>;

  private constructor(readonly rootId: string, units: readonly Unit[]) {
    this.byId = new Map(units.map((u) => [u.id, u]));
  }

  static async load(db: Db, rootUnitId: string): Promise<ClassUnits> {
    return new ClassUnits(rootUnitId, await listUnitSubtree(db, rootUnitId));
  }

  has(unitId: string): boolean {
    return this.byId.has(unitId);
  }

  name(unitId: string): string {
    return this.byId.get(unitId)?.name ?? unitId;
  }

  /** The unit and the units above it up to the class's city, nearest first. */
  ancestry(unitId: string): string[] {
    const out: string[] = [];
    let current = this.byId.get(unitId);
    for (let guard = 0; current && guard < 64; guard++) {
      out.push(current.id);
      if (current.id === this.rootId || current.parentId === null) break;
      current = this.byId.get(current.parentId);
    }
    return out;
  }

  /** Is `unitId` the unit `scopeId` or below it? */
  within(unitId: string, scopeId: string): boolean {
    return this.ancestry(unitId).includes(scopeId);
  }

  /** "泽州县 / 南村镇 / 南村村": below the city. */
  path(unitId: string): string {
    return this.ancestry(unitId).filter((id) => id !== this.rootId).reverse().map((id) => this.name(id)).join(' / ') || this.name(unitId);
  }

  /** The unit one level below the city that `unitId` lies in (its county), or the city itself. */
  countyOf(unitId: string): string {
    const chain = this.ancestry(unitId);
    return chain.length >= 2 ? chain[chain.length - 2]! : (chain[0] ?? unitId);
  }

  /** The units one level below the city. */
  counties(): Unit[] {
    return [...this.byId.values()].filter((u) => u.parentId === this.rootId);
  }
}
