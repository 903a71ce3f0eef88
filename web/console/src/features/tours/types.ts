/**
 * 观摩 shapes as the shared design (issue #15) fixes the HTTP API. Temporary: replaced by type-only imports from
 * src/contracts/tours.ts once the server's contract lands, so that no type is written twice.
 */
export type Bilingual = { zh: string; en: string };
export type SessionStatus = 'draft' | 'open' | 'closed';

export interface TourSummary {
  id: string;
  name: string;
  sessionId: string;
  sessionName: string;
  status: SessionStatus;
  days: number;
  stops: number;
  observers: number;
  sheets: number;
}

export interface TourStop {
  id: string;
  subjectId: string;
  siteName: string;
  unitId: string;
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

export interface TourObserver {
  id: string;
  name: string;
  roleName: string;
  lastSeenAt: string | null;
  lastSyncedAt: string | null;
}

export interface TourSite {
  subjectId: string;
  siteName: string;
  unitId: string;
  unitName: string;
}

export interface ItineraryProblem {
  code: 'site_missing' | 'county_uncovered' | 'day_empty' | 'times_out_of_order' | 'day_dates_out_of_order';
  subjectId?: string;
  unitId?: string;
  dayId?: string;
  message: Bilingual;
}

export interface TourView {
  id: string;
  campaignId: string;
  name: string;
  session: { id: string; name: string; status: SessionStatus };
  instrument: { id: string; name: string };
  raterGroup: { id: string; name: string };
  reviewGroup: { id: string; name: string; counts: boolean } | null;
  days: TourDay[];
  observers: TourObserver[];
  sites: TourSite[];
  check: ItineraryProblem[];
  sheets: number;
}

export interface TourCreate {
  name: string;
  sessionId: string;
  instrumentId?: string;
  raterGroupId?: string;
  reviewGroupId?: string;
}

export interface ItineraryInput {
  days: { id?: string; date: string; label?: string; stops: { id?: string; subjectId: string; theme: string; address: string; plannedTime?: string | null }[] }[];
}

export interface ObserverCreated {
  observer: TourObserver;
  link: string;
}

export interface SheetLatest {
  id: string;
  receivedAt: string;
  scoredAt: string;
  score: string | null;
  /** The sheet carries 加分/减分. */
  adjusted: boolean;
}

export interface TourProgress {
  session: { status: SessionStatus };
  stops: { stopId: string; subjectId: string; siteName: string; unitName: string; dayId: string; visited: boolean; received: number; expected: number }[];
  observers: (TourObserver & { viaBallot: boolean; sheets: { stopId: string; revisions: number; latest: SheetLatest | null }[] })[];
  missing: { observerId: string; stopId: string }[];
  counties: { unitId: string; unitName: string; stops: number; sitesScored: number; reviewHeld: boolean }[];
}

export interface SheetRevision {
  id: string;
  observerId: string;
  observerName: string;
  stopId: string;
  subjectId: string;
  siteName: string;
  revision: number;
  counts: boolean;
  /** The rating exactly as the phone sent it. */
  rating: { subjectId: string; [k: string]: unknown };
  scoredAt: string;
  receivedAt: string;
}

export interface TourReview {
  unitId: string;
  unitName: string;
  held: boolean;
  heldOn: string | null;
  place: string;
  attendees: string[];
  siteComments: { subjectId: string; siteName: string; comment: string }[];
  remarks: string;
  score: string | null;
  counts: boolean;
  updatedAt: string | null;
}

export interface TourReviewInput {
  heldOn: string;
  place: string;
  attendees: string[];
  siteComments: { subjectId: string; comment: string }[];
  remarks: string;
  score: string | null;
}
