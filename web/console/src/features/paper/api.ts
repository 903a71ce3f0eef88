/** Paper entry's API calls: the form, this page's sheet number, entering and checking a sheet, counts and printing. */
import { api, ApiError } from '../../api/client.js';
import type { CampaignSummary, PaperEntryRequest, PaperForm, PaperReceipt, PaperVerification, SessionOverview, SheetNumber } from '../../api/types.js';
import { authHeaders, postForText } from '../../api/text.js';

const s = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}`;

export const paperApi = {
  form: (sessionId: string) => api.get<PaperForm>(`${s(sessionId)}/paper-form`),
  session: (sessionId: string) => api.get<SessionOverview>(s(sessionId)),
  sheetNumber: (sessionId: string, desk: string) => api.post<SheetNumber>(`${s(sessionId)}/paper-sheet-numbers`, { desk }),
  enter: (sessionId: string, sheet: PaperEntryRequest) => api.post<PaperReceipt>(`${s(sessionId)}/paper-ballots`, sheet),
  verify: (sessionId: string, sheet: PaperEntryRequest) => api.post<PaperVerification>(`${s(sessionId)}/paper-verifications`, sheet),
  campaigns: () => api.get<CampaignSummary[]>('/api/campaigns'),
  sessions: (campaignId: string) => api.get<SessionOverview[]>(`/api/campaigns/${encodeURIComponent(campaignId)}/sessions`),
  /**
   * Issues `count` tokens of a group and answers the printable page of slips (the secrets exist only in it); the slips
   * point at the public address set for the server, never at this browser's address.
   */
  tokenSheet: (sessionId: string, raterGroupId: string, count: number, csrf: string | null | undefined) =>
    postForText(`${s(sessionId)}/token-sheets`, { raterGroupId, count }, csrf),
  tallyReportHtml: async (sessionId: string) => (await getRaw(`${s(sessionId)}/tally-report.html`)).text(),
  tallyReportXlsx: async (sessionId: string) => (await getRaw(`${s(sessionId)}/tally-report.xlsx`)).blob(),
};

/** A GET whose answer is not JSON (a printable page, a workbook); refusals still come as the API's JSON error. */
async function getRaw(path: string): Promise<Response> {
  const res = await fetch(path, { headers: authHeaders(null), credentials: 'same-origin' });
  if (res.ok) return res;
  const body = (await res.json().catch(() => null)) as { error?: { code: string; message: { zh: string; en: string } } } | null;
  throw new ApiError(res.status, body?.error?.code ?? `http_${res.status}`, body?.error?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` });
}

const DESK_KEY = 'leitai.paper.desk';

/**
 * 录入页: this browser tab's id, so the sheet number the server gave it stays its own through a reload (sessionStorage
 * survives a reload, not a new tab: two tabs are two entry pages with two numbers).
 */
export function deskId(): string {
  let desk = sessionStorage.getItem(DESK_KEY);
  if (!desk) {
    // getRandomValues, not randomUUID: the office server is often reached over plain http on the room's network.
    desk = `desk-${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
    sessionStorage.setItem(DESK_KEY, desk);
  }
  return desk;
}
