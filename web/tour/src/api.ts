/** The two calls the observer's phone makes. No answer is its own outcome, never mistaken for a refusal. */
import { interpret, postJson, type Outcome, type Raw } from '../../shared/phone-api.js';
import type { LocalSheet, ObserverBundle } from './bundle.js';

export type { ApiError, Outcome } from '../../shared/phone-api.js';

declare global {
  interface Window {
    /** The open request index.html starts before this script arrives. */
    __leitaiTour?: Promise<Raw>;
  }
}

/** A stored sheet's receipt; `duplicate`: the server had it already (the first receipt is answered again). */
export interface SheetAnswer {
  id: string;
  status: 'stored' | 'duplicate';
  receivedAt: string;
  revision: number;
}

export async function openTour(link: string): Promise<Outcome<ObserverBundle>> {
  const early = window.__leitaiTour;
  window.__leitaiTour = undefined;
  if (early) return interpret<ObserverBundle>(await early);
  return interpret<ObserverBundle>(await postJson('/api/tour-phone/open', JSON.stringify({ link })));
}

/** One sheet per request, always the same content for the same id: a re-send after a lost answer stores nothing new. */
export async function sendSheet(link: string, sheet: LocalSheet): Promise<Outcome<SheetAnswer>> {
  const body = { link, sheet: { id: sheet.id, stopId: sheet.stopId, scoredAt: sheet.scoredAt, rating: sheet.rating } };
  return interpret<SheetAnswer>(await postJson('/api/tour-phone/sheets', JSON.stringify(body)));
}
