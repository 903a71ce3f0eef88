/**
 * The observer's tour page (/o/<link>): the days and stops of the tour with each stop's state, a stop's score sheet,
 * and the queue that carries the sheets to the server. It shows what the phone kept at once, then what the server
 * says; it works with no network once the link has been opened online (service worker + IndexedDB).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from './api.js';
import { openTour } from './api.js';
import { stopsOf, type LocalSheet, type ObserverBundle, type TourStop } from './bundle.js';
import { htmlLang, initialLang, rememberLang, TEXTS, type Lang, type Texts } from './i18n.js';
import { ScoreScreen } from './score.js';
import { fromServer, newSheetId, nextQueuedAt, ratingOf, type Draft } from './sheet.js';
import { StopList, type OfflineState, type SyncView } from './stops.js';
import { askToPersist, keepBundle, keepDraft, keptBundle, putSheets, sheetsOf, storageWorks } from './store.js';
import { syncQueue, type SyncResult } from './sync.js';

type Phase =
  | { page: 'loading' }
  | { page: 'tour' }
  | { page: 'no-link' }
  | { page: 'invalid' }
  | { page: 'first-online' }
  | { page: 'unusable'; error: ApiError };

/** A pending queue is tried again this often while the phone believes it is online (`online` events are unreliable). */
const RETRY_MS = 30_000;

function linkFromPath(): string | null {
  const m = /^\/o\/([A-Za-z0-9_.:-]{3,200})\/?$/.exec(location.pathname);
  return m ? m[1]! : null;
}

const stopFromHash = (): string | null => {
  const m = /^#stop\/(.+)$/.exec(location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
};

export function App() {
  const link = linkFromPath();
  const [lang, setLang] = useState<Lang>(initialLang);
  const t = TEXTS[lang];
  const [phase, setPhase] = useState<Phase>(link ? { page: 'loading' } : { page: 'no-link' });
  const [bundle, setBundle] = useState<ObserverBundle | null>(null);
  const [sheets, setSheets] = useState<LocalSheet[]>([]);
  const [reachable, setReachable] = useState<boolean | null>(null);
  const [browserOnline, setBrowserOnline] = useState(navigator.onLine);
  const [linkBroken, setLinkBroken] = useState(false);
  const [storageOk, setStorageOk] = useState(true);
  const [kept, setKept] = useState(false);
  const [worker, setWorker] = useState<OfflineState>('preparing');
  const [sync, setSync] = useState<SyncView>({ running: false });
  const [stopId, setStopId] = useState<string | null>(stopFromHash);
  const [flash, setFlash] = useState<string | null>(null);
  const bundleRef = useRef<ObserverBundle | null>(null);
  const pushed = useRef(false);

  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
  }, [lang]);
  const switchLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    rememberLang(next);
    setLang(next);
  };

  /** Shows a bundle with the phone's sheets; with `fresh`, the server's sheets are folded in first. */
  const show = async (next: ObserverBundle, fresh: boolean): Promise<void> => {
    let local = await sheetsOf(next.observer.id);
    if (fresh) {
      const changed = fromServer(next, local);
      if (changed.length > 0) {
        await putSheets(changed);
        local = await sheetsOf(next.observer.id);
      }
    }
    bundleRef.current = next;
    setBundle(next);
    setSheets(local);
    setPhase({ page: 'tour' });
  };

  const runSync = async (): Promise<SyncResult | null> => {
    const current = bundleRef.current;
    if (!current || !link) return null;
    setSync((s) => ({ ...s, running: true }));
    const result = await syncQueue(link, current.observer.id, (sheet) => setSheets((list) => list.map((s) => (s.id === sheet.id ? sheet : s))));
    setSync({ running: false, last: { ...result, at: new Date().toISOString() } });
    if (result.end === 'link') setLinkBroken(true);
    setReachable(result.end !== 'network');
    return result;
  };

  /**
   * On opening, on the `online` event and by the button: the queue goes first (what matters most on a weak signal),
   * then the tour is asked for again — the itinerary may have changed, the tour may have closed, another phone of the
   * observer's may have scored.
   */
  const refresh = async (): Promise<void> => {
    if (!link) return;
    if (bundleRef.current) {
      const sent = await runSync();
      if (sent && sent.end !== 'done') return;
    }
    setSync((s) => ({ ...s, running: true }));
    const res = await openTour(link);
    setSync((s) => ({ ...s, running: false }));
    if (res.kind === 'network') {
      setReachable(false);
      if (!bundleRef.current) setPhase({ page: 'first-online' });
      return;
    }
    setReachable(true);
    if (res.kind === 'refused') {
      if (res.error.code === 'tour_link_invalid') {
        if (bundleRef.current) setLinkBroken(true);
        else setPhase({ page: 'invalid' });
      } else if (!bundleRef.current) setPhase({ page: 'unusable', error: res.error });
      return;
    }
    setLinkBroken(false);
    await keepBundle(link, res.body);
    setKept(true);
    await show(res.body, true);
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per page: the link is the page's address and does not change while it is open
  useEffect(() => {
    if (!link) return;
    void (async () => {
      setStorageOk(await storageWorks());
      askToPersist();
      const known = await keptBundle(link).catch(() => null);
      if (known) {
        setKept(true);
        await show(known, false);
      }
      await refresh();
    })();
  }, []);

  // The service worker makes the page itself available offline; the tour and the sheets are in IndexedDB.
  useEffect(() => {
    if (!link) return;
    if (!('serviceWorker' in navigator)) return setWorker('unavailable');
    navigator.serviceWorker
      .register('/o/sw.js', { scope: '/o/' })
      .then(() => navigator.serviceWorker.ready)
      .then(() => setWorker('ready'))
      .catch(() => setWorker('unavailable'));
  }, [link]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: listeners for the page's life; they read the latest state through bundleRef
  useEffect(() => {
    const online = () => {
      setBrowserOnline(true);
      void refresh();
    };
    const offline = () => setBrowserOnline(false);
    const hash = () => setStopId(stopFromHash());
    addEventListener('online', online);
    addEventListener('offline', offline);
    addEventListener('hashchange', hash);
    return () => {
      removeEventListener('online', online);
      removeEventListener('offline', offline);
      removeEventListener('hashchange', hash);
    };
  }, []);

  const pending = sheets.filter((s) => s.state === 'pending').length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the timer only needs to exist while something waits; it reads the latest state when it fires
  useEffect(() => {
    if (pending === 0) return;
    const timer = setInterval(() => {
      if (navigator.onLine && document.visibilityState === 'visible') void runSync();
    }, RETRY_MS);
    return () => clearInterval(timer);
  }, [pending > 0]);

  const openStop = (stop: TourStop) => {
    setFlash(null);
    pushed.current = true;
    location.hash = `stop/${encodeURIComponent(stop.id)}`;
  };
  const leaveStop = () => {
    if (pushed.current) {
      pushed.current = false;
      history.back();
    } else {
      history.replaceState(null, '', location.pathname);
      setStopId(null);
    }
  };

  /** The sheet is on the phone (committed to IndexedDB) before the screen says so; then it goes out if it can. */
  const save = async (stop: TourStop, draft: Draft): Promise<void> => {
    const current = bundleRef.current;
    if (!current) return;
    const sheet: LocalSheet = {
      id: newSheetId(),
      observerId: current.observer.id,
      tourId: current.tour.id,
      stopId: stop.id,
      rating: ratingOf(current.instrument, stop, draft),
      scoredAt: new Date().toISOString(),
      queuedAt: nextQueuedAt(sheets),
      state: 'pending',
    };
    await putSheets([sheet]);
    keepDraft(current.observer.id, stop.id, null);
    setSheets((list) => [...list, sheet]);
    setFlash(t.saved);
    leaveStop();
    if (navigator.onLine) void runSync();
  };

  const offline: OfflineState = worker !== 'ready' ? worker : !storageOk ? 'unavailable' : kept ? 'ready' : 'preparing';
  const stop = bundle && stopId ? stopsOf(bundle).find((s) => s.id === stopId) : undefined;

  return (
    <div class="page">
      <header class="top">
        <div class="brand">
          <strong>{bundle?.tour.name ?? t.appName}</strong>
          {bundle && <span data-testid="observer">{t.observer(bundle.observer.name, bundle.observer.roleName)}</span>}
        </div>
        <button type="button" class="lang" onClick={switchLang}>{t.switchTo}</button>
      </header>
      <Body
        t={t}
        lang={lang}
        phase={phase}
        onRetry={() => {
          setPhase({ page: 'loading' });
          void refresh();
        }}
      >
        {bundle &&
          (stop ? (
            <ScoreScreen
              key={stop.id}
              t={t}
              lang={lang}
              bundle={bundle}
              stop={stop}
              sheets={sheets.filter((s) => s.stopId === stop.id)}
              onSave={(draft) => save(stop, draft)}
              onBack={leaveStop}
            />
          ) : (
            <StopList
              t={t}
              lang={lang}
              bundle={bundle}
              sheets={sheets}
              online={browserOnline && reachable !== false}
              offline={offline}
              storageOk={storageOk}
              linkBroken={linkBroken}
              sync={sync}
              flash={flash}
              onSync={() => void refresh()}
              onStop={openStop}
            />
          ))}
      </Body>
    </div>
  );
}

function Body(p: { t: Texts; lang: Lang; phase: Phase; onRetry: () => void; children: preact.ComponentChildren }) {
  const { t, phase } = p;
  switch (phase.page) {
    case 'loading':
      return <p class="muted center">{t.loading}</p>;
    case 'tour':
      return <>{p.children}</>;
    case 'no-link':
      return <Notice title={t.noLink.title} body={t.noLink.body} />;
    case 'invalid':
      return <Notice title={t.linkInvalid.title} body={t.linkInvalid.body} />;
    case 'first-online':
      return (
        <Notice title={t.firstOnline.title} body={t.firstOnline.body}>
          <button type="button" class="primary" onClick={p.onRetry}>{t.retry}</button>
        </Notice>
      );
    case 'unusable':
      return (
        <Notice title={t.appName} body={p.lang === 'zh' ? phase.error.message.zh : phase.error.message.en}>
          <button type="button" class="primary" onClick={p.onRetry}>{t.retry}</button>
        </Notice>
      );
  }
}

function Notice(p: { title: string; body: string; children?: preact.ComponentChildren }) {
  return (
    <section class="notice" data-testid="notice">
      <h1>{p.title}</h1>
      <p>{p.body}</p>
      {p.children}
    </section>
  );
}
