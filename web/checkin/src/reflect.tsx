/**
 * 讲收获 on 我的签到: the trainee writes what they took from the class (or one lesson) and sees and edits their own.
 * Each reflection gets its id on the phone before it is first sent, and the draft is kept on the phone until the
 * server has it: a send whose answer was lost is sent again with the same id and stored once.
 */
import { useEffect, useState } from 'preact/hooks';
import type { MyReflection, MyReflections } from '../../../src/contracts/reflections.js';
import { fetchReflections, sendReflection } from './api.js';
import { wallClock, type Lang, type Texts } from './i18n.js';
import { draftOf, newReflectionId, rememberDraft, type Draft } from './store.js';

const MAX = 2000;

/** An ISO instant as Beijing wall clock ("2022-06-17T18:05"), as the rest of the page shows times. */
const beijing = (iso: string): string => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16);

type Load = { state: 'loading' } | { state: 'ok'; data: MyReflections } | { state: 'failed'; message: string };

export function Reflections(props: { t: Texts; lang: Lang; classId: string; device: string }) {
  const { t, lang, classId, device } = props;
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const [draft, setDraft] = useState<Draft | null>(() => draftOf(classId));
  const [sending, setSending] = useState(false);
  const [note, setNote] = useState<{ tone: 'ok' | 'bad'; text: string } | null>(null);

  const refresh = async () => {
    const res = await fetchReflections(classId, device);
    if (res.kind === 'ok') setLoad({ state: 'ok', data: res.body });
    else setLoad({ state: 'failed', message: res.kind === 'network' ? t.unreachable : lang === 'zh' ? res.error.message.zh : res.error.message.en });
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on load
  useEffect(() => void refresh(), []);

  const edit = (next: Draft | null) => {
    setDraft(next);
    rememberDraft(classId, next);
  };

  const send = async () => {
    if (!draft || sending) return;
    const text = draft.text.trim();
    if (!text) return setNote({ tone: 'bad', text: t.reflectEmpty });
    setSending(true);
    setNote(null);
    const res = await sendReflection(classId, device, { ...draft, text });
    setSending(false);
    if (res.kind === 'network') return setNote({ tone: 'bad', text: t.reflectNetwork });
    if (res.kind === 'refused') return setNote({ tone: 'bad', text: lang === 'zh' ? res.error.message.zh : res.error.message.en });
    const saved = res.body.reflection;
    edit(null);
    setNote({ tone: 'ok', text: res.body.result === 'edited' ? t.reflectEdited : t.reflectSaved });
    setLoad((l) => (l.state === 'ok' ? { state: 'ok', data: { ...l.data, items: upsert(l.data.items, saved) } } : l));
  };

  if (load.state === 'loading') return <p class="muted center small" role="status">{t.reflectLoading}</p>;
  if (load.state === 'failed') {
    return (
      <section class="reflect" data-testid="reflections">
        <h2>{t.reflectTitle}</h2>
        <p class="error">{load.message}</p>
        <button type="button" class="secondary" onClick={() => void refresh()}>{t.retry}</button>
      </section>
    );
  }
  const { data } = load;
  const lessonTitle = (id: string | null) => (id ? (data.lessons.find((l) => l.id === id)?.title ?? '') : t.reflectWholeClass);
  const length = draft?.text.trim().length ?? 0;

  return (
    <section class="reflect" data-testid="reflections">
      <h2>{t.reflectTitle}</h2>
      <p class="muted small">{data.open ? (data.closesAt ? t.reflectOpenUntil(wallClock(data.closesAt, lang)) : t.reflectHint) : t.reflectClosed}</p>
      {note && <p class={note.tone === 'ok' ? 'saved' : 'error'} role="status" data-testid="reflect-note">{note.text}</p>}
      {data.open && draft && (
        <form
          class="reflect-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <label class="field">
            <span>{t.reflectAbout}</span>
            <select value={draft.lessonId ?? ''} onChange={(e) => edit({ ...draft, lessonId: (e.target as HTMLSelectElement).value || null })} data-testid="reflect-lesson">
              <option value="">{t.reflectWholeClass}</option>
              {data.lessons.map((l) => (
                <option key={l.id} value={l.id}>{l.title}</option>
              ))}
            </select>
          </label>
          <label class="field">
            <span>{t.reflectText}</span>
            <textarea
              rows={7}
              maxLength={MAX + 200}
              value={draft.text}
              placeholder={t.reflectPlaceholder}
              onInput={(e) => edit({ ...draft, text: (e.target as HTMLTextAreaElement).value })}
              data-testid="reflect-text"
            />
          </label>
          <p class={`count${length > MAX ? ' over' : ''}`}>{t.reflectCount(length, MAX)}</p>
          <button type="submit" class="primary" disabled={sending || length === 0 || length > MAX} data-testid="reflect-send">
            {sending ? t.reflectSending : t.reflectSend}
          </button>
          <button type="button" class="link" onClick={() => edit(null)}>{t.reflectCancel}</button>
        </form>
      )}
      {data.open && !draft && (
        <button type="button" class="primary" onClick={() => { setNote(null); edit({ id: newReflectionId(), lessonId: null, text: '' }); }} data-testid="reflect-new">
          {t.reflectNew}
        </button>
      )}
      {data.items.length === 0 ? (
        <p class="muted small">{t.reflectNone}</p>
      ) : (
        <ol class="reflections" data-testid="my-reflections">
          {[...data.items].reverse().map((r) => (
            <li key={r.id}>
              <div class="lesson-head">
                <strong>{lessonTitle(r.lessonId)}</strong>
                <span class="lesson-meta">{wallClock(beijing(r.updatedAt), lang)}</span>
              </div>
              <p class="reflect-body">{r.text}</p>
              {data.open && draft?.id !== r.id && (
                <button type="button" class="link" onClick={() => { setNote(null); edit({ id: r.id, lessonId: r.lessonId, text: r.text }); }}>{t.reflectEdit}</button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function upsert(items: readonly MyReflection[], saved: MyReflection): MyReflection[] {
  return items.some((i) => i.id === saved.id) ? items.map((i) => (i.id === saved.id ? saved : i)) : [...items, saved];
}
