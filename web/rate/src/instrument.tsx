/** One instrument of the sheet: its live rule counters (sticky while scrolling its subjects) and one row per subject. */
import { AdjustmentsEditor } from '../../shared/adjustments-editor.js';
import { valueFits } from '../../shared/score.js';
import { ruleStates, type Draft, type Entry, type FormInstrument } from './ballot.js';
import type { Texts } from './i18n.js';

interface Props {
  t: Texts;
  zh: boolean;
  ins: FormInstrument;
  draft: Draft;
  locked: boolean;
  /** Subjects the server named in a refusal. */
  flagged: Set<string>;
  onEntry: (instrumentId: string, subjectId: string, entry: Entry) => void;
}

const gradeNames = (ins: FormInstrument, keys: string[]) => keys.map((k) => ins.grades?.find((g) => g.key === k)?.label ?? k).join('/');

export function InstrumentSection(p: Props) {
  const { t, ins } = p;
  const states = ruleStates(ins, p.draft);
  return (
    <section class="instrument" data-instrument={ins.id}>
      <div class="rules">
        <h2>
          {ins.name} <small>{t.subjects(ins.subjects.length)}</small>
        </h2>
        {states.map(({ rule, count, allowed, holds }) => (
          <p key={rule.id} class={`counter ${holds ? 'holds' : rule.bound === 'max' ? 'breaks' : 'short'}`} data-rule={rule.id}>
            <b>{gradeNames(ins, rule.grades)}</b> {t.chosen} <b class="n">{count}</b> / {rule.bound === 'max' ? t.atMost : t.atLeast}{' '}
            <b class="n">{allowed}</b>
            {rule.base === 'rated' ? t.ratedBase : ''}
            <span class="rule-title">{rule.title}</span>
          </p>
        ))}
      </div>
      <ol class="subjects">
        {ins.subjects.map((s) => (
          <SubjectRow key={s.id} {...p} subject={s} entry={p.draft[ins.id]?.[s.id] ?? {}} />
        ))}
      </ol>
    </section>
  );
}

function SubjectRow(p: Props & { subject: FormInstrument['subjects'][number]; entry: Entry }) {
  const { t, ins, subject, entry } = p;
  const set = (e: Entry) => p.onEntry(ins.id, subject.id, e);
  const keepOpinion = (e: Entry): Entry => (entry.opinion ? { ...e, opinion: entry.opinion } : e);
  const cols = (ins.grades?.length ?? 0) + (ins.allowAbstain ? 1 : 0);
  return (
    <li class={`subject${p.flagged.has(subject.id) ? ' flagged' : ''}`} data-subject={subject.id}>
      <div class="name">{subject.name}</div>
      {ins.kind === 'grade' && ins.grades && (
        <div class="grades" role="radiogroup" aria-label={subject.name} style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
          {ins.grades.map((g) => {
            const on = !entry.abstain && entry.grade === g.key;
            return (
              // biome-ignore lint/a11y/useSemanticElements: a grade is a large tap target in the radiogroup's grid; role=radio with aria-checked says what it is
              <button type="button" key={g.key} role="radio" aria-checked={on} class={on ? 'on' : ''} disabled={p.locked} onClick={() => set(keepOpinion({ grade: g.key }))}>
                {g.label}
              </button>
            );
          })}
          {ins.allowAbstain && (
            // biome-ignore lint/a11y/useSemanticElements: the abstain choice is a tap target in the same radiogroup as the grades
            <button type="button" role="radio" aria-checked={!!entry.abstain} class={`abstain${entry.abstain ? ' on' : ''}`} disabled={p.locked} onClick={() => set({ abstain: true })}>
              {t.abstain}
            </button>
          )}
        </div>
      )}
      {ins.kind === 'score' && ins.score && <ScoreInputs {...p} set={set} />}
      {ins.adjustments && !entry.abstain && (
        <AdjustmentsEditor
          t={t}
          config={ins.adjustments}
          step={ins.score?.step ?? '1'}
          subjectName={subject.name}
          list={entry.adjustments ?? []}
          locked={p.locked}
          onChange={(adjustments) => set({ ...entry, abstain: undefined, adjustments })}
        />
      )}
      {ins.kind === 'adjustments' && ins.allowAbstain && (
        <button type="button" class={`abstain wide${entry.abstain ? ' on' : ''}`} aria-pressed={!!entry.abstain} disabled={p.locked} onClick={() => set(entry.abstain ? {} : { abstain: true })}>
          {t.abstain}
        </button>
      )}
      {ins.opinion !== 'none' && !entry.abstain && (
        <label class="field">
          <span>{ins.opinion === 'required' ? t.opinionRequired : t.opinion}</span>
          <textarea rows={2} maxLength={2000} disabled={p.locked} value={entry.opinion ?? ''} onInput={(e) => set({ ...entry, opinion: (e.target as HTMLTextAreaElement).value })} />
        </label>
      )}
    </li>
  );
}

function ScoreInputs(p: Props & { subject: FormInstrument['subjects'][number]; entry: Entry; set: (e: Entry) => void }) {
  const { t, entry, set } = p;
  const s = p.ins.score!;
  const abstain = p.ins.allowAbstain && (
    <button type="button" class={`abstain wide${entry.abstain ? ' on' : ''}`} aria-pressed={!!entry.abstain} disabled={p.locked} onClick={() => set(entry.abstain ? {} : { abstain: true })}>
      {t.abstain}
    </button>
  );
  if (s.criteria) {
    return (
      <div class="criteria">
        {s.criteria.map((c) => {
          const v = entry.criteria?.[c.id] ?? '';
          return (
            <label class="field row" key={c.id}>
              <span>
                {c.label} <small>{t.criterionHint(c.maxPoints)}</small>
              </span>
              <input
                inputMode="decimal"
                class={v && !valueFits(v, '0', c.maxPoints, s.step) ? 'bad' : ''}
                value={v}
                disabled={p.locked || entry.abstain}
                onInput={(e) => set({ ...entry, abstain: undefined, criteria: { ...entry.criteria, [c.id]: (e.target as HTMLInputElement).value } })}
              />
            </label>
          );
        })}
        {abstain}
      </div>
    );
  }
  const v = entry.score ?? '';
  return (
    <div class="score">
      <label class="field row">
        <span>{t.scoreHint(s.min, s.max, s.step)}</span>
        <input
          inputMode="decimal"
          class={v && !valueFits(v, s.min, s.max, s.step) ? 'bad' : ''}
          value={v}
          disabled={p.locked || entry.abstain}
          onInput={(e) => set({ ...entry, abstain: undefined, score: (e.target as HTMLInputElement).value })}
        />
      </label>
      {abstain}
    </div>
  );
}
