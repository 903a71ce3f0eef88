/**
 * Where each console page lives, as links for the pages to build. Kept apart from routes.tsx (which loads the pages)
 * so that a page linking to another never imports the route table that imports it.
 */
export const paths = {
  campaigns: () => '/console/campaigns',
  newCampaign: () => '/console/campaigns/new',
  sessions: (campaignId: string) => `/console/campaigns/${encodeURIComponent(campaignId)}/sessions`,
  /** A clerk's paper entry for one session. */
  results: (campaignId: string, rankingId?: string) =>
    `/console/campaigns/${encodeURIComponent(campaignId)}/results${rankingId ? `?ranking=${encodeURIComponent(rankingId)}` : ''}`,
  unit: (campaignId: string, rankingId: string, unitId: string) =>
    `/console/campaigns/${encodeURIComponent(campaignId)}/results/${encodeURIComponent(rankingId)}/units/${encodeURIComponent(unitId)}`,
  distributions: (campaignId: string) => `/console/campaigns/${encodeURIComponent(campaignId)}/distributions`,
  whatIf: (campaignId: string) => `/console/campaigns/${encodeURIComponent(campaignId)}/what-if`,
  setup: (campaignId: string) => `/console/campaigns/${encodeURIComponent(campaignId)}/setup`,
  publish: (campaignId: string) => `/console/campaigns/${encodeURIComponent(campaignId)}/publish`,
  units: () => '/console/units',
  admin: () => '/console/admin',
  account: () => '/console/account',
  /** 纸质票录入: the sessions a clerk can enter paper sheets for, and one session's entry page. */
  paperSessions: () => '/console/paper',
  paperEntry: (sessionId: string) => `/console/sessions/${encodeURIComponent(sessionId)}/paper`,
  /** 培训班: the classes, and one class on one of its tabs (日程 by default). */
  /** 典型案例库, optionally searching for `q` (the 案例教学 lesson's materials link here). */
  cases: (q?: string) => (q ? `/console/cases?q=${encodeURIComponent(q)}` : '/console/cases'),
  /** One library case: its text and the 案例评 items it is. */
  caseDetail: (caseId: string) => `/console/cases/${encodeURIComponent(caseId)}`,
  /** 观摩: a campaign's observation tours, and one tour on one of its tabs (行程 by default). */
  tours: (campaignId: string) => `/console/campaigns/${encodeURIComponent(campaignId)}/tours`,
  tour: (campaignId: string, tourId: string, tab?: 'itinerary' | 'team' | 'progress' | 'reviews') =>
    `/console/campaigns/${encodeURIComponent(campaignId)}/tours/${encodeURIComponent(tourId)}${tab && tab !== 'itinerary' ? `/${tab}` : ''}`,
  training: () => '/console/training',
  trainingClass: (classId: string, tab?: 'agenda' | 'venues' | 'roster' | 'checkin' | 'attendance' | 'seminar' | 'groups' | 'reflections') =>
    `/console/training/${encodeURIComponent(classId)}${tab && tab !== 'agenda' ? `/${tab}` : ''}`,
};
