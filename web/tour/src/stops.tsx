/**
 * The tour at a glance: whether the phone is online and ready to work offline, the queue and its sync button, then
 * the days and their stops, each with its state — 未评 / 待同步 / 已同步 14:05 / 未接收（reason）.
 */
import type { LocalSheet, ObserverBundle, TourStop } from './bundle.js';
import { dayDate, type Lang, type Texts } from './i18n.js';
import { clock, sheetsAt, stopState, type StopState } from './sheet.js';
import type { SyncResult } from './sync.js';

/** Whether the page can come back with no network: the service worker's state, and the tour kept on the phone. */
export type OfflineState = 'preparing' | 'ready' | 'unavailable';

export interface SyncView {
  running: boolean;
  last?: SyncResult & { at: string };
}

interface Props {
  t: Texts;
  lang: Lang;
  bundle: ObserverBundle;
  sheets: LocalSheet[];
  online: boolean;
  offline: OfflineState;
  storageOk: boolean;
  linkBroken: boolean;
  sync: SyncView;
  flash: string | null;
  onSync: () => void;
  onStop: (stop: TourStop) => void;
}

export function stateText(t: Texts, lang: Lang, state: StopState): string {
  switch (state.kind) {
    case 'unscored':
      return t.stateUnscored;
    case 'pending':
      return t.statePending;
    case 'synced':
      return t.stateSynced(clock(state.receivedAt));
    case 'refused':
      return t.stateRefused(state.reason ? state.reason[lang] : '');
  }
}

export function StopList(p: Props) {
  const { t, lang, bundle, sheets } = p;
  let n = 0;
  return (
    <main>
      <SyncBar {...p} />
      {!bundle.tour.open && <p class="banner warn" data-testid="closed">{t.closed}</p>}
      {bundle.tour.open && bundle.tour.closesNote[lang] && <p class="banner note">{bundle.tour.closesNote[lang]}</p>}
      {bundle.days.map((day) => (
        <section key={day.id} class="day" data-day={day.id}>
          <h2>
            {dayDate(day.date, lang)}
            {day.label && <small> · {day.label}</small>}
          </h2>
          <ol class="stops">
            {day.stops.map((stop) => {
              n++;
              const state = stopState(sheetsAt(sheets, stop.id));
              return (
                <li key={stop.id}>
                  <button type="button" class="stop" data-stop={stop.id} onClick={() => p.onStop(stop)}>
                    <span class="stop-head">
                      <span class="stop-no">{t.stopNo(n)}</span>
                      {stop.plannedTime && <span class="muted">{t.planned(stop.plannedTime)}</span>}
                    </span>
                    <span class="site">{stop.siteName}</span>
                    <span class="muted">
                      {stop.unitName}
                      {stop.theme && ` · ${stop.theme}`}
                    </span>
                    <span class={`state ${state.kind}`} data-testid="stop-state" data-state={state.kind}>
                      {stateText(t, lang, state)}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </main>
  );
}

function SyncBar(p: Props) {
  const { t, sheets, sync } = p;
  const stops = p.bundle.days.reduce((sum, d) => sum + d.stops.length, 0);
  const scored = new Set(sheets.filter((s) => s.state !== 'refused').map((s) => s.stopId)).size;
  const pending = sheets.filter((s) => s.state === 'pending').length;
  const refused = sheets.filter((s) => s.state === 'refused').length;
  const last = sync.last;
  let outcome: string | null = null;
  if (!sync.running && last) {
    if (last.end === 'network' && pending > 0) outcome = t.syncNetwork(pending);
    else if (last.end === 'done' && pending === 0 && refused === 0) outcome = t.syncDone(clock(last.at));
    else if (last.refused > 0) outcome = t.syncRefused(last.refused);
    else if (last.stored > 0) outcome = t.syncStored(last.stored);
  }
  return (
    <section class="syncbar" data-testid="syncbar">
      <p class="net">
        <span class={`pill ${p.online ? 'on' : 'off'}`} data-testid="net">{p.online ? t.online : t.offline}</span>
        <span class={`pill ${p.offline}`} data-testid="offline-ready" data-state={p.offline}>
          {p.offline === 'ready' ? `✓ ${t.offlineReady}` : p.offline === 'preparing' ? t.offlinePreparing : t.offlineUnavailable}
        </span>
      </p>
      {!p.storageOk && <p class="banner error">{t.noStorage}</p>}
      {p.linkBroken && <p class="banner error" data-testid="link-broken">{t.linkInvalidKept}</p>}
      {p.flash && <p class="banner ok" role="status">{p.flash}</p>}
      <p class="counts" data-testid="counts">
        <span>{t.counts(scored, stops)}</span>
        {pending > 0 && <span class="pending" data-testid="pending-count">{t.pendingCount(pending)}</span>}
        {refused > 0 && <span class="refused">{t.refusedCount(refused)}</span>}
      </p>
      {outcome && <p class="muted outcome" data-testid="sync-outcome" role="status">{outcome}</p>}
      <button type="button" class="secondary sync" data-testid="sync" disabled={sync.running || p.linkBroken} onClick={p.onSync}>
        {sync.running ? t.syncing : t.syncNow}
      </button>
    </section>
  );
}
