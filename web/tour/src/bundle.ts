/**
 * What the observer's phone is given when it opens its link (POST /api/tour-phone/open: the ObserverBundle of
 * src/contracts/tours.ts) and what it keeps of each sheet it scores. The phone works from these alone once it has them.
 */
import type { ObserverBundle } from '../../../src/contracts/tours.js';
import type { Rating } from '../../../src/domain/types.js';

export type { ObserverBundle, Rating };
export type TourDay = ObserverBundle['days'][number];
export type TourStop = TourDay['stops'][number];
export type TourInstrument = ObserverBundle['instrument'];
/** A sheet the server has, as it sends it back: every revision of this observer's. */
export type ServerSheet = ObserverBundle['sheets'][number];

export interface Message {
  zh: string;
  en: string;
}

/**
 * A sheet on the phone. pending: not yet confirmed by the server (sent again, unchanged, until it is); synced: stored
 * (or found stored) by the server; refused: the server answered no (a 4xx) — kept with its reason, never dropped.
 */
export interface LocalSheet {
  id: string;
  observerId: string;
  tourId: string;
  stopId: string;
  rating: Rating;
  scoredAt: string;
  /** The phone's order of scoring (ms since 1970, made unique): the queue is sent oldest first. */
  queuedAt: number;
  state: 'pending' | 'synced' | 'refused';
  receivedAt?: string;
  revision?: number;
  reason?: Message;
  /** The refusal's details (the rules the rating broke), when it has any. */
  details?: Message[];
}

/** Every stop of the tour, in the itinerary's order. */
export const stopsOf = (bundle: ObserverBundle): TourStop[] => bundle.days.flatMap((d) => d.stops);
