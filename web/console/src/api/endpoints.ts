/** Typed calls, one per API route the console uses. Other features add theirs here or beside their pages. */
import { api } from './client.js';
import type {
  CampaignSummary,
  CampaignWithDefinition,
  Me,
  PresentedExplanation,
  PresentedTally,
  RankingBoardView,
  RankingListView,
  SessionOverview,
  StabilityResult,
  UnitCardView,
  WhatIfResult,
} from './types.js';

const c = (id: string) => `/api/campaigns/${encodeURIComponent(id)}`;

export const endpoints = {
  login: (username: string, password: string) => api.post<Me>('/api/auth/login', { username, password }),
  logout: () => api.post<void>('/api/auth/logout'),
  me: () => api.get<Me>('/api/auth/me'),
  campaigns: () => api.get<CampaignSummary[]>('/api/campaigns'),
  campaign: (id: string) => api.get<CampaignWithDefinition>(c(id)),
  results: (id: string, signal?: AbortSignal) => api.get<PresentedTally>(`${c(id)}/results`, { signal }),
  rankings: (id: string) => api.get<RankingListView>(`${c(id)}/rankings`),
  rankingBoard: (id: string, rankingId: string) => api.get<RankingBoardView>(`${c(id)}/rankings/${encodeURIComponent(rankingId)}`),
  unitCard: (id: string, rankingId: string, unitId: string) =>
    api.get<UnitCardView>(`${c(id)}/rankings/${encodeURIComponent(rankingId)}/units/${encodeURIComponent(unitId)}`),
  explanation: (id: string, rankingId: string, unitId: string) =>
    api.get<PresentedExplanation>(`${c(id)}/results/${encodeURIComponent(rankingId)}/units/${encodeURIComponent(unitId)}/explanation`),
  sessions: (id: string) => api.get<SessionOverview[]>(`${c(id)}/sessions`),
  whatIf: (id: string, body: { rankingId: string; weights?: { instrumentId: string; weight: string }[]; aggregation?: Record<string, { method: 'mean' | 'median' } | { method: 'trimmed'; k: number }> }) =>
    api.post<WhatIfResult>(`${c(id)}/what-if`, body),
  stability: (id: string, rankingId: string) => api.get<StabilityResult>(`${c(id)}/rankings/${encodeURIComponent(rankingId)}/stability`),
};
