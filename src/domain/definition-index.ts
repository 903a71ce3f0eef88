/**
 * Lookup maps over a campaign definition, built once per tally or validation so hot loops never scan arrays.
 */
import type { CampaignDefinition, Instrument, RaterGroup, Session, Subject, Unit } from './types.js';

export interface DefinitionIndex {
  def: CampaignDefinition;
  units: Map<string, Unit>;
  /** Child unit ids per parent id. */
  children: Map<string, string[]>;
  subjects: Map<string, Subject>;
  groups: Map<string, RaterGroup>;
  instruments: Map<string, Instrument>;
  sessions: Map<string, Session>;
}

export function indexDefinition(def: CampaignDefinition): DefinitionIndex {
  const children = new Map<string, string[]>();
  for (const u of def.units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  return {
    def,
    units: new Map(def.units.map((u) => [u.id, u])),
    children,
    subjects: new Map(def.subjects.map((s) => [s.id, s])),
    groups: new Map(def.raterGroups.map((g) => [g.id, g])),
    instruments: new Map(def.instruments.map((i) => [i.id, i])),
    sessions: new Map(def.sessions.map((s) => [s.id, s])),
  };
}

/** Is `unitId` the unit `ancestorId` itself or below it in the tree? */
export function isAtOrBelow(index: DefinitionIndex, unitId: string, ancestorId: string): boolean {
  let current: string | null = unitId;
  for (let guard = 0; current !== null && guard < 64; guard++) {
    if (current === ancestorId) return true;
    current = index.units.get(current)?.parentId ?? null;
  }
  return false;
}
