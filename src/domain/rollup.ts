/**
 * 汇总到上级: a unit's score on one instrument. Direct when the unit is itself a rated subject with a score; otherwise
 * the weighted mean of the items it owns (sites, cases; subject.rollupWeight, default 1) and of its child units that
 * have a (recursively rolled-up) score (weight 1, or the child's own rollupWeight when it is a rated subject).
 */
import type { DefinitionIndex } from './definition-index.js';
import { type Fraction, ONE, ZERO, parseDecimal } from './exact.js';
import type { InstrumentTally, SubjectTally } from './results.js';
import type { Subject } from './types.js';

export interface RollupPart {
  kind: 'item' | 'unit';
  /** Subject id for an item, unit id for a child unit. */
  id: string;
  /** Declared roll-up weight (not yet divided by the sum). */
  weight: Fraction;
  score: Fraction;
}

export interface UnitScore {
  unitId: string;
  score: Fraction | null;
  source: 'direct' | 'rollup' | 'missing';
  /** The unit's own subject when source is direct. */
  subjectId: string | null;
  /** The parts of a roll-up, items first (instrument order), then child units (definition order). */
  parts: RollupPart[];
  /** Σ part weights; each part counts weight / weightSum. */
  weightSum: Fraction;
}

export interface Rollup {
  instrumentId: string;
  scoreOf(unitId: string): UnitScore;
}

interface UnitEntry {
  own: { subject: Subject; tally: SubjectTally } | null;
  items: { subject: Subject; tally: SubjectTally }[];
}

function weightOf(subject: Subject): Fraction {
  return subject.rollupWeight === undefined ? ONE : parseDecimal(subject.rollupWeight);
}

/** Builds a memoised roll-up over one instrument's tally; only units with a rated subject below them are visited. */
export function createRollup(index: DefinitionIndex, tally: InstrumentTally): Rollup {
  const entries = new Map<string, UnitEntry>();
  const relevant = new Set<string>();
  for (const st of tally.subjects) {
    const subject = index.subjects.get(st.subjectId);
    if (!subject) continue;
    let entry = entries.get(subject.unitId);
    if (!entry) entries.set(subject.unitId, (entry = { own: null, items: [] }));
    if (subject.kind === 'unit') entry.own ??= { subject, tally: st };
    else entry.items.push({ subject, tally: st });
    for (let u: string | null = subject.unitId, guard = 0; u !== null && guard < 64; guard++) {
      if (relevant.has(u)) break;
      relevant.add(u);
      u = index.units.get(u)?.parentId ?? null;
    }
  }
  const memo = new Map<string, UnitScore>();

  function scoreOf(unitId: string): UnitScore {
    const known = memo.get(unitId);
    if (known) return known;
    const result = compute(unitId);
    memo.set(unitId, result);
    return result;
  }

  function compute(unitId: string): UnitScore {
    const missing: UnitScore = { unitId, score: null, source: 'missing', subjectId: null, parts: [], weightSum: ZERO };
    if (!relevant.has(unitId)) return missing;
    const entry = entries.get(unitId);
    if (entry?.own && entry.own.tally.score !== null) {
      const { subject, tally: st } = entry.own;
      return { unitId, score: st.score, source: 'direct', subjectId: subject.id, parts: [], weightSum: ONE };
    }
    const parts: RollupPart[] = [];
    for (const item of entry?.items ?? []) {
      if (item.tally.score !== null) {
        parts.push({ kind: 'item', id: item.subject.id, weight: weightOf(item.subject), score: item.tally.score });
      }
    }
    for (const childId of index.children.get(unitId) ?? []) {
      if (!relevant.has(childId)) continue;
      const child = scoreOf(childId);
      if (child.score === null) continue;
      const own = entries.get(childId)?.own;
      const weight = child.source === 'direct' && own ? weightOf(own.subject) : ONE;
      parts.push({ kind: 'unit', id: childId, weight, score: child.score });
    }
    const weightSum = parts.reduce((s, p) => s.add(p.weight), ZERO);
    if (parts.length === 0 || weightSum.equals(0)) return missing;
    const weighted = parts.reduce((s, p) => s.add(p.weight.mul(p.score)), ZERO);
    return { unitId, score: weighted.div(weightSum), source: 'rollup', subjectId: null, parts, weightSum };
  }

  return { instrumentId: tally.instrumentId, scoreOf };
}
