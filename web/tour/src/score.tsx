/**
 * One stop's score sheet: where the stop is, the observer's earlier sheets for it (each revision with its state), and
 * — while the tour is open — the sheet itself: the score (or the instrument's criteria and their sum), the 加分/减分
 * with item, points and reason against their caps, the opinion. What keeps it from being saved shows as it is typed;
 * the draft is kept on the phone as typed. Saving again makes a new revision (第 2 次评分).
 */
import { useState } from 'preact/hooks';
import { itemOf } from '../../shared/adjustments.js';
import { AdjustmentsEditor } from '../../shared/adjustments-editor.js';
import { valueFits } from '../../shared/score.js';
import { stopsOf, type LocalSheet, type ObserverBundle, type TourStop } from './bundle.js';
import { dayDate, type Lang, type Texts } from './i18n.js';
import { clock, criteriaSum, draftFrom, draftProblems, nextRevision, revisions, stopState, type Draft } from './sheet.js';
import { stateText } from './stops.js';
import { draftOf, keepDraft } from './store.js';

interface Props {
  t: Texts;
  lang: Lang;
  bundle: ObserverBundle;
  stop: TourStop;
  /** This stop's sheets on the phone, oldest first. */
  sheets: LocalSheet[];
  onSave: (draft: Draft) => Promise<void>;
  onBack: () => void;
}

export function ScoreScreen(p: Props) {
  const { t, lang, bundle, stop, sheets } = p;
  const instrument = bundle.instrument;
  const observerId = bundle.observer.id;
  const kept = draftOf(observerId, stop.id);
  const [draft, setDraft] = useState<Draft>(() => kept ?? draftFrom(instrument, sheets[sheets.length - 1]?.rating));
  // A stop already scored opens on its record; scoring it again is a deliberate step (a new revision).
  const [scoring, setScoring] = useState(() => kept !== null || sheets.length === 0 || sheets[sheets.length - 1]!.state === 'refused');
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  const edit = (next: Draft) => {
    setDraft(next);
    keepDraft(observerId, stop.id, next);
  };
  const problems = draftProblems(instrument, draft, t);
  const revision = nextRevision(sheets);
  const day = bundle.days.find((d) => d.stops.some((s) => s.id === stop.id));
  const number = stopsOf(bundle).findIndex((s) => s.id === stop.id) + 1;
  const last = sheets[sheets.length - 1];
  const save = async () => {
    setSaving(true);
    setFailed(false);
    try {
      await p.onSave(draft);
    } catch {
      setFailed(true);
      setSaving(false);
    }
  };
  return (
    <main class="sheet" data-testid="score-screen" data-stop={stop.id}>
      <div class="sheet-top">
        <button type="button" class="back" onClick={p.onBack}>{t.back}</button>
      </div>
      <section class="where">
        <p class="muted">
          {t.stopNo(number)}
          {day && ` · ${dayDate(day.date, lang)}`}
          {stop.plannedTime && ` · ${t.planned(stop.plannedTime)}`}
        </p>
        <h1>{stop.siteName}</h1>
        <p class="muted">{stop.unitName}</p>
        {stop.theme && (
          <p>
            <span class="label">{t.theme}</span>
            {stop.theme}
          </p>
        )}
        {stop.address && (
          <p>
            <span class="label">{t.address}</span>
            {stop.address}
          </p>
        )}
      </section>
      {sheets.length > 0 && <History {...p} />}
      {last?.state === 'refused' && (
        <div class="banner error" role="alert" data-testid="refusal">
          <strong>{t.refusedTitle}</strong>
          <ul>
            {[last.reason, ...(last.details ?? [])].filter((m) => m !== undefined).map((m, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: read-only lines of one refusal
              <li key={i}>{m[lang]}</li>
            ))}
          </ul>
          {bundle.tour.open && <p>{t.refusedFix}</p>}
        </div>
      )}
      {!bundle.tour.open ? (
        <p class="banner warn" data-testid="closed">{t.closed}</p>
      ) : !scoring ? (
        <div class="form">
          <button type="button" class="secondary" data-testid="rescore" onClick={() => setScoring(true)}>{t.rescore(revision)}</button>
        </div>
      ) : (
        <section class="form">
          <h2 data-testid="score-title">{t.scoreTitle(revision)}</h2>
          {revision > 1 && <p class="muted small">{t.revisionNote}</p>}
          <ScoreInputs t={t} bundle={bundle} draft={draft} onEdit={edit} />
          {instrument.adjustments && (
            <AdjustmentsEditor
              t={t}
              config={instrument.adjustments}
              step={instrument.step}
              subjectName={stop.siteName}
              list={draft.adjustments}
              locked={saving}
              onChange={(adjustments) => edit({ ...draft, adjustments })}
            />
          )}
          {instrument.opinion !== 'none' && (
            <label class="field">
              <span>{instrument.opinion === 'required' ? t.opinionRequired : t.opinion}</span>
              <textarea name="opinion" rows={3} maxLength={2000} value={draft.opinion} disabled={saving} onInput={(e) => edit({ ...draft, opinion: (e.target as HTMLTextAreaElement).value })} />
            </label>
          )}
          <footer class="savebar">
            {failed && <p class="banner error" role="alert">{t.noStorage}</p>}
            {problems.length > 0 && (
              <ul class="problems" data-testid="problems" aria-live="polite">
                {problems.slice(0, 3).map((pr, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: read-only messages, rebuilt whole on each edit
                  <li key={i} class={pr.breaks ? 'breaks' : ''}>{pr.text}</li>
                ))}
              </ul>
            )}
            <button type="button" class="primary" data-testid="save" disabled={problems.length > 0 || saving} onClick={() => void save()}>
              {problems.length > 0 ? t.cannotSave : t.save(revision)}
            </button>
          </footer>
        </section>
      )}
    </main>
  );
}

function ScoreInputs(p: { t: Texts; bundle: ObserverBundle; draft: Draft; onEdit: (d: Draft) => void }) {
  const { t, draft } = p;
  const ins = p.bundle.instrument;
  if (ins.criteria) {
    const sum = criteriaSum(ins, draft);
    return (
      <div class="criteria">
        {ins.criteria.map((c) => {
          const v = draft.criteria[c.id] ?? '';
          return (
            <label class="field row" key={c.id}>
              <span>
                {c.label} <small>{t.criterionHint(c.maxPoints)}</small>
              </span>
              <input
                name={`criterion-${c.id}`}
                inputMode="decimal"
                class={v && !valueFits(v, '0', c.maxPoints, ins.step) ? 'bad' : ''}
                value={v}
                onInput={(e) => p.onEdit({ ...draft, criteria: { ...draft.criteria, [c.id]: (e.target as HTMLInputElement).value } })}
              />
            </label>
          );
        })}
        <p class="sum">
          {t.criteriaSum} <b data-testid="criteria-sum">{sum ?? '—'}</b>
        </p>
      </div>
    );
  }
  return (
    <label class="field row score">
      <span>
        {t.scoreLabel} <small>{t.scoreHint(ins.min, ins.max, ins.step)}</small>
      </span>
      <input
        name="score"
        inputMode="decimal"
        class={draft.score && !valueFits(draft.score, ins.min, ins.max, ins.step) ? 'bad' : ''}
        value={draft.score}
        onInput={(e) => p.onEdit({ ...draft, score: (e.target as HTMLInputElement).value })}
      />
    </label>
  );
}

/** The stop's sheets on this phone, newest first: revision, score, adjustments, state; the one that counts marked. */
function History(p: Props) {
  const { t, lang, sheets, bundle } = p;
  const numbers = revisions(sheets);
  const adjustments = bundle.instrument.adjustments;
  const latest = Math.max(...numbers.map((n) => n ?? 0));
  const rows = sheets.map((s, i) => ({ s, n: numbers[i]! })).reverse();
  return (
    <section class="history" data-testid="history">
      <h2>{t.earlier}</h2>
      <ol>
        {rows.map(({ s, n }) => {
          const state = stopState([s]);
          const total = s.rating.score ?? criteriaSum(bundle.instrument, draftFrom(bundle.instrument, s.rating)) ?? '';
          return (
            <li key={s.id} data-sheet={s.id} data-state={s.state}>
              <div class="history-row">
                <b>{t.revision(n)}</b>
                <span>{t.points(total)}</span>
                <span class={`state ${state.kind}`}>{state.kind === 'refused' ? t.stateRefusedShort : stateText(t, lang, state)}</span>
                {n !== null && n === latest && sheets.length > 1 && <span class="counts-mark">{t.countsMark}</span>}
              </div>
              <p class="muted small">
                {t.scoredAt(clock(s.scoredAt))}
                {adjustments &&
                  (s.rating.adjustments ?? []).map((a) => {
                    const item = itemOf(adjustments, a.itemId);
                    return ` · ${item?.direction === 'deduction' ? '－' : '＋'}${a.points} ${item?.label ?? a.itemId}`;
                  })}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
