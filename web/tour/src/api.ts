/** The two calls the observer's phone makes. No answer is its own outcome, never mistaken for a refusal. */
import { interpret, postJson, type Outcome, type Raw } from '../../shared/phone-api.js';
import type { SheetReceipt } from '../../../src/contracts/tours.js';
import type { LocalSheet, ObserverBundle } from './bundle.js';

export type { ApiError, Outcome } from '../../shared/phone-api.js';

declare global {
  interface Window {
    /** The open request index.html starts before this script arrives. */
    __leitaiTour?: Promise<Raw>;
  }
}


export async function openTour(link: string): Promise<Outcome<ObserverBundle>> {
  const early = window.__leitaiTour;
  window.__leitaiTour = undefined;
  if (early) return interpret<ObserverBundle>(await early);
  return interpret<ObserverBundle>(await postJson('/api/tour-phone/open', JSON.stringify({ link })));
}

/**
 * One sheet per request, always the same content for the same id: a re-send after a lost answer stores nothing new
 * (answered `duplicate` with the first receipt).
 */
export async function sendSheet(link: string, sheet: LocalSheet): Promise<Outcome<SheetReceipt>> {
  const body = { link, sheet: { id: sheet.id, stopId: sheet.stopId, scoredAt: sheet.scoredAt, rating: sheet.rating } };
  return interpret<SheetReceipt>(await postJson('/api/tour-phone/sheets', JSON.stringify(body)));
}
