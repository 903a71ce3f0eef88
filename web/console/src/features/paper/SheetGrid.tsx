/**
 * The keyboard-first grid of one paper sheet: every instrument of the group with its subjects in rows. The current row
 * holds the focus — the row itself for grades, its score, criterion, adjustment or opinion field otherwise — so the
 * clerk types without touching the mouse: 1–4 for the grades, 0 for 弃权, Enter to move on, `+` for a 加分/减分.
 * All state lives in the page (a Sheet); the grid turns keys into new sheets and says where the focus goes next.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { Keys } from './Keys.js';
import { paperMessages } from './messages.js';
import {
  addAdjustment,
  adjustmentTotals,
  atLast,
  capWarnings,
  clearRow,
  criteriaSum,
  cursorAt,
  emptyLine,
  isExcluded,
  itemOf,
  moveBy,
  opinionMissing,
  removeAdjustment,
  ruleLines,
  setCriterion,
  setOpinion,
  setValue,
  takesOpinion,
  type FormInstrument,
  type Group,
  type LineProblem,
  type Sheet,
  type Value,
} from './sheet.js';

/** Where the focus goes after a change: a field of the current row (`data-f`), or its main field / the row itself. */
export interface FocusRequest {
  field: string | null;
  /** A new number asks again, even for the same field. */
  seq: number;
}

interface GridProps {
  group: Group;
  sheet: Sheet;
  focus: FocusRequest;
  /** A new sheet; `focus` (a field, or null for the row's main one) moves the focus, undefined leaves it. */
  onChange(next: Sheet, focus?: string | null): void;
  onSubmit(): void;
}

const isAbstain = (v: Value): boolean => !!v && 'abstain' in v;

/** What the grid reads of a key press (a React event, or a document one while nothing has the focus). */
interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  target: HTMLElement;
  composing: boolean;
  preventDefault(): void;
}

const keyPress = (e: { key: string; shiftKey: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean; keyCode: number; target: EventTarget | null; preventDefault(): void }, composing: boolean, target = e.target as HTMLElement): KeyPress => ({
  key: e.key,
  shiftKey: e.shiftKey,
  ctrlKey: e.ctrlKey,
  altKey: e.altKey,
  metaKey: e.metaKey,
  target,
  // An input method composing Chinese uses Enter and the arrows itself (to take pinyin or pick a candidate).
  composing: composing || e.keyCode === 229,
  preventDefault: () => e.preventDefault(),
});

export function SheetGrid({ group, sheet, focus, onChange, onSubmit }: GridProps) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  const ref = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when a focus is asked for (seq), reading the rows as drawn
  useLayoutEffect(() => {
    const row = ref.current?.querySelector<HTMLElement>('tr.current');
    if (!row) return;
    row.scrollIntoView?.({ block: 'nearest' });
    const target = (focus.field ? row.querySelector<HTMLElement>(`[data-f="${focus.field}"]`) : null) ?? row.querySelector<HTMLElement>('[data-main]') ?? row;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
  }, [focus.seq]);

  const move = (delta: number, field: string | null = null): boolean => {
    const next = moveBy(group, sheet, delta);
    if (!next) return false;
    onChange(next, field);
    return true;
  };
  const next = (e: KeyPress) => {
    if (e.key === 'Enter' && atLast(group, sheet)) onSubmit();
    else move(1);
  };
  /** Enter at the end of a row's value: its opinion when the instrument requires one, else on as `next`. */
  const onward = (e: KeyPress) => {
    const { i, j } = sheet.cursor;
    if (e.key === 'Enter' && group.instruments[i]?.opinion === 'required' && !isAbstain(sheet.values[i]![j]!)) onChange(sheet, 'opinion');
    else next(e);
  };
  /** A grade or 弃权 for the current row: then its required opinion, or the next row. */
  const choose = (value: Value, at: Sheet = sheet) => {
    const { i, j } = at.cursor;
    const chosen = setValue(at, i, j, value);
    if (value && !isAbstain(value) && group.instruments[i]!.opinion === 'required') return onChange(chosen, 'opinion');
    onChange(moveBy(group, chosen, 1) ?? chosen, null);
  };

  const add = () => {
    const added = addAdjustment(group, sheet);
    const problem = added.line.problem;
    onChange(added, problem ? `adj-${problem.field}` : 'adj-item');
  };

  const onKey = (e: KeyPress) => {
    if (e.composing) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) return; // the page saves
    const target = e.target;
    const f = target.dataset.f ?? '';
    const { i, j } = sheet.cursor;
    const it = group.instruments[i];
    if (!it) return;
    if (f === 'adj-item') {
      if (e.key === 'Enter') {
        e.preventDefault();
        if ((target as HTMLSelectElement).value) onChange(sheet, 'adj-points');
        else onward(e);
      } else if (e.key === '0' && it.kind === 'adjustments' && it.allowAbstain) {
        e.preventDefault();
        choose({ abstain: true });
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onChange({ ...sheet, line: emptyLine() }, 'score');
      }
      return;
    }
    if (f === 'adj-points' || f === 'adj-reason') {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (f === 'adj-points') onChange(sheet, 'adj-reason');
        else add();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onChange(sheet, 'adj-item');
      }
      return;
    }
    if (f === 'opinion') {
      // The opinion ends a subject's row: Enter (saving at the last) or Tab goes on to the next subject.
      if (e.key === 'Enter' || e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey)) {
        e.preventDefault();
        if (e.key === 'Tab') move(1);
        else next(e);
      } else if (e.key === 'Escape' || e.key === 'ArrowUp') {
        // Back to this subject's value: its first field, or the grade keys.
        e.preventDefault();
        onChange(sheet, null);
      }
      return;
    }
    const onRow = target.dataset.row !== undefined;
    if (e.key === 'Tab' && !e.shiftKey && onRow) {
      // On a row of grades: Tab goes to the row's opinion.
      if (takesOpinion(it) && !isAbstain(sheet.values[i]![j]!)) {
        e.preventDefault();
        onChange(sheet, 'opinion');
      }
      return;
    }
    if (e.key === '+' && (f === 'score' || f.startsWith('crit:')) && it.adjustments) {
      e.preventDefault();
      onChange(sheet, 'adj-item');
      return;
    }
    if (f.startsWith('crit:')) {
      const k = Number(f.slice(5));
      const count = it.score?.criteria?.length ?? 0;
      if (e.key === 'Enter' || e.key === 'ArrowDown') {
        e.preventDefault();
        if (k < count - 1) onChange(sheet, `crit:${k + 1}`);
        else onward(e);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        if (k > 0) onChange(sheet, `crit:${k - 1}`);
        else move(-1);
      }
      return;
    }
    if (f === 'score') {
      if (e.key === 'Enter' || e.key === 'ArrowDown') {
        e.preventDefault();
        onward(e);
      } else if (e.key === 'ArrowUp') {
        e.preventDefault();
        move(-1);
      }
      return;
    }
    if (!onRow) return;
    if (it.kind === 'grade' && /^[1-9]$/.test(e.key)) {
      const grade = it.grades?.[Number(e.key) - 1];
      if (grade) {
        e.preventDefault();
        choose({ grade: grade.key });
      }
    } else if ((e.key === '0' || e.key === ' ') && it.allowAbstain && (it.kind === 'grade' || it.kind === 'adjustments')) {
      e.preventDefault();
      choose({ abstain: true });
    } else if (e.key === 'Enter' || e.key === 'ArrowDown') {
      e.preventDefault();
      next(e);
    } else if (e.key === 'ArrowUp' || e.key === 'Backspace') {
      e.preventDefault();
      move(-1);
    } else if (e.key === 'Delete') {
      e.preventDefault();
      onChange(clearRow(sheet, i, j), null);
    }
  };

  // Keys typed while nothing has the focus (after a click on the page's background) go to the current row, as if it had
  // kept it — a typist does not look up to see where the focus went.
  const latest = useRef(onKey);
  latest.current = onKey;
  useEffect(() => {
    const onDocumentKey = (e: globalThis.KeyboardEvent) => {
      if (e.defaultPrevented || (document.activeElement !== document.body && document.activeElement !== null)) return;
      const row = ref.current?.querySelector<HTMLElement>('tr.current');
      if (!row || (e.key === 'Enter' && (e.ctrlKey || e.metaKey))) return;
      row.focus({ preventScroll: true });
      latest.current(keyPress(e, e.isComposing, row));
    };
    document.addEventListener('keydown', onDocumentKey);
    return () => document.removeEventListener('keydown', onDocumentKey);
  }, []);

  /** A field of row (i, j) got the focus (a click, or Tab): that row becomes the current one. */
  const onFocusField = (i: number, j: number) => {
    if (sheet.cursor.i !== i || sheet.cursor.j !== j) onChange(cursorAt(sheet, i, j));
  };

  const firstGrades = group.instruments.find((it) => it.kind === 'grade');
  return (
    <div ref={ref} className="paper-grid" onKeyDown={(e) => onKey(keyPress(e, e.nativeEvent.isComposing))} role="application" aria-label={t('title')}>
      <div className="paper-keys" data-testid="key-help">
        {firstGrades && (
          <span>
            {firstGrades.grades?.map((g, k) => (
              <span key={g.key} className="paper-key"><kbd>{k + 1}</kbd> {g.label}</span>
            ))}
            {firstGrades.allowAbstain && <span className="paper-key"><kbd>0</kbd> {t('abstain')}</span>}
          </span>
        )}
        <span className="paper-key"><Keys text={t('keysMove')} /></span>
        {group.instruments.some(takesOpinion) && <span className="paper-key"><Keys text={t('keysOpinion')} /></span>}
        {group.instruments.some((it) => it.adjustments) && <span className="paper-key"><Keys text={t('keysAdjust')} /></span>}
        <span className="paper-key"><Keys text={t('keysSave')} /></span>
      </div>
      {group.instruments.map((it, i) => (
        <section key={it.instrumentId} className="paper-instrument">
          <h3>
            {it.name} <HeadNote it={it} />
          </h3>
          <table className="paper-form">
            <tbody>
              {it.subjects.map((s, j) =>
                isExcluded(s, sheet.bound) ? (
                  <tr key={s.subjectId} className="row excluded" data-subject={s.subjectId}>
                    <td className="no">–</td>
                    <td className="subject">{s.name}</td>
                    <td><span className="paper-tag off">{t('recused')}</span></td>
                  </tr>
                ) : (
                  <Row key={s.subjectId} it={it} i={i} j={j} sheet={sheet} onChange={onChange} onChoose={choose} onFocusField={onFocusField} onAdd={add} />
                ),
              )}
            </tbody>
          </table>
          <ul className="paper-rules">
            {ruleLines(it, i, sheet).map((r) =>
              'forBallot' in r ? (
                <li key={r.ruleId}>{pick(r.forBallot)}</li>
              ) : (
                <li key={r.ruleId} className={r.bad ? 'bad' : ''}>
                  {t(r.bound === 'max' ? 'ruleMax' : 'ruleMin', { label: r.label, count: r.count, allowed: r.allowed })}
                </li>
              ),
            )}
          </ul>
        </section>
      ))}
    </div>
  );
}

function HeadNote({ it }: { it: FormInstrument }) {
  const t = useT(paperMessages);
  const notes: string[] = [];
  if (it.score?.criteria) notes.push(t('noteCriteria', { max: it.score.max }));
  if (it.adjustments) notes.push(t('noteAdjust', { bonus: it.adjustments.maxTotalBonus, deduction: it.adjustments.maxTotalDeduction }));
  if (it.opinion === 'required') notes.push(t('noteOpinionRequired'));
  else if (it.opinion === 'optional') notes.push(t('noteOpinionOptional'));
  return notes.length ? <small className="paper-muted">{notes.join('；')}</small> : null;
}

interface RowProps {
  it: FormInstrument;
  i: number;
  j: number;
  sheet: Sheet;
  onChange(next: Sheet, focus?: string | null): void;
  onChoose(value: Value, at: Sheet): void;
  onFocusField(i: number, j: number): void;
  /** Adds the current row's typed 加分/减分 (the line's 添加 button). */
  onAdd(): void;
}

function Row({ it, i, j, sheet, onChange, onChoose, onFocusField, onAdd }: RowProps) {
  const t = useT(paperMessages);
  const v = sheet.values[i]![j]!;
  const current = sheet.cursor.i === i && sheet.cursor.j === j;
  const subject = it.subjects[j]!;
  const at = cursorAt(sheet, i, j);
  const focusHere = () => onFocusField(i, j);
  let cell = null;
  if (it.kind === 'grade') {
    cell = (
      <span className="grades">
        {it.grades?.map((g, k) => (
          <button key={g.key} type="button" tabIndex={-1} className={`grade${v && 'grade' in v && v.grade === g.key ? ' on' : ''}`} onClick={() => onChoose({ grade: g.key }, at)}>
            <small>{k + 1}</small>
            {g.label}
          </button>
        ))}
        {it.allowAbstain && <AbstainButton on={isAbstain(v)} onClick={() => onChoose(isAbstain(v) ? null : { abstain: true }, at)} />}
      </span>
    );
  } else if (it.score?.criteria) {
    const value = v && 'criteria' in v ? v.criteria : {};
    cell = (
      <span className="criteria">
        {it.score.criteria.map((c, k) => (
          <label key={c.id} className="crit">
            {c.label}{' '}
            <input
              type="text"
              inputMode="decimal"
              autoComplete="off"
              className="crit"
              data-f={`crit:${k}`}
              data-main={k === 0 ? '' : undefined}
              value={value[c.id] ?? ''}
              onFocus={focusHere}
              onChange={(e) => onChange(setCriterion(at, i, j, c.id, e.target.value))}
            />
            <span className="paper-muted">/{c.maxPoints}</span>
          </label>
        ))}
        <span className="crit-sum">{t('criteriaSum', { sum: criteriaSum(it, v), max: it.score.max })}</span>
      </span>
    );
  } else if (it.kind === 'score' && it.score) {
    cell = (
      <span>
        <input
          type="text"
          inputMode="decimal"
          autoComplete="off"
          className="score"
          data-f="score"
          data-main=""
          value={v && 'score' in v ? v.score : ''}
          onFocus={focusHere}
          onChange={(e) => onChange(setValue(at, i, j, e.target.value === '' ? null : { score: e.target.value }))}
        />{' '}
        <span className="paper-muted">{it.score.min}–{it.score.max}</span>
      </span>
    );
  } else if (it.allowAbstain) {
    cell = <AbstainButton on={isAbstain(v)} onClick={() => onChoose(isAbstain(v) ? null : { abstain: true }, at)} />;
  }
  const opinion = <Opinion it={it} i={i} j={j} sheet={sheet} current={current} onChange={onChange} onFocus={focusHere} />;
  return (
    <tr className={`row${current ? ' current' : ''}`} data-i={i} data-j={j} data-subject={subject.subjectId} data-row="" tabIndex={-1} onMouseDown={focusHere}>
      <td className="no">{j + 1}</td>
      <td className="subject">{subject.name}</td>
      <td>
        {cell}
        {/* The opinion follows the value, so Tab from a score (or the last criterion) reaches it; for an instrument of
            adjustments only, it follows them. */}
        {it.kind !== 'adjustments' && opinion}
        {it.adjustments && !isAbstain(v) && <Adjustments it={it} i={i} j={j} sheet={sheet} current={current} onChange={onChange} onFocus={focusHere} onAdd={onAdd} />}
        {it.kind === 'adjustments' && opinion}
      </td>
    </tr>
  );
}

function AbstainButton({ on, onClick }: { on: boolean; onClick(): void }) {
  const t = useT(paperMessages);
  return (
    <button type="button" tabIndex={-1} className={`grade${on ? ' on' : ''}`} data-abstain="" onClick={onClick}>
      <small>0</small>
      {t('abstain')}
    </button>
  );
}

interface FieldProps {
  it: FormInstrument;
  i: number;
  j: number;
  sheet: Sheet;
  current: boolean;
  onChange(next: Sheet, focus?: string | null): void;
  onFocus(): void;
}

/** The row's opinion field; one still missing is marked once the clerk has left its row. */
function Opinion({ it, i, j, sheet, current, onChange, onFocus }: FieldProps) {
  const t = useT(paperMessages);
  const pick = useBilingual();
  if (!takesOpinion(it) || isAbstain(sheet.values[i]![j]!)) return null;
  const required = it.opinion === 'required';
  const refused = sheet.opinionRefusals[`${i}-${j}`];
  const missing = !!refused || (!current && opinionMissing(it, sheet, i, j));
  return (
    <label className="op">
      <span>
        {t('opinion')}
        {required ? <b className="req">{t('opinionRequired')}</b> : t('opinionOptional')}
      </span>
      <input
        type="text"
        className={`op-text${missing ? ' missing' : ''}`}
        data-f="opinion"
        maxLength={2000}
        autoComplete="off"
        placeholder={t(required ? 'opinionPlaceholderRequired' : 'opinionPlaceholderOptional')}
        value={sheet.opinions[i]![j]!}
        onFocus={onFocus}
        onChange={(e) => onChange(setOpinion(cursorAt(sheet, i, j), i, j, e.target.value))}
      />
      {refused && <span className="op-msg">{pick(refused)}</span>}
    </label>
  );
}

/** 加分/减分 of a row: those added, their totals against the caps, and on the current row the line to add one. */
function Adjustments({ it, i, j, sheet, current, onChange, onFocus, onAdd }: FieldProps & { onAdd(): void }) {
  const t = useT(paperMessages);
  const cfg = it.adjustments!;
  const list = sheet.adjustments[i]![j]!;
  const totals = adjustmentTotals(it, list);
  const chips = list.map((a, k) => {
    const item = itemOf(it, a.itemId);
    return (
      // biome-ignore lint/suspicious/noArrayIndexKey: adjustments are added and removed by position; two may be alike
      <span key={k} className={`adj ${item?.direction ?? ''}`}>
        {item?.direction === 'deduction' ? '−' : '+'}
        {a.points} {item?.label ?? a.itemId}：{a.reason}{' '}
        <button type="button" tabIndex={-1} className="adj-del" title={t('adjRemove')} aria-label={t('adjRemove')} onClick={() => onChange(cursorAt(removeAdjustment(sheet, i, j, k), i, j), null)}>×</button>
      </span>
    );
  });
  const warnings = capWarnings(it, list);
  const sums = list.length === 0 ? null : (
    <span className="adj-sum">
      <span className={totals.bonusOver ? 'over' : ''}>{t('adjBonusSum', { sum: totals.bonus, max: cfg.maxTotalBonus })}</span>
      {' · '}
      <span className={totals.deductionOver ? 'over' : ''}>{t('adjDeductionSum', { sum: totals.deduction, max: cfg.maxTotalDeduction })}</span>
      {warnings.map((w) => (
        <span key={w.direction} className={`adj-cap${w.strict ? ' over' : ''}`} data-testid="adj-cap-warning">
          {' · '}
          {t(w.strict ? 'adjCapStrict' : 'adjCapCeiling', { direction: t(w.direction), total: w.total, cap: w.cap })}
        </span>
      ))}
    </span>
  );
  if (!current) {
    return (
      <div className="adjs">
        {chips}
        {sums}
        <button type="button" tabIndex={-1} className="adj-open" onClick={() => onChange(cursorAt(sheet, i, j), 'adj-item')}>{t('adjOpen')}</button>
      </div>
    );
  }
  const line = sheet.line;
  const setLine = (patch: Partial<typeof line>) => onChange({ ...sheet, line: { ...line, ...patch } });
  return (
    <div className="adjs">
      {chips}
      {sums}
      <div className="adj-line">
        <select className="adj-item" data-f="adj-item" data-main={it.kind === 'adjustments' ? '' : undefined} value={line.itemId} onFocus={onFocus} onChange={(e) => setLine({ itemId: e.target.value })}>
          <option value="">{t(list.length ? 'adjChooseMore' : 'adjChoose')}</option>
          {cfg.items.map((x, k) => (
            <option key={x.id} value={x.id}>
              {t('adjOption', { n: k + 1, direction: t(x.direction === 'bonus' ? 'bonus' : 'deduction'), label: x.label, max: x.maxPoints })}
            </option>
          ))}
        </select>
        <input type="text" className="adj-points" data-f="adj-points" size={5} inputMode="decimal" autoComplete="off" placeholder={t('adjPoints')} value={line.points} onFocus={onFocus} onChange={(e) => setLine({ points: e.target.value })} />
        <input type="text" className="adj-reason" data-f="adj-reason" maxLength={2000} autoComplete="off" placeholder={t('adjReason')} value={line.reason} onFocus={onFocus} onChange={(e) => setLine({ reason: e.target.value })} />
        <button type="button" className="adj-add" onClick={onAdd}>{t('adjAdd')}</button>
        {line.problem && <span className="adj-msg">{t(line.problem.key, lineProblemParams(line.problem))}</span>}
      </div>
    </div>
  );
}

function lineProblemParams(problem: LineProblem): Record<string, string> {
  switch (problem.key) {
    case 'adjPickItem':
      return {};
    case 'adjPointsRange':
      return { item: problem.item, max: problem.max };
    case 'adjPointsStep':
      return { item: problem.item, step: problem.step };
    case 'adjReasonMissing':
      return { item: problem.item };
  }
}
