/**
 * The phone ballot: load the form for a token (QR link /r/<token>) or a typed code (/r), rate, submit, keep the
 * receipt. Every state a rater can meet — not yet open, closed, used, unknown, offline — is a page of its own.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fetchForm, submitSheet, type ApiError, type Credential } from './api.js';
import { sheetProblems, toBallots, type Draft, type Entry, type Form } from './ballot.js';
import { htmlLang, initialLang, rememberLang, TEXTS, type Lang, type Texts } from './i18n.js';
import { InstrumentSection } from './instrument.js';
import { currentCode, load, normaliseCode, save, setCurrentCode, type Saved } from './store.js';

type Phase =
  | { page: 'code'; error?: string }
  | { page: 'loading' }
  | { page: 'ballot' }
  | { page: 'receipt'; receipt: string }
  | { page: 'closed' }
  | { page: 'not-open' }
  | { page: 'unusable'; error: ApiError }
  | { page: 'unreachable' };

type SubmitState = { state: 'idle' } | { state: 'sending' } | { state: 'network' } | { state: 'refused'; error: ApiError };

/** /r/<token> → the token; /r → none (code entry). */
function tokenFromPath(): string | null {
  const m = /^\/r\/([A-Za-z0-9_-]{16,64})\/?$/.exec(location.pathname);
  return m ? m[1]! : null;
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = TEXTS[lang];
  const [cred, setCred] = useState<Credential | null>(() => {
    const token = tokenFromPath();
    if (token) return { token };
    const code = currentCode();
    return code ? { code } : null;
  });
  const key = cred ? ('token' in cred ? `t:${cred.token}` : `c:${cred.code}`) : null;
  const [saved, setSaved] = useState<Saved>(() => (key ? load(key) : { draft: {} }));
  const [phase, setPhase] = useState<Phase>(() => initialPhase(cred, saved));
  const [offline, setOffline] = useState(false);
  const [submit, setSubmit] = useState<SubmitState>(saved.pending ? { state: 'network' } : { state: 'idle' });
  const savedRef = useRef(saved);
  savedRef.current = saved;

  const update = (next: Saved) => {
    savedRef.current = next;
    setSaved(next);
    if (key) save(key, next);
  };

  const showReceipt = (receipt: string) => {
    // The receipt is all that stays: the draft and form are the rater's, no need to keep them on the phone.
    update({ draft: {}, receipt });
    setPhase({ page: 'receipt', receipt });
  };

  const refresh = async (c: Credential) => {
    const res = await fetchForm(c);
    const current = savedRef.current;
    if (res.kind === 'network') {
      setOffline(true);
      setPhase(current.form ? { page: 'ballot' } : { page: 'unreachable' });
      return;
    }
    setOffline(false);
    if (res.kind === 'refused') {
      if ('code' in c && res.status === 404) {
        setCurrentCode(null);
        setCred(null);
        setPhase({ page: 'code', error: lang === 'zh' ? res.error.message.zh : res.error.message.en });
      } else setPhase({ page: 'unusable', error: res.error });
      return;
    }
    const form = res.body;
    if (form.token.status === 'used') return showReceipt(form.token.receipt ?? '');
    update({ ...current, form });
    if (form.session.status === 'closed') setPhase({ page: 'closed' });
    else if (form.session.status === 'draft') setPhase({ page: 'not-open' });
    else setPhase({ page: 'ballot' });
  };

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);
  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    rememberLang(next);
    setLang(next);
  };

  // A new page (receipt, closed, …) starts at its top, not where the ballot was scrolled to.
  useEffect(() => {
    if (phase.page !== 'ballot') scrollTo(0, 0);
  }, [phase.page]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per credential (`key` names it), not per render: refresh and send are new each render; the listener reads the latest state through savedRef
  useEffect(() => {
    if (!cred || saved.receipt) return;
    void refresh(cred);
    // A submission left unconfirmed goes again, unchanged, as soon as the phone is back online.
    const online = () => {
      if (savedRef.current.pending) void send(savedRef.current.pending);
      else void refresh(cred);
    };
    addEventListener('online', online);
    return () => removeEventListener('online', online);
  }, [key]);

  const send = async (body: string) => {
    setSubmit({ state: 'sending' });
    const res = await submitSheet(body);
    if (res.kind === 'network') {
      setSubmit({ state: 'network' });
      return;
    }
    if (res.kind === 'ok') {
      setSubmit({ state: 'idle' });
      return showReceipt(res.body.receipt);
    }
    // Refused: nothing was stored, so the draft is editable again.
    update({ ...savedRef.current, pending: undefined });
    const code = res.error.code;
    if (code === 'token_used' || code === 'session_not_open') {
      setSubmit({ state: 'idle' });
      return cred ? refresh(cred) : undefined;
    }
    setSubmit({ state: 'refused', error: res.error });
  };

  const onSubmit = () => {
    const form = saved.form;
    if (!form || !cred) return;
    const body = JSON.stringify({ ...cred, ballots: toBallots(form, saved.draft) });
    update({ ...saved, pending: body });
    void send(body);
  };

  const setEntry = (instrumentId: string, subjectId: string, entry: Entry) => {
    if (saved.pending) return;
    const draft: Draft = { ...saved.draft, [instrumentId]: { ...saved.draft[instrumentId], [subjectId]: entry } };
    update({ ...saved, draft });
    if (submit.state === 'refused') setSubmit({ state: 'idle' });
  };

  const enterCode = (typed: string) => {
    const code = normaliseCode(typed);
    if (!code) return setPhase({ page: 'code', error: t.codeBad });
    setCurrentCode(code);
    const c = { code };
    const next = load(`c:${code}`);
    savedRef.current = next;
    setSaved(next);
    setCred(c);
    setSubmit(next.pending ? { state: 'network' } : { state: 'idle' });
    setPhase(initialPhase(c, next));
  };

  const otherCode = 'code' in (cred ?? {}) ? () => {
    setCurrentCode(null);
    setCred(null);
    setPhase({ page: 'code' });
  } : null;

  return (
    <div class="page">
      <header class="top">
        <div class="brand">
          <strong>{saved.form?.campaign.name ?? t.appName}</strong>
          {saved.form && <span>{saved.form.session.name}</span>}
        </div>
        <button type="button" class="lang" onClick={switchLang}>{t.switchTo}</button>
      </header>
      <Body
        t={t}
        lang={lang}
        phase={phase}
        saved={saved}
        offline={offline}
        submit={submit}
        onSubmit={onSubmit}
        onRetry={() => saved.pending && void send(saved.pending)}
        onRefresh={() => { if (cred) { setPhase({ page: 'loading' }); void refresh(cred); } }}
        onEntry={setEntry}
        onCode={enterCode}
        onOtherCode={otherCode}
      />
    </div>
  );
}

function initialPhase(cred: Credential | null, saved: Saved): Phase {
  if (!cred) return { page: 'code' };
  if (saved.receipt) return { page: 'receipt', receipt: saved.receipt };
  // The last form seen is shown at once; the fresh one replaces it when it arrives.
  if (saved.form?.session.status === 'open') return { page: 'ballot' };
  return { page: 'loading' };
}

interface BodyProps {
  t: Texts;
  lang: Lang;
  phase: Phase;
  saved: Saved;
  offline: boolean;
  submit: SubmitState;
  onSubmit: () => void;
  onRetry: () => void;
  onRefresh: () => void;
  onEntry: (instrumentId: string, subjectId: string, entry: Entry) => void;
  onCode: (typed: string) => void;
  onOtherCode: (() => void) | null;
}

function Body(p: BodyProps) {
  const { t, phase } = p;
  const other = p.onOtherCode && (
    <button type="button" class="link" onClick={p.onOtherCode}>{t.otherCode}</button>
  );
  switch (phase.page) {
    case 'code':
      return <CodeEntry t={t} error={phase.error} onCode={p.onCode} />;
    case 'loading':
      return <p class="muted center">{t.loading}</p>;
    case 'receipt':
      return (
        <section class="notice ok" aria-live="polite">
          <h1>✓ {t.receiptTitle}</h1>
          <p class="muted">{t.receiptCode}</p>
          <p class="receipt" data-testid="receipt">{phase.receipt}</p>
          <p>{t.receiptKeep}</p>
          {other}
        </section>
      );
    case 'closed':
      return <Notice title={t.closedTitle} body={t.closedBody}>{other}</Notice>;
    case 'not-open':
      return (
        <Notice title={t.draftTitle} body={t.draftBody}>
          <button type="button" class="primary" onClick={p.onRefresh}>{t.refresh}</button>
          {other}
        </Notice>
      );
    case 'unusable':
      return <Notice title={t.errorTitle} body={p.lang === 'zh' ? phase.error.message.zh : phase.error.message.en}>{other}</Notice>;
    case 'unreachable':
      return (
        <Notice title={t.offlineNoForm} body="">
          <button type="button" class="primary" onClick={p.onRefresh}>{t.reload}</button>
        </Notice>
      );
    case 'ballot':
      return p.saved.form ? <Ballot {...p} form={p.saved.form} /> : null;
  }
}

function Notice(props: { title: string; body: string; children?: preact.ComponentChildren }) {
  return (
    <section class="notice" role="status">
      <h1>{props.title}</h1>
      {props.body && <p>{props.body}</p>}
      {props.children}
    </section>
  );
}

function CodeEntry(props: { t: Texts; error: string | undefined; onCode: (typed: string) => void }) {
  const { t } = props;
  const [value, setValue] = useState('');
  const [typing, setTyping] = useState(false);
  return (
    <form
      class="notice"
      onSubmit={(e) => {
        e.preventDefault();
        setTyping(false);
        props.onCode(value);
      }}
    >
      <h1>{t.codeTitle}</h1>
      <p class="muted">{t.codeHint}</p>
      <label class="field">
        <span>{t.codeLabel}</span>
        <input
          name="code"
          value={value}
          autocomplete="off"
          autocapitalize="characters"
          spellcheck={false}
          maxLength={16}
          placeholder="XXXXX-XXXXX"
          onInput={(e) => {
            setValue((e.target as HTMLInputElement).value);
            setTyping(true);
          }}
        />
      </label>
      {props.error && !typing && <p class="error" role="alert">{props.error}</p>}
      <button type="submit" class="primary">{t.codeGo}</button>
    </form>
  );
}

function Ballot(p: BodyProps & { form: Form }) {
  const { t, form, saved, submit } = p;
  const zh = p.lang === 'zh';
  const problems = useMemo(() => sheetProblems(form, saved.draft, t, zh), [form, saved.draft, t, zh]);
  const locked = saved.pending !== undefined;
  const refusedSubjects = new Set(submit.state === 'refused' ? submit.error.details.map((d) => String(d.subjectId ?? '')) : []);
  return (
    <main>
      <p class="who">
        {t.group}
        {form.group.name}
        {form.group.raterName ? ` · ${t.signedAs} ${form.group.raterName}` : form.group.mode === 'anonymous' ? ` · ${t.anonymous}` : ''}
      </p>
      {p.offline && <p class="banner warn">{t.offline}</p>}
      {form.instruments.map((ins) => (
        <InstrumentSection key={ins.id} t={t} zh={zh} ins={ins} draft={saved.draft} locked={locked} flagged={refusedSubjects} onEntry={p.onEntry} />
      ))}
      <footer class="submitbar">
        {submit.state === 'refused' && (
          <div class="banner error" role="alert" data-testid="refusal">
            <strong>{t.refused}</strong>
            <ul>
              {(submit.error.details.length > 0 ? submit.error.details : [{ message: submit.error.message }]).map((d, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: read-only messages of one refusal; a line holds no state
                <li key={i}>{zh ? d.message.zh : d.message.en}</li>
              ))}
            </ul>
          </div>
        )}
        {submit.state === 'network' && (
          <div class="banner warn" role="alert" data-testid="network">
            {saved.pending ? t.networkLost : t.pendingNote}
          </div>
        )}
        {submit.state !== 'network' && problems.length > 0 && (
          <ul class="problems" data-testid="problems" aria-live="polite">
            {problems.slice(0, 3).map((pr, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: read-only messages, rebuilt whole on each edit; a line holds no state
              <li key={i} class={pr.breaks ? 'breaks' : ''}>{pr.text}</li>
            ))}
          </ul>
        )}
        {submit.state === 'network' && saved.pending ? (
          <button type="button" class="primary" onClick={p.onRetry}>{t.retry}</button>
        ) : (
          <button type="button" class="primary" disabled={problems.length > 0 || submit.state === 'sending'} onClick={p.onSubmit}>
            {submit.state === 'sending' ? t.submitting : problems.length > 0 ? t.cannotSubmit : t.submit}
          </button>
        )}
      </footer>
    </main>
  );
}
