/**
 * One paper sheet as the clerk types it, and what the entry page computes from it: which subjects are on the sheet
 * (回避 takes some off), where the cursor goes next, the quota counters, rubric sums and adjustment totals (exact, as
 * the server checks them), and the request that enters it. Pure: no React, no DOM (test/web/paper-sheet.test.ts).
 */
import { adjustmentTotals as totalsOf, capWarnings as warningsOf, type CapWarning, itemOf as itemIn, onStep, pointsFit, pointsInRange, scaled, type Totals, unscaled } from '../../../../shared/adjustments.js';
import type { PaperEntryRequest, PaperForm } from '../../api/types.js';

export type Group = PaperForm['groups'][number];
export type FormInstrument = Group['instruments'][number];
export type FormSubject = FormInstrument['subjects'][number];
export type BoundUnit = Group['boundUnits'][number];
export type Bilingual = { zh: string; en: string };

/** What was typed for one subject of one instrument. */
export type Value = { grade: string } | { abstain: true } | { score: string } | { criteria: Record<string, string> } | null;

export interface Adjustment {
  itemId: string;
  points: string;
  reason: string;
}

/** Why the adjustment being typed was not added (a message key of the page, with its values). */
export type LineProblem =
  | { key: 'adjPickItem'; field: 'item' }
  | { key: 'adjPointsRange'; field: 'points'; item: string; max: string }
  | { key: 'adjPointsStep'; field: 'points'; item: string; step: string }
  | { key: 'adjReasonMissing'; field: 'reason'; item: string };

/** The 加分/减分 being typed on the current row. */
export interface AdjustmentLine {
  itemId: string;
  points: string;
  reason: string;
  problem: LineProblem | null;
}

export interface Cursor {
  /** Instrument. */
  i: number;
  /** Subject within it. */
  j: number;
}

export interface Sheet {
  values: Value[][];
  /** The 加分/减分 added, per instrument and subject. */
  adjustments: Adjustment[][][];
  opinions: string[][];
  /** The server's reason for refusing an opinion, by `${i}-${j}`, shown at its field until something is typed there. */
  opinionRefusals: Record<string, Bilingual>;
  /** 所属单位 (回避): its subjects are off the sheet. */
  bound: string | null;
  cursor: Cursor;
  line: AdjustmentLine;
}

export const emptyLine = (): AdjustmentLine => ({ itemId: '', points: '', reason: '', problem: null });

export function emptySheet(group: Group | null): Sheet {
  const its = group?.instruments ?? [];
  return {
    values: its.map((it) => it.subjects.map(() => null)),
    adjustments: its.map((it) => it.subjects.map(() => [])),
    opinions: its.map((it) => it.subjects.map(() => '')),
    opinionRefusals: {},
    bound: null,
    cursor: { i: 0, j: 0 },
    line: emptyLine(),
  };
}

export const isExcluded = (subject: FormSubject, bound: string | null): boolean => bound !== null && subject.conflictUnitIds.includes(bound);

/** [i, j] of every subject on the sheet, in order. */
export function positions(group: Group | null, bound: string | null): [number, number][] {
  const out: [number, number][] = [];
  (group?.instruments ?? []).forEach((it, i) => {
    it.subjects.forEach((s, j) => {
      if (!isExcluded(s, bound)) out.push([i, j]);
    });
  });
  return out;
}

export function firstCursor(group: Group | null, bound: string | null): Cursor {
  const first = positions(group, bound)[0];
  return first ? { i: first[0], j: first[1] } : { i: 0, j: 0 };
}

/** The sheet with the cursor `delta` subjects on, or null past either end. A new row starts a fresh adjustment line. */
export function moveBy(group: Group, sheet: Sheet, delta: number): Sheet | null {
  const all = positions(group, sheet.bound);
  if (all.length === 0) return null;
  const k = all.findIndex(([i, j]) => i === sheet.cursor.i && j === sheet.cursor.j);
  const next = Math.max(0, k) + delta;
  if (next >= all.length || next < 0) return null;
  const [i, j] = all[next]!;
  if (i === sheet.cursor.i && j === sheet.cursor.j) return sheet;
  return { ...sheet, cursor: { i, j }, line: emptyLine() };
}

export function atLast(group: Group, sheet: Sheet): boolean {
  const all = positions(group, sheet.bound);
  const last = all[all.length - 1];
  return !!last && sheet.cursor.i === last[0] && sheet.cursor.j === last[1];
}

/** The cursor on (i, j); moving to another row starts a fresh adjustment line. */
export function cursorAt(sheet: Sheet, i: number, j: number): Sheet {
  if (sheet.cursor.i === i && sheet.cursor.j === j) return sheet;
  return { ...sheet, cursor: { i, j }, line: emptyLine() };
}

const replaceAt = <T>(rows: T[][], i: number, j: number, value: T): T[][] => rows.map((row, a) => (a === i ? row.map((v, b) => (b === j ? value : v)) : row));

export function setValue(sheet: Sheet, i: number, j: number, value: Value): Sheet {
  return { ...sheet, values: replaceAt(sheet.values, i, j, value) };
}

export function setOpinion(sheet: Sheet, i: number, j: number, text: string): Sheet {
  const key = `${i}-${j}`;
  if (!/\S/.test(text) || !(key in sheet.opinionRefusals)) return { ...sheet, opinions: replaceAt(sheet.opinions, i, j, text) };
  const { [key]: _typed, ...rest } = sheet.opinionRefusals;
  return { ...sheet, opinions: replaceAt(sheet.opinions, i, j, text), opinionRefusals: rest };
}

/** Clears everything typed for (i, j). */
export function clearRow(sheet: Sheet, i: number, j: number): Sheet {
  return { ...sheet, values: replaceAt(sheet.values, i, j, null), adjustments: replaceAt(sheet.adjustments, i, j, []), opinions: replaceAt(sheet.opinions, i, j, '') };
}

export function removeAdjustment(sheet: Sheet, i: number, j: number, k: number): Sheet {
  return { ...sheet, adjustments: replaceAt(sheet.adjustments, i, j, sheet.adjustments[i]![j]!.filter((_, n) => n !== k)) };
}

/** A criterion's field typed: the row's value holds every criterion typed so far (none: no value). */
export function setCriterion(sheet: Sheet, i: number, j: number, criterionId: string, text: string): Sheet {
  const current = sheet.values[i]![j];
  const criteria = { ...(current && 'criteria' in current ? current.criteria : {}), [criterionId]: text };
  if (text === '') delete criteria[criterionId];
  return setValue(sheet, i, j, Object.keys(criteria).length ? { criteria } : null);
}

// ---- 回避: the sheet's bound unit ----

/** The unit typed as the sheet's 所属单位: by its label, id or (when unique) name; null when empty; undefined when not found. */
export function findBoundUnit(group: Group | null, text: string): BoundUnit | null | undefined {
  const typed = text.trim();
  if (typed === '') return null;
  const units = group?.boundUnits ?? [];
  const byName = units.filter((u) => u.name === typed);
  return units.find((u) => u.label === typed || u.unitId === typed) ?? (byName.length === 1 ? byName[0] : undefined);
}

/** The sheet bound to `bound`: what was typed for subjects now off the sheet is dropped (it must not be sent). */
export function withBound(group: Group, sheet: Sheet, bound: string | null): Sheet {
  if (bound === sheet.bound) return sheet;
  let next: Sheet = { ...sheet, bound };
  group.instruments.forEach((it, i) => {
    it.subjects.forEach((s, j) => {
      if (isExcluded(s, bound)) next = clearRow(next, i, j);
    });
  });
  return { ...next, cursor: firstCursor(group, bound), line: emptyLine() };
}

/** Subjects the bound unit takes off the sheet, over all its instruments. */
export function excludedCount(group: Group | null, bound: string | null): number {
  if (bound === null) return 0;
  return (group?.instruments ?? []).reduce((n, it) => n + it.subjects.filter((s) => isExcluded(s, bound)).length, 0);
}

// ---- 加分/减分: the same rules and decimals as the phone (web/shared/adjustments.ts) ----

export { pointsFit, scaled, unscaled };
export type AdjustmentTotals = Totals;

export const itemOf = (it: FormInstrument, id: string) => (it.adjustments ? itemIn(it.adjustments, id) : undefined);

export function adjustmentTotals(it: FormInstrument, list: readonly Adjustment[]): AdjustmentTotals {
  return it.adjustments ? totalsOf(it.adjustments, list) : { bonus: '0', deduction: '0', bonusOver: false, deductionOver: false };
}

/** A row's totals over their caps: each counts as the cap (封顶), or under the strict reading voids the ballot. */
export function capWarnings(it: FormInstrument, list: readonly Adjustment[]): CapWarning[] {
  return it.adjustments ? warningsOf(it.adjustments, list) : [];
}

/** Adds the current row's typed adjustment, or says which of its fields is wrong. */
export function addAdjustment(group: Group, sheet: Sheet): Sheet {
  const { i, j } = sheet.cursor;
  const it = group.instruments[i]!;
  const line = sheet.line;
  const item = itemOf(it, line.itemId);
  let problem: LineProblem | null = null;
  if (!item) problem = { key: 'adjPickItem', field: 'item' };
  else if (!pointsInRange(line.points, item)) problem = { key: 'adjPointsRange', field: 'points', item: item.label, max: item.maxPoints };
  else if (!onStep(line.points, item)) problem = { key: 'adjPointsStep', field: 'points', item: item.label, step: item.step ?? '' };
  else if (!/\S/.test(line.reason)) problem = { key: 'adjReasonMissing', field: 'reason', item: item.label };
  if (problem || !item) return { ...sheet, line: { ...line, problem } };
  const added = [...sheet.adjustments[i]![j]!, { itemId: item.id, points: line.points.trim(), reason: line.reason.trim() }];
  return { ...sheet, adjustments: replaceAt(sheet.adjustments, i, j, added), line: emptyLine() };
}

/** An adjustment typed but not added (its item, points or reason filled in). */
export const lineInProgress = (line: AdjustmentLine): boolean => line.itemId !== '' || line.points.trim() !== '' || line.reason.trim() !== '';

// ---- 细则: one field per criterion, and their sum ----

export function criteriaSum(it: FormInstrument, value: Value): string {
  let sum = 0;
  for (const c of it.score?.criteria ?? []) {
    const x = scaled(value && 'criteria' in value ? (value.criteria[c.id] ?? '') : '');
    if (!Number.isNaN(x)) sum += x;
  }
  return unscaled(sum);
}

// ---- 评价意见 ----

export const takesOpinion = (it: FormInstrument): boolean => it.opinion === 'optional' || it.opinion === 'required';

/**
 * Whether subject j of instrument i is sent as rated (not abstained, see sheetRequest) while its instrument requires an
 * opinion: then a blank opinion is an entry error the server refuses — the whole sheet is not saved.
 */
export function opinionNeeded(it: FormInstrument, sheet: Sheet, i: number, j: number): boolean {
  const v = sheet.values[i]![j];
  if (it.opinion !== 'required' || (v && 'abstain' in v)) return false;
  return it.kind === 'adjustments' || !!v || sheet.adjustments[i]![j]!.length > 0;
}

export const opinionMissing = (it: FormInstrument, sheet: Sheet, i: number, j: number): boolean => opinionNeeded(it, sheet, i, j) && !/\S/.test(sheet.opinions[i]![j]!);

// ---- quota counters ----

export type RuleLine =
  | { ruleId: string; label: string; bound: 'max' | 'min'; count: number; allowed: number; bad: boolean }
  | { ruleId: string; forBallot: Bilingual };

/** Each quota rule of instrument i on this sheet: the count so far against the allowed count for its base. */
export function ruleLines(it: FormInstrument, i: number, sheet: Sheet): RuleLine[] {
  const shown = it.subjects.map((_s, j) => j).filter((j) => !isExcluded(it.subjects[j]!, sheet.bound));
  const value = (j: number) => sheet.values[i]![j];
  const abstained = shown.filter((j) => { const v = value(j); return !!v && 'abstain' in v; }).length;
  const filled = shown.every((j) => value(j) !== null);
  return it.rules.map((r) => {
    const count = shown.filter((j) => { const v = value(j); return !!v && 'grade' in v && r.grades.includes(v.grade); }).length;
    const n = r.base === 'rated' ? shown.length - abstained : shown.length;
    const allowed = r.allowedByN[n] ?? r.allowed;
    if (allowed === null || allowed === undefined) return { ruleId: r.ruleId, forBallot: r.forBallot };
    const bad = r.bound === 'max' ? count > allowed : filled && count < allowed;
    return { ruleId: r.ruleId, label: r.label, bound: r.bound, count, allowed, bad };
  });
}

// ---- the request ----

type Rating = PaperEntryRequest['ballots'][number]['ratings'][number];

export interface SheetHeader {
  sheetNumber: string;
  raterName: string;
  desk: string;
}

export function sheetRequest(group: Group, sheet: Sheet, header: SheetHeader): PaperEntryRequest {
  return {
    sheetNumber: header.sheetNumber.trim(),
    raterGroupId: group.groupId,
    raterName: group.mode === 'named' ? header.raterName.trim() || null : null,
    boundUnitId: sheet.bound,
    desk: header.desk,
    ballots: group.instruments.map((it, i) => ({
      instrumentId: it.instrumentId,
      ratings: it.subjects.flatMap((s, j): Rating[] => {
        if (isExcluded(s, sheet.bound)) return [];
        const v = sheet.values[i]![j]!;
        const adjustments = sheet.adjustments[i]![j]!;
        // Sent trimmed, and only when written (as the phone does); an abstention carries none.
        const text = takesOpinion(it) ? sheet.opinions[i]![j]!.trim() : '';
        const opinion = text ? { opinion: text } : {};
        if (v && 'abstain' in v) return [{ subjectId: s.subjectId, abstain: true }];
        // No bonus or deduction written is an answer of its own: none.
        if (it.kind === 'adjustments') return [{ subjectId: s.subjectId, adjustments, ...opinion }];
        if (!v && adjustments.length === 0) {
          // An opinion without a grade or score: sent, so the server names what is missing rather than losing the text.
          if (text) return [{ subjectId: s.subjectId, ...opinion }];
          // A blank on paper is an abstention where the instrument allows one; otherwise the server says what is missing.
          return it.allowAbstain ? [{ subjectId: s.subjectId, abstain: true }] : [];
        }
        return [{ subjectId: s.subjectId, ...v, ...(adjustments.length ? { adjustments } : {}), ...opinion }];
      }),
    })),
  };
}

/** P-009 → P-010, A12 → A13; a number without digits stays as it is. */
export function followingSheetNumber(n: string): string {
  const m = /^(.*?)(\d+)(\D*)$/.exec(n);
  if (!m) return n;
  return m[1]! + String(Number(m[2]) + 1).padStart(m[2]!.length, '0') + m[3]!;
}
