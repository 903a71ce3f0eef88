/** 观摩 (migration 0017, issue #15). Times are ISO-8601 UTC text; dates are YYYY-MM-DD. */
import type { Generated } from 'kysely';

/** A tour scores the sites of one score instrument in one session; it takes sheets exactly while that session is open. */
export interface ToursTable {
  id: string;
  campaign_id: string;
  name: string;
  session_id: string;
  /** A score instrument of the session whose subjects are sites. */
  instrument_id: string;
  /** The instrument's named rater group the observers sign in. */
  rater_group_id: string;
  /** A rater group of the instrument whose declared weight makes the review meetings' scores count; null: recorded only. */
  review_group_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface TourDaysTable {
  id: string;
  tour_id: string;
  campaign_id: string;
  date: string;
  label: string;
  position: number;
}

/** 观摩点: one site of the instrument, visited once per tour. */
export interface TourStopsTable {
  id: string;
  tour_id: string;
  campaign_id: string;
  day_id: string;
  /** Order within the day, from 1. */
  position: number;
  subject_id: string;
  theme: string;
  address: string;
  /** 'HH:MM' (Beijing time) or null. */
  planned_time: string | null;
}

/** 观摩团成员: signs with `name` (a seat, 观摩团成员01); the personal link's secret is stored only as its sha-256. */
export interface TourObserversTable {
  id: string;
  tour_id: string;
  campaign_id: string;
  name: string;
  role_name: string;
  key_hash: string;
  last_seen_at: string | null;
  last_synced_at: string | null;
  position: number;
}

/** One observer's rating of one stop, as the phone sent it. Append-only: a later sheet for the stop is a revision. */
export interface TourSheetsTable {
  /** Server order: the latest revision is the greatest (a bigint, read as text, on PostgreSQL). */
  seq: Generated<number | string>;
  /** Made on the phone (UUID v4): a doubled sync meets it and stores nothing. */
  id: string;
  campaign_id: string;
  tour_id: string;
  observer_id: string;
  stop_id: string;
  subject_id: string;
  /** JSON text: the Rating as received. */
  rating: string;
  /** sha-256 of the canonical { stopId, rating }: decides duplicate vs conflict on a re-send. */
  content_hash: string;
  /** When the observer scored, by the phone's clock (ISO). */
  scored_at: string;
  received_at: string;
}

/** 调度点评会: one per county of the tour. */
export interface TourReviewsTable {
  tour_id: string;
  unit_id: string;
  campaign_id: string;
  held_on: string;
  place: string;
  /** JSON text: string[]. */
  attendees: string;
  /** JSON text: { [subjectId]: comment }. */
  site_comments: string;
  remarks: string;
  /** Decimal text on the instrument's scale, or null. */
  score: string | null;
  updated_at: string;
}
