/** The 测评会 page's API calls: sessions and their counts, the room's settings, slips and screen links. */
import { api } from '../../api/client.js';
import { postForText } from '../../api/text.js';
import type { PaperIssuedInput, PublicAddress, ScreenKey, SessionRequest, SessionView, TallyReport } from '../../api/types.js';

const enc = encodeURIComponent;
const s = (id: string) => `/api/sessions/${enc(id)}`;

export const sessionApi = {
  create: (campaignId: string, input: SessionRequest) => api.post<SessionView>(`/api/campaigns/${enc(campaignId)}/sessions`, input),
  open: (sessionId: string) => api.post<SessionView>(`${s(sessionId)}/open`),
  close: (sessionId: string) => api.post<SessionView>(`${s(sessionId)}/close`),
  present: (sessionId: string, present: number | null) => api.put<SessionView>(`${s(sessionId)}/present`, { present }),
  paperIssued: (sessionId: string, input: PaperIssuedInput) => api.put<SessionView>(`${s(sessionId)}/paper-issued`, input),
  screenKey: (sessionId: string) => api.post<ScreenKey>(`${s(sessionId)}/screen-keys`),
  tallyReport: (sessionId: string, signal?: AbortSignal) => api.get<TallyReport>(`${s(sessionId)}/tally-report`, { signal }),
  /** Issues tokens and answers the printable sheet of slips (HTML); the codes exist only in it. */
  tokenSheet: (sessionId: string, body: { raterGroupId: string; count: number; raterNames?: string[] }, csrf: string | null | undefined) =>
    postForText(`${s(sessionId)}/token-sheets`, body, csrf),
  tallyHtml: (sessionId: string) => `${s(sessionId)}/tally-report.html`,
  tallyXlsx: (sessionId: string) => `${s(sessionId)}/tally-report.xlsx`,
};

export const addressApi = {
  get: (signal?: AbortSignal) => api.get<PublicAddress>('/api/settings/public-address', { signal }),
  set: (url: string | null) => api.put<PublicAddress>('/api/settings/public-address', { url }),
};
