/**
 * One scan, from the QR code to the answer. A phone that knows its trainee sends the code with its device and is
 * checked in by that one request. Another trades the code for a grant at once (the code is good for ~15 s, the grant
 * for 5 minutes) and identifies once. A reload in this tab reuses its grant, so it asks the server again and answers
 * "已签到"; without one it shows what this phone recorded, never asking for a code the address no longer carries.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CheckinAnswer, Grant } from '../../../src/contracts/training.js';
import { checkIn, openGrant, scanCheckIn, type ApiError, type Identity as Who, type Place } from './api.js';
import { statusLabel, type Lang, type Texts } from './i18n.js';
import { Identify } from './identify.js';
import { Notice, type Heading } from './notice.js';
import { doneOf, forgetIdentity, grantOf, identityOf, rememberDone, rememberGrant, rememberIdentity, type Done } from './store.js';

type Message = CheckinAnswer['message'];

type Phase =
  | { page: 'opening' }
  | { page: 'identify' }
  | { page: 'checking' }
  /** created: what the server just said (true: checked in now; false: already), in its words; null: as remembered here. */
  | { page: 'done'; done: Done; created: boolean | null; message?: Message }
  | { page: 'refused'; error: ApiError }
  | { page: 'noscan'; forgot: boolean }
  | { page: 'unreachable'; retry: () => void };

/** The code from the fragment when index.html's inline script did not take it (then it is dropped from the address here). */
function scannedCode(): string | null {
  if (window.__leitaiScan) return window.__leitaiScan.code;
  const code = location.hash.slice(1);
  if (!code) return null;
  try {
    history.replaceState(history.state, '', location.pathname + location.search);
  } catch {
    // The fragment stays in the address bar; the code in it expires within seconds anyway.
  }
  return code;
}

const doneFrom = (a: CheckinAnswer): Done => ({
  status: a.status,
  clock: a.clock,
  name: a.participant.name,
  unitName: a.participant.unitName,
  lessonTitle: a.lessonTitle,
  venueName: a.venueName,
});

export function ScanFlow(props: { t: Texts; lang: Lang; place: Place; onHeading: (h: Heading) => void }) {
  const { t, lang, place } = props;
  const [phase, setPhase] = useState<Phase>({ page: 'opening' });
  const [grant, setGrant] = useState<Grant | null>(null);
  /** The identify form's own state while its choice is sent: it stays on screen, with the refusal under it. */
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<ApiError | 'network' | null>(null);
  const started = useRef(false);
  /** The last code scanned in this page: "不是我" after a one-request check-in opens a grant with it. */
  const lastCode = useRef<string | null>(null);

  const { onHeading } = props;
  useEffect(() => {
    if (grant) onHeading({ title: grant.className, sub: `${grant.lesson.title} · ${grant.venue.name}` });
  }, [grant, onHeading]);

  /** Nothing to check in with: what this phone remembers of this lesson, else how to scan. */
  const fallBack = (forgot = false) => {
    const done = forgot ? null : doneOf(place.classId, place.lessonId);
    setPhase(done ? { page: 'done', done, created: null } : { page: 'noscan', forgot });
  };

  /** The answer, shown and remembered. `g`: the grant it was made with; null when the scan itself went with the device. */
  const finish = (g: Grant | null, answer: CheckinAnswer) => {
    const className = g?.className ?? identityOf(place.classId)?.className;
    if (answer.device) rememberIdentity(place.classId, { device: answer.device, name: answer.participant.name, unitName: answer.participant.unitName, className });
    const done = doneFrom(answer);
    rememberDone(place.classId, place.lessonId, done);
    if (g) rememberGrant(place, g);
    else onHeading({ title: className ?? answer.lessonTitle, sub: `${answer.lessonTitle} · ${answer.venueName}` });
    setPhase({ page: 'done', done, created: answer.created, message: answer.message });
  };

  /** Refusals that end this scan (the grant ran out, the lesson closed…): shown on a page of their own. */
  const endScan = (error: ApiError, reload: boolean) => {
    if (error.code === 'checkin_grant_expired') rememberGrant(place, null);
    // A reload long after checking in: what this phone remembers beats "scan again".
    if (reload && error.code === 'checkin_grant_expired' && doneOf(place.classId, place.lessonId)) return fallBack();
    setPhase({ page: 'refused', error });
  };

  /** The server no longer knows this phone's secret (the roster changed): it is forgotten, and the trainee told why. */
  const deviceRefused = (error: ApiError): boolean => {
    if (error.code !== 'participant_unknown' && error.code !== 'invalid_request') return false;
    forgetIdentity(place.classId);
    setFormError(error);
    return true;
  };

  /** This tab's grant (a reload) with the device this phone keeps, or the identify form if it keeps none. */
  const withDevice = async (g: Grant, reload: boolean): Promise<void> => {
    const me = identityOf(place.classId);
    if (!me) {
      setPhase({ page: 'identify' });
      return;
    }
    setPhase({ page: 'checking' });
    const res = await checkIn(g.grant, { device: me.device });
    if (res.kind === 'network') return setPhase({ page: 'unreachable', retry: () => void withDevice(g, reload) });
    if (res.kind === 'ok') return finish(g, res.body);
    if (deviceRefused(res.error)) return setPhase({ page: 'identify' });
    endScan(res.error, reload);
  };

  const adopt = (g: Grant, reload: boolean) => {
    setGrant(g);
    rememberGrant(place, g);
    void withDevice(g, reload);
  };

  /**
   * A scanned code. A phone that knows its trainee checks in with it at once, in one request; otherwise (or when the
   * server no longer knows the phone) the code opens a grant to identify with.
   */
  const open = async (code: string): Promise<void> => {
    lastCode.current = code;
    setFormError(null);
    setPhase({ page: 'opening' });
    const me = identityOf(place.classId);
    if (me) {
      const res = await scanCheckIn(place, code, me.device);
      if (res.kind === 'network') return setPhase({ page: 'unreachable', retry: () => void open(code) });
      if (res.kind === 'ok') return finish(null, res.body);
      if (!deviceRefused(res.error)) return endScan(res.error, false);
    }
    const res = await openGrant(place, code);
    if (res.kind === 'network') return setPhase({ page: 'unreachable', retry: () => void open(code) });
    if (res.kind === 'refused') return setPhase({ page: 'refused', error: res.error });
    adopt(res.body, false);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on load: the scan in the address, or this tab's grant
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const code = scannedCode();
    if (code) return void open(code);
    const kept = grantOf(place);
    if (kept) return adopt(kept, true);
    fallBack();
  }, []);

  // A new scan of the same lesson and venue while this page is open changes only the fragment: no reload comes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: one listener for the page's life; open reads nothing stale
  useEffect(() => {
    const rescan = () => {
      window.__leitaiScan = undefined;
      const code = scannedCode();
      if (code) void open(code);
    };
    addEventListener('hashchange', rescan);
    return () => removeEventListener('hashchange', rescan);
  }, []);

  const identify = async (who: Who) => {
    if (!grant) return;
    setSending(true);
    setFormError(null);
    const res = await checkIn(grant.grant, who);
    setSending(false);
    if (res.kind === 'network') return setFormError('network');
    if (res.kind === 'ok') return finish(grant, res.body);
    // Wrong code, unknown name, too many tries: the trainee stays on the form and reads why.
    if (['participant_unknown', 'invalid_request', 'rate_limited'].includes(res.error.code)) return setFormError(res.error);
    endScan(res.error, false);
  };

  /** "不是我" on a shared phone: forget the trainee; the next one identifies on this scan while it is good. */
  const notMe = () => {
    forgetIdentity(place.classId);
    setFormError(null);
    if (grant) setPhase({ page: 'identify' });
    else if (lastCode.current) void open(lastCode.current);
    else fallBack(true);
  };

  const message = (e: ApiError) => (lang === 'zh' ? e.message.zh : e.message.en);
  const mine = (
    <a class="button secondary" href={`/c/${encodeURIComponent(place.classId)}`} data-testid="mine-link">{t.mineLink}</a>
  );

  switch (phase.page) {
    case 'opening':
    case 'checking':
      return <p class="muted center" role="status">{phase.page === 'opening' ? t.opening : t.checking}</p>;
    case 'identify':
      return grant ? (
        <Identify
          t={t}
          lang={lang}
          grant={grant.grant}
          busy={sending}
          error={formError === 'network' ? t.unreachable : formError ? message(formError) : null}
          onIdentify={identify}
          onRefused={(e) => endScan(e, false)}
        />
      ) : null;
    case 'done':
      return <DonePage t={t} lang={lang} phase={phase} onNotMe={notMe}>{mine}</DonePage>;
    case 'refused': {
      const { error } = phase;
      const title = error.code === 'checkin_code_stale' ? t.staleTitle : error.code === 'checkin_grant_expired' ? t.grantExpiredTitle : t.refusedTitle;
      const remembered = doneOf(place.classId, place.lessonId);
      return (
        <Notice title={title} body={message(error)} tone="bad" testid="refused">
          {remembered && <p class="remembered" data-testid="remembered">{t.againTitle(remembered.clock)} · {remembered.name}</p>}
          {identityOf(place.classId) && mine}
        </Notice>
      );
    }
    case 'noscan':
      return (
        <Notice title={t.noScanTitle} body={phase.forgot ? `${t.forgotten} ${t.noScanBody}` : t.noScanBody} testid="noscan">
          {identityOf(place.classId) && mine}
        </Notice>
      );
    case 'unreachable':
      return (
        <Notice title={t.unreachable} tone="bad" testid="unreachable">
          <button type="button" class="primary" onClick={phase.retry}>{t.retry}</button>
        </Notice>
      );
  }
}

function DonePage(props: { t: Texts; lang: Lang; phase: { done: Done; created: boolean | null; message?: Message }; onNotMe: () => void; children: preact.ComponentChildren }) {
  const { t, lang } = props;
  const { done, created, message } = props.phase;
  // The server's words for what it just did ("签到成功 · 准时 09:02", "已签到 09:02"); the same words for a remembered one.
  const title = message ? message[lang] : created === true ? t.okTitle(statusLabel(done.status, lang), done.clock) : t.againTitle(done.clock);
  return (
    <Notice title={title} tone={done.status === 'late' ? 'late' : 'ok'} testid="done">
      <dl class="where">
        <dt>{t.whoLabel}</dt>
        <dd data-testid="done-name">{done.name}<small>{done.unitName}</small></dd>
        <dt>{t.lessonLabel}</dt>
        <dd>{done.lessonTitle}</dd>
        <dt>{t.venueLabel}</dt>
        <dd>{done.venueName}</dd>
      </dl>
      {created === null && <p class="muted">{t.rememberedNote}</p>}
      {props.children}
      <button type="button" class="link" onClick={props.onNotMe} data-testid="not-me">{t.notMe}</button>
    </Notice>
  );
}
