/**
 * What the observer's phone is given when it opens its link (POST /api/tour-phone/open, the ObserverBundle of the
 * tour design) and what it keeps of each sheet it scores. The phone works from these alone once it has them.
 */
import type { Rating } from '../../../src/domain/types.js';
import type { AdjustmentConfig } from '../../shared/adjustments.js';

export type { Rating };

export interface TourStop {
  id: string;
  subjectId: string;
  siteName: string;
  unitName: string;
  theme: string;
  address: string;
  plannedTime: string | null;
}

export interface TourDay {
  id: string;
  date: string;
  label: string;
  stops: TourStop[];
}

export interface TourInstrument {
  id: string;
  name: string;
  min: string;
  max: string;
  step: string;
  criteria: { id: string; label: string; maxPoints: string }[] | null;
  opinion: 'none' | 'optional' | 'required';
  adjustments: AdjustmentConfig | null;
}

/** A sheet the server has, as it sends it back: every revision of this observer's. */
export interface ServerSheet {
  id: string;
  stopId: string;
  rating: Rating;
  scoredAt: string;
  receivedAt: string;
  revision: number;
}

export interface ObserverBundle {
  tour: { id: string; name: string; open: boolean; closesNote: Message };
  observer: { id: string; name: string; roleName: string };
  instrument: TourInstrument;
  days: TourDay[];
  sheets: ServerSheet[];
  serverTime: string;
}

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
