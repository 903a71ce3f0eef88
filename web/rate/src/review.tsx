/**
 * 核对选票: the last step before a sheet is sent — every choice on one screen, read-only, with the warning that a
 * submitted ballot cannot be changed. The bytes sent are built only when the rater confirms here.
 */
import { itemOf, scaled, unscaled } from '../../shared/adjustments.js';
import type { Draft, Entry, Form, FormInstrument } from './ballot.js';
import type { Texts } from './i18n.js';

interface Props {
  t: Texts;
  form: Form;
  draft: Draft;
}

/** One subject's choice as the rater made it: the grade, the score (or the criteria and their sum), abstention. */
function choiceOf(t: Texts, ins: FormInstrument, e: Entry): string {
  if (e.abstain) return t.abstain;
  if (ins.kind === 'grade') return ins.grades?.find((g) => g.key === e.grade)?.label ?? '';
  if (ins.kind === 'score' && ins.score?.criteria) {
    const sum = ins.score.criteria.reduce((acc, c) => acc + scaled(e.criteria?.[c.id] ?? '0'), 0);
    return t.reviewTotal(unscaled(sum));
  }
  if (ins.kind === 'score') return t.reviewPoints((e.score ?? '').trim());
  return (e.adjustments ?? []).length === 0 ? t.adjNone : '';
}

/** Grade instruments: how many of each grade (and abstentions) this ballot gives, to check against the rules once more. */
function gradeSummary(t: Texts, ins: FormInstrument, draft: Draft): string | null {
  if (ins.kind !== 'grade' || !ins.grades) return null;
  const entries = ins.subjects.map((s) => draft[ins.id]?.[s.id] ?? {});
  const parts = ins.grades.map((g) => `${g.label} ${entries.filter((e) => !e.abstain && e.grade === g.key).length}`);
  const abstained = entries.filter((e) => e.abstain).length;
  if (abstained > 0) parts.push(`${t.abstain} ${abstained}`);
  return parts.join(' · ');
}

export function Review({ t, form, draft }: Props) {
  return (
    <div class="review" data-testid="review">
      {form.instruments.map((ins) => {
        const summary = gradeSummary(t, ins, draft);
        return (
          <section key={ins.id} class="review-ins">
            <h2>{ins.name}</h2>
            {summary && <p class="muted review-sum">{summary}</p>}
            <ol class="review-list">
              {ins.subjects.map((s) => {
                const e = draft[ins.id]?.[s.id] ?? {};
                const choice = choiceOf(t, ins, e);
                const opinion = (e.opinion ?? '').trim();
                return (
                  <li key={s.id} data-review={s.id}>
                    <div class="review-row">
                      <span class="review-name">{s.name}</span>
                      {choice && <b class={`review-choice${e.abstain ? ' abstained' : ''}`}>{choice}</b>}
                    </div>
                    {!e.abstain && ins.score?.criteria && (
                      <p class="review-more">{ins.score.criteria.map((c) => `${c.label} ${(e.criteria?.[c.id] ?? '').trim()}`).join('；')}</p>
                    )}
                    {!e.abstain && ins.adjustments &&
                      (e.adjustments ?? []).map((a, k) => {
                        const item = itemOf(ins.adjustments!, a.itemId);
                        const bonus = item?.direction === 'bonus';
                        return (
                          // biome-ignore lint/suspicious/noArrayIndexKey: read-only rows of one subject's adjustments, in the order they were added
                          <p key={k} class={`review-more ${bonus ? 'plus' : 'minus'}`}>
                            {bonus ? '＋' : '－'}
                            {a.points.trim()} {item?.label ?? ''}
                            {t.colon}
                            {a.reason.trim()}
                          </p>
                        );
                      })}
                    {!e.abstain && opinion && (
                      <p class="review-more">
                        {t.opinion}
                        {t.colon}
                        {opinion}
                      </p>
                    )}
                  </li>
                );
              })}
            </ol>
          </section>
        );
      })}
    </div>
  );
}
