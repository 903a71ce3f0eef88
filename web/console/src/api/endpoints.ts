/** Typed calls, one per API route the console uses. Other features add theirs here or beside their pages. */
import { api, request } from './client.js';
import type {
  AttendancePage,
  CaseDetail,
  CaseItemInput,
  CaseLinkInput,
  CaseLinkList,
  CaseLinkView,
  CaseList,
  CaseRequest,
  CaseView,
  CampaignSummary,
  CampaignWithDefinition,
  CheckinRecord,
  ClassInput,
  ClassPatch,
  ClassSummary,
  LateEntryInput,
  LeaveInput,
  Lesson,
  LessonAttendance,
  LessonRequest,
  Me,
  Participant,
  ParticipantInput,
  ParticipantPatch,
  PresentedExplanation,
  PresentedTally,
  RankingBoardView,
  ReflectionPage,
  ReflectionState,
  ReflectionView,
  RankingListView,
  RosterPage,
  ScreenLink,
  SessionOverview,
  StabilityResult,
  TopicGroupList,
  TopicGroupView,
  TrainingClass,
  UnitCardView,
  Venue,
  VenueInput,
  VenueRoster,
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

const tc = (classId: string) => `/api/training/classes/${encodeURIComponent(classId)}`;
const tl = (classId: string, lessonId: string) => `${tc(classId)}/lessons/${encodeURIComponent(lessonId)}`;

/** `?a=1&b=x` from the set values only (empty strings and undefined left out). */
function query(params: Record<string, string | number | boolean | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface RosterFilter {
  q?: string;
  unitId?: string;
  page?: number;
  pageSize?: number;
}

/** 培训班 (docs/training.md § API). Files (import, PDF, xlsx, printable roster) go through features/training/files.ts. */
export const training = {
  classes: () => api.get<ClassSummary[]>('/api/training/classes'),
  create: (input: ClassInput) => api.post<TrainingClass>('/api/training/classes', input),
  get: (classId: string, signal?: AbortSignal) => api.get<TrainingClass>(tc(classId), { signal }),
  patch: (classId: string, patch: ClassPatch) => request<TrainingClass>('PATCH', tc(classId), patch),
  addVenue: (classId: string, input: VenueInput) => api.post<Venue>(`${tc(classId)}/venues`, input),
  putVenue: (classId: string, venueId: string, input: VenueInput) => api.put<Venue>(`${tc(classId)}/venues/${encodeURIComponent(venueId)}`, input),
  addLesson: (classId: string, input: LessonRequest) => api.post<Lesson>(`${tc(classId)}/lessons`, input),
  putLesson: (classId: string, lessonId: string, input: LessonRequest) => api.put<Lesson>(tl(classId, lessonId), input),
  deleteLesson: (classId: string, lessonId: string) => api.del<void>(tl(classId, lessonId)),
  participants: (classId: string, filter: RosterFilter, signal?: AbortSignal) => api.get<RosterPage>(`${tc(classId)}/participants${query({ ...filter })}`, { signal }),
  addParticipant: (classId: string, input: ParticipantInput) => api.post<Participant>(`${tc(classId)}/participants`, input),
  patchParticipant: (classId: string, participantId: string, patch: ParticipantPatch) =>
    request<Participant>('PATCH', `${tc(classId)}/participants/${encodeURIComponent(participantId)}`, patch),
  lessonAttendance: (classId: string, lessonId: string, signal?: AbortSignal) => api.get<LessonAttendance>(`${tl(classId, lessonId)}/attendance`, { signal }),
  /** The server-sent events of a lesson's counts (`event: attendance`). */
  lessonAttendanceEvents: (classId: string, lessonId: string) => `${tl(classId, lessonId)}/attendance/events`,
  venueRoster: (classId: string, lessonId: string, venueId: string, signal?: AbortSignal) =>
    api.get<VenueRoster>(`${tl(classId, lessonId)}/venues/${encodeURIComponent(venueId)}/roster`, { signal }),
  leave: (classId: string, lessonId: string, input: LeaveInput) => api.post<CheckinRecord>(`${tl(classId, lessonId)}/leave`, input),
  lateEntry: (classId: string, lessonId: string, input: LateEntryInput) => api.post<CheckinRecord>(`${tl(classId, lessonId)}/late-entries`, input),
  screenLink: (classId: string, lessonId: string, venueId: string) => api.get<ScreenLink>(`${tl(classId, lessonId)}/venues/${encodeURIComponent(venueId)}/screen-link`),
  attendance: (classId: string, filter: RosterFilter & { absentOnly?: boolean }, signal?: AbortSignal) =>
    api.get<AttendancePage>(`${tc(classId)}/attendance${query({ ...filter, absentOnly: filter.absentOnly || undefined })}`, { signal }),
  importUrl: (classId: string, filename: string, dryRun: boolean) => `${tc(classId)}/participants/import${query({ filename, dryRun })}`,
  agendaPdfUrl: (classId: string) => `${tc(classId)}/agenda.pdf`,
  attendanceXlsxUrl: (classId: string) => `${tc(classId)}/attendance.xlsx`,
  rosterHtmlUrl: (classId: string, unitId?: string) => `${tc(classId)}/roster.html${query({ unitId })}`,
};

/** 典型案例库: search (every role; drafts for the office only), add and change (the office). */
export const cases = {
  search: (filter: { q?: string; page?: number; pageSize?: number }, signal?: AbortSignal) => api.get<CaseList>(`/api/cases${query({ ...filter })}`, { signal }),
  get: (caseId: string) => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(caseId)}`),
  create: (input: CaseRequest) => api.post<CaseView>('/api/cases', input),
  update: (caseId: string, input: CaseRequest) => api.put<CaseView>(`/api/cases/${encodeURIComponent(caseId)}`, input),
  /** 案例 ↔ 案例评: a campaign's 案例评 items that are library cases; link, unlink, or a new item from a case (draft set-up). */
  links: (campaignId: string) => api.get<CaseLinkList>(`/api/campaigns/${encodeURIComponent(campaignId)}/case-links`),
  link: (campaignId: string, input: CaseLinkInput) => api.post<CaseLinkView>(`/api/campaigns/${encodeURIComponent(campaignId)}/case-links`, input),
  unlink: (campaignId: string, itemId: string) => api.del<void>(`/api/campaigns/${encodeURIComponent(campaignId)}/case-links/${encodeURIComponent(itemId)}`),
  addItem: (campaignId: string, input: CaseItemInput) => api.post<CaseLinkView>(`/api/campaigns/${encodeURIComponent(campaignId)}/case-items`, input),
};

/** 命题式研讨 (docs/training.md § 研讨组): the office edits; every role reads. The group list's import goes through features/training/files.ts. */
export const topicGroups = {
  list: (classId: string, signal?: AbortSignal) => api.get<TopicGroupList>(`${tc(classId)}/groups`, { signal }),
  add: (classId: string, input: { topic: string; position?: number }) => api.post<TopicGroupView>(`${tc(classId)}/groups`, input),
  patch: (classId: string, groupId: string, patch: { topic?: string; position?: number; output?: string; best?: boolean; reporterId?: string | null }) =>
    request<TopicGroupView>('PATCH', `${tc(classId)}/groups/${encodeURIComponent(groupId)}`, patch),
  remove: (classId: string, groupId: string) => api.del<void>(`${tc(classId)}/groups/${encodeURIComponent(groupId)}`),
  setMembers: (classId: string, groupId: string, participantIds: string[], move: boolean) =>
    api.put<TopicGroupView>(`${tc(classId)}/groups/${encodeURIComponent(groupId)}/members`, { participantIds, move }),
  importUrl: (classId: string, filename: string, dryRun: boolean, move: boolean) => `${tc(classId)}/groups/import${query({ filename, dryRun, move })}`,
};

export interface ReflectionFilter {
  unitId?: string;
  lessonId?: string;
  q?: string;
  featured?: boolean;
}

/** 讲收获: browse, feature, close or reopen, export (files through features/training/files.ts). */
export const reflections = {
  list: (classId: string, filter: ReflectionFilter & { page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<ReflectionPage>(`${tc(classId)}/reflections${query({ ...filter })}`, { signal }),
  feature: (classId: string, reflectionId: string, featured: boolean) =>
    request<ReflectionView>('PATCH', `${tc(classId)}/reflections/${encodeURIComponent(reflectionId)}`, { featured }),
  close: (classId: string) => api.post<ReflectionState>(`${tc(classId)}/reflections/close`),
  reopen: (classId: string) => api.post<ReflectionState>(`${tc(classId)}/reflections/reopen`),
  xlsxUrl: (classId: string, filter: ReflectionFilter) => `${tc(classId)}/reflections.xlsx${query({ ...filter })}`,
  pdfUrl: (classId: string, filter: ReflectionFilter) => `${tc(classId)}/reflections.pdf${query({ ...filter })}`,
};
