/**
 * 案例库 ↔ 案例评: which items a library case may be linked to, and an item's place among the items of its 案例评.
 *
 * A 案例评 instrument rates case items (`kind: 'case'`) and nothing else; the office's template starts its 案例评 with
 * no items, so an instrument with no subjects counts when it carries the template's 案例评 id. An item is rated for
 * the unit that owns it (a county, in the article), so a case fits an item when the case's own unit is that unit or
 * lies below it: a township's case can be its county's 案例评 item, never another county's, and a county's case is
 * not a single township's item.
 */
import type { Fraction } from '../exact.js';
import { INSTRUMENT_IDS } from '../liangshaiping/instruments.js';
import type { CampaignDefinition, Instrument, Subject } from '../types.js';

export function isCaseInstrument(def: CampaignDefinition, instrument: Instrument): boolean {
  if (instrument.kind === 'adjustments') return false;
  if (instrument.subjectIds.length === 0) return instrument.id === INSTRUMENT_IDS.case;
  const kinds = new Map(def.subjects.map((s) => [s.id, s.kind]));
  return instrument.subjectIds.every((id) => kinds.get(id) === 'case');
}

export type LinkTargetProblem = 'instrument_unknown' | 'not_case_instrument' | 'item_unknown' | 'item_not_in_instrument';

/** The 案例评 instrument and the case item a link would point at, or what is wrong with them. */
export function findLinkTarget(def: CampaignDefinition, instrumentId: string, itemId: string): { instrument: Instrument; item: Subject } | LinkTargetProblem {
  const instrument = def.instruments.find((i) => i.id === instrumentId);
  if (!instrument) return 'instrument_unknown';
  if (!isCaseInstrument(def, instrument)) return 'not_case_instrument';
  const item = def.subjects.find((s) => s.id === itemId);
  if (!item) return 'item_unknown';
  if (item.kind !== 'case' || !instrument.subjectIds.includes(itemId)) return 'item_not_in_instrument';
  return { instrument, item };
}

/** The 案例评 instrument that rates `itemId`, if any (a case item is rated by one). */
export function caseInstrumentOf(def: CampaignDefinition, itemId: string): Instrument | null {
  return def.instruments.find((i) => i.subjectIds.includes(itemId) && isCaseInstrument(def, i)) ?? null;
}

/** An item's score and its rank among the scored items of its instrument (ties share a rank: 1, 1, 3). */
export function itemStanding(scores: readonly { subjectId: string; score: Fraction | null }[], itemId: string): { score: Fraction; rank: number; of: number } | null {
  const scored = scores.filter((s): s is { subjectId: string; score: Fraction } => s.score !== null);
  const own = scored.find((s) => s.subjectId === itemId);
  if (!own) return null;
  const rank = 1 + scored.filter((s) => s.score.compare(own.score) > 0).length;
  return { score: own.score, rank, of: scored.length };
}

/** A fresh item id for a case added to the set-up: `case-<n>`, the first free one. */
export function freshCaseItemId(def: CampaignDefinition): string {
  const taken = new Set(def.subjects.map((s) => s.id));
  let n = def.subjects.filter((s) => s.kind === 'case').length + 1;
  while (taken.has(`case-${n}`)) n++;
  return `case-${n}`;
}
