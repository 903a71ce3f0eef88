/**
 * 回避: a rater bound to a unit does not rate that unit, anything below it, or items it owns. Such subjects are
 * neither shown on the ballot nor counted in its quota denominators.
 */
import { isAtOrBelow, type DefinitionIndex } from './definition-index.js';
import type { Instrument, Session, Subject } from './types.js';

/** Is the rater bound to `boundUnitId` in conflict with `subject` (its unit, or an item's owner, is at or below it)? */
export function hasConflict(index: DefinitionIndex, subject: Subject, boundUnitId: string | null): boolean {
  return boundUnitId !== null && isAtOrBelow(index, subject.unitId, boundUnitId);
}

/**
 * The subjects on one rater's ballot, in the instrument's order: the instrument's subjects, limited to the session's
 * agenda when it declares one, minus those the bound rater has a conflict with. Unknown and repeated ids (refused by
 * `checkDefinition`) are skipped, so the ballot size n is the one `checkBallot` uses.
 */
export function subjectsOnBallot(
  index: DefinitionIndex,
  instrument: Instrument,
  boundUnitId: string | null,
  session: Session | null = null,
): Subject[] {
  const agenda = session?.agenda ? new Set(session.agenda) : null;
  const shown: Subject[] = [];
  const seen = new Set<string>();
  for (const id of instrument.subjectIds) {
    const subject = index.subjects.get(id);
    if (subject === undefined || seen.has(id)) continue;
    seen.add(id);
    if (agenda !== null && !agenda.has(id)) continue;
    if (!hasConflict(index, subject, boundUnitId)) shown.push(subject);
  }
  return shown;
}
