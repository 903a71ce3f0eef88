/** 观摩's API calls (the shared design of issue #15): tours, the itinerary, the team, progress and review meetings. */
import { api, request } from '../../api/client.js';
import type {
  ItineraryRequest,
  ObserverCreated,
  ObserverPatchRequest,
  ObserverRequest,
  ReviewRequest,
  SheetRevision,
  TourObserver,
  TourPatchRequest,
  TourProgress,
  TourRequest,
  TourReview,
  TourSummary,
  TourView,
} from '../../api/types.js';

const enc = encodeURIComponent;
const t = (tourId: string) => `/api/tours/${enc(tourId)}`;
const o = (tourId: string, observerId: string) => `${t(tourId)}/observers/${enc(observerId)}`;

export const tourApi = {
  list: (campaignId: string, signal?: AbortSignal) => api.get<{ tours: TourSummary[] }>(`/api/campaigns/${enc(campaignId)}/tours`, { signal }),
  create: (campaignId: string, input: TourRequest) => api.post<TourView>(`/api/campaigns/${enc(campaignId)}/tours`, input),
  get: (tourId: string, signal?: AbortSignal) => api.get<TourView>(t(tourId), { signal }),
  patch: (tourId: string, patch: TourPatchRequest) => request<TourView>('PATCH', t(tourId), patch),
  remove: (tourId: string) => api.del<void>(t(tourId)),
  /** The whole plan at once: reordering and moving a stop to another day are the same request. */
  saveItinerary: (tourId: string, plan: ItineraryRequest) => api.put<TourView>(`${t(tourId)}/itinerary`, plan),
  addObserver: (tourId: string, input: ObserverRequest) => api.post<ObserverCreated>(`${t(tourId)}/observers`, input),
  patchObserver: (tourId: string, observerId: string, patch: ObserverPatchRequest) =>
    request<TourObserver>('PATCH', o(tourId, observerId), patch),
  /** A new secret: the old link stops working. */
  renewLink: (tourId: string, observerId: string) => api.post<{ link: string }>(`${o(tourId, observerId)}/link`),
  removeObserver: (tourId: string, observerId: string) => api.del<void>(o(tourId, observerId)),
  progress: (tourId: string, signal?: AbortSignal) => api.get<TourProgress>(`${t(tourId)}/progress`, { signal }),
  /** Every revision of one observer's sheet for one stop, oldest first. */
  sheets: (tourId: string, observerId: string, stopId: string, signal?: AbortSignal) =>
    api.get<{ sheets: SheetRevision[] }>(`${t(tourId)}/sheets?observerId=${enc(observerId)}&stopId=${enc(stopId)}`, { signal }),
  reviews: (tourId: string, signal?: AbortSignal) => api.get<{ reviews: TourReview[] }>(`${t(tourId)}/reviews`, { signal }),
  saveReview: (tourId: string, unitId: string, input: ReviewRequest) => api.put<TourReview>(`${t(tourId)}/reviews/${enc(unitId)}`, input),
  itineraryPdfUrl: (tourId: string) => `${t(tourId)}/itinerary.pdf`,
  itineraryXlsxUrl: (tourId: string) => `${t(tourId)}/itinerary.xlsx`,
  reviewPdfUrl: (tourId: string, unitId: string) => `${t(tourId)}/reviews/${enc(unitId)}.pdf`,
};
