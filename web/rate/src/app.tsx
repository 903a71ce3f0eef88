/**
 * The phone ballot: load the form for a token (QR link /r/<token>) or a typed code (/r), rate, submit, keep the
 * receipt. Every state a rater can meet — not yet open, closed, used, unknown, offline — is a page of its own.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fetchForm, submitSheet, type ApiError, type Credential } from './api.js';
import { sheetProblems, toBallots, type Draft, type Entry, type Form } from './ballot.js';
import { htmlLang, initialLang, rememberLang, TEXTS, type Lang, type Texts } from './i18n.js';
import { InstrumentSection } from './instrument.js';
import { CodeEntry, Notice, ReceiptPage, type CodeTrouble } from './pages.js';
import { Review } from './review.js';
import { currentCode, load, normaliseCode, save, setCurrentCode, type ReceiptOf, type Saved } from './store.js';

type Phase =
  | { page: 'code'; trouble?: CodeTrouble; error?: string }
  | { page: 'loading' }
  | { page: 'ballot' }
  | { page: 'review' }
  | { page: 'receipt' }
  | { page: 'closed' }
  | { page: 'not-open' }
  | { page: 'unusable'; error: ApiError }
  | { page: 'unreachable' };

type SubmitState = { state: 'idle' } | { state: 'sending' } | { state: 'network' } | { state: 'refused'; error: ApiError };

/** /r/<token> → the token; /r → none (code entry); anything else under /r/ → 'bad' (a link cut short or garbled). */
function tokenFromPath(): string | 'bad' | null {
  const m = /^\/r\/([A-Za-z0-9_-]{16,64})\/?$/.exec(location.pathname);
  if (m) return m[1]!;
  return /^\/r\/[^/]/.test(location.pathname) ? 'bad' : null;
}

/** The refusals that mean the code itself cannot be used: the rater is sent to the code entry, told why. */
const TROUBLES: Record<string, CodeTrouble> = { token_unknown: 'unknown', token_revoked: 'revoked' };

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = TEXTS[lang];
  const [cred, setCred] = useState<Credential | null>(() => {
    const token = tokenFromPath();
    if (token && token !== 'bad') return { token };
    const code = currentCode();
    return code ? { code } : null;
  });
  const key = cred ? ('token' in cred ? `t:${cred.token}` : `c:${cred.code}`) : null;
  const [saved, setSaved] = useState<Saved>(() => (key ? load(key) : { draft: {} }));
  const [phase, setPhase] = useState<Phase>(() => (!cred && tokenFromPath() === 'bad' ? { page: 'code', trouble: 'link' } : initialPhase(cred, saved)));
  const [offline, setOffline] = useState(false);
  const [submit, setSubmit] = useState<SubmitState>(saved.pending ? { state: 'network' } : { state: 'idle' });
  const savedRef = useRef(saved);
  savedRef.current = saved;

  const update = (next: Saved) => {
    savedRef.current = next;
    setSaved(next);
    if (key) save(key, next);
  };

  const showReceipt = (receipt: string, of: ReceiptOf) => {
    // The receipt and where it was cast are all that stay: the draft and form are the rater's, no need to keep them.
    update({ draft: {}, receipt, receiptOf: of });
    setPhase({ page: 'receipt' });
  };

  /** Back to the code entry, saying why this code did not open a ballot. */
  const troubled = (trouble: CodeTrouble) => {
    setCurrentCode(null);
    setCred(null);
    setSubmit({ state: 'idle' });
    setPhase({ page: 'code', trouble });
  };

  const refresh = async (c: Credential): Promise<void> => {
    const res = await fetchForm(c);
    const current = savedRef.current;
    if (res.kind === 'network') {
      setOffline(true);
      setPhase((now) => (!current.form ? { page: 'unreachable' } : now.page === 'review' ? now : { page: 'ballot' }));
      return;
    }
    setOffline(false);
    if (res.kind === 'refused') {
      const trouble = TROUBLES[res.error.code];
      if (trouble) troubled(trouble);
      else setPhase({ page: 'unusable', error: res.error });
      return;
    }
    const form = res.body;
    if (form.token.status === 'used') {
      // A sheet this phone sent without hearing back: sent again, byte for byte, the server answers its receipt if it
      // is the one stored, and refuses it (token_used) if another sheet was stored on this code first.
      if (current.pending) return send(current.pending);
      const of = { campaign: form.campaign.name, session: form.session.name, sessionId: form.session.id, sentHere: false };
      return showReceipt(form.token.receipt ?? '', of);
    }
    update({ ...current, form });
    if (form.session.status === 'closed') setPhase({ page: 'closed' });
    else if (form.session.status === 'draft') setPhase({ page: 'not-open' });
    // A rater reviewing the sheet stays on the review when the phone comes back online.
    else setPhase((now) => (now.page === 'review' ? now : { page: 'ballot' }));
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
    if (!cred || saved.receipt !== undefined) return;
    void refresh(cred);
    // A submission left unconfirmed goes again, unchanged, as soon as the phone is back online.
    const online = () => {
      if (savedRef.current.pending) void send(savedRef.current.pending);
      else void refresh(cred);
    };
    addEventListener('online', online);
    return () => removeEventListener('online', online);
  }, [key]);

  const send = async (body: string): Promise<void> => {
    setSubmit({ state: 'sending' });
    const res = await submitSheet(body);
    if (res.kind === 'network') {
      setSubmit({ state: 'network' });
      return;
    }
    if (res.kind === 'ok') {
      setSubmit({ state: 'idle' });
      const r = res.body;
      return showReceipt(r.receipt, { campaign: r.campaign.name, session: r.session.name, sessionId: r.session.id, sentHere: true });
    }
    // Refused: nothing was stored, so the draft is editable again.
    update({ ...savedRef.current, pending: undefined });
    const code = res.error.code;
    const trouble = TROUBLES[code];
    if (trouble) return troubled(trouble);
    if (code === 'token_used' || code === 'session_not_open') {
      setSubmit({ state: 'idle' });
      return cred ? refresh(cred) : undefined;
    }
    setSubmit({ state: 'refused', error: res.error });
    setPhase({ page: 'ballot' });
  };

  /** From the ballot to the review: nothing is sent yet. */
  const onReview = () => {
    if (saved.form && !saved.pending) setPhase({ page: 'review' });
  };

  /** Confirmed on the review: the sheet is built and sent, and kept byte for byte until the server answers. */
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
    if (!code) return setPhase({ page: 'code', trouble: phase.page === 'code' ? phase.trouble : undefined, error: t.codeBad });
    // A typed code replaces whatever link brought the rater here: a reload comes back to this code, not to that link.
    if (location.pathname !== '/r') history.replaceState(null, '', '/r');
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
          <strong>{saved.form?.campaign.name ?? saved.receiptOf?.campaign ?? t.appName}</strong>
          {(saved.form || saved.receiptOf) && <span>{saved.form?.session.name ?? saved.receiptOf?.session}</span>}
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
        onReview={onReview}
        onBack={() => setPhase({ page: 'ballot' })}
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
  if (saved.receipt !== undefined) return { page: 'receipt' };
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
  onReview: () => void;
  onBack: () => void;
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
      return <CodeEntry t={t} trouble={phase.trouble} error={phase.error} onCode={p.onCode} />;
    case 'loading':
      return <p class="muted center">{t.loading}</p>;
    case 'receipt':
      return (
        <ReceiptPage t={t} lang={p.lang} receipt={p.saved.receipt ?? ''} of={p.saved.receiptOf}>
          {other}
        </ReceiptPage>
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
    case 'review':
      return p.saved.form ? <ReviewPage {...p} form={p.saved.form} /> : null;
  }
}

/** What the last submission came to: the server's refusal, or a lost connection with the retry it calls for. */
function SubmitBanners({ t, zh, submit, pending }: { t: Texts; zh: boolean; submit: SubmitState; pending: boolean }) {
  if (submit.state === 'refused') {
    return (
      <div class="banner error" role="alert" data-testid="refusal">
        <strong>{t.refused}</strong>
        <ul>
          {(submit.error.details.length > 0 ? submit.error.details : [{ message: submit.error.message }]).map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: read-only messages of one refusal; a line holds no state
            <li key={i}>{zh ? d.message.zh : d.message.en}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (submit.state === 'network') {
    return (
      <div class="banner warn" role="alert" data-testid="network">
        {pending ? t.networkLost : t.pendingNote}
      </div>
    );
  }
  return null;
}

function ReviewPage(p: BodyProps & { form: Form }) {
  const { t, submit, saved } = p;
  const pending = saved.pending !== undefined;
  return (
    <main>
      <section class="review-head">
        <h1>{t.reviewTitle}</h1>
        <p class="banner warn" data-testid="review-warning">
          <strong>{t.reviewWarn}</strong> {t.reviewHint}
        </p>
      </section>
      <Review t={t} form={p.form} draft={saved.draft} />
      <footer class="submitbar">
        <SubmitBanners t={t} zh={p.lang === 'zh'} submit={submit} pending={pending} />
        {submit.state === 'network' && pending ? (
          <button type="button" class="primary" onClick={p.onRetry}>{t.retry}</button>
        ) : (
          <button type="button" class="primary" disabled={submit.state === 'sending'} onClick={p.onSubmit}>
            {submit.state === 'sending' ? t.submitting : t.confirm}
          </button>
        )}
        {!pending && submit.state !== 'sending' && (
          <button type="button" class="secondary" onClick={p.onBack}>{t.back}</button>
        )}
      </footer>
    </main>
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
        <SubmitBanners t={t} zh={zh} submit={submit} pending={locked} />
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
          <button type="button" class="primary" disabled={problems.length > 0 || submit.state === 'sending'} onClick={p.onReview}>
            {submit.state === 'sending' ? t.submitting : problems.length > 0 ? t.cannotSubmit : t.review}
          </button>
        )}
      </footer>
    </main>
  );
}
