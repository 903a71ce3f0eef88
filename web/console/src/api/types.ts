/**
 * Response types, taken from the server's own presenters (type-only imports, erased at build) so they are never
 * written twice.
 */
export type { PresentedTally, PresentedExplanation, PresentedNumber, PresentedSubject, PresentedGroup } from '../../../../src/domain/present.js';
export type { WhatIfResult, StabilityResult } from '../../../../src/app/results/what-if-ranking.js';
export type { RankingBoardView, RankingListView, UnitCardView, BoardRow } from '../../../../src/app/results/ranking-views.js';
import type { PresentedTally } from '../../../../src/domain/present.js';

export type Ranking = PresentedTally['rankings'][number];
export type RankingRow = Ranking['rows'][number];
export type InstrumentResult = PresentedTally['instruments'][number];
export type SessionResult = PresentedTally['sessions'][number];
export type InvalidBallot = PresentedTally['invalidBallots'][number];

export type Role = 'admin' | 'organiser' | 'clerk' | 'viewer';

export interface Me {
  user: { id: string; username: string | null; displayName: string };
  role: Role;
  unitId: string | null;
  csrfToken: string | null;
  authenticatedBy: 'session' | 'token';
}

export interface CampaignSummary {
  id: string;
  name: string;
  rootUnitId: string;
  precision: number;
  status: 'draft' | 'active' | 'published';
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionOverview {
  id: string;
  campaignId: string;
  name: string;
  status: 'draft' | 'open' | 'closed';
  instrumentIds: string[];
  expected: Record<string, number>;
  present: number | null;
  counts: SessionResult | null;
  verdict: { status: string; explanation: { zh: string; en: string } } | null;
  /** Per rater group: expected raters, sheets issued and sheets returned. */
  groups: { groupId: string; name: string; expected: number; issued: number; returned: number }[];
}
