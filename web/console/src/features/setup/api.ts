/** The set-up pages' API calls: templates, division data, units import, rule check and campaigns. */
import { api, ApiError } from '../../api/client.js';
import { authHeaders } from '../../api/text.js';

/** Kept here for the pages that already take it from the set-up's calls (the audit log's CSV download). */
export { authHeaders };
import type { CampaignSetup } from '../../../../../src/contracts/api.js';
import type { ErrorDetail } from '../../../../../src/contracts/errors.js';
import type { StoredDefinition } from '../../../../../src/contracts/stored-definition.js';
import type { Division, DivisionBrowse, DivisionImport, SetupCheck, Unit, UnitImport } from '../../api/types.js';

export type { CampaignSetup, Division, ErrorDetail, SetupCheck, Unit, UnitImport };
export type Instrument = CampaignSetup['instruments'][number];
export type GradeInstrument = Extract<Instrument, { kind: 'grade' }>;
export type QuotaRule = GradeInstrument['quotaRules'][number];
export type Subject = CampaignSetup['subjects'][number];
export type RankingSpec = CampaignSetup['rankings'][number];

/** A refused request's details; for an import, its rows (row 0 is a file-level problem, e.g. an existing unit). */
export function errorDetails(error: unknown): ErrorDetail[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details as ErrorDetail[];
}

const enc = encodeURIComponent;

export const setupApi = {
  template: (rootUnitId: string) => api.get<CampaignSetup>(`/api/templates/liangshaiping?rootUnitId=${enc(rootUnitId)}`),
  divisions: (code?: string) => api.get<DivisionBrowse>(`/api/divisions${code ? `?code=${enc(code)}` : ''}`),
  importDivisions: (code: string) => api.post<DivisionImport>('/api/units/from-divisions', { code }),
  units: (query = '') => api.get<Unit[]>(`/api/units${query}`),
  check: (setup: CampaignSetup) => api.post<SetupCheck>('/api/campaigns/check', setup),
  create: (setup: CampaignSetup) => api.post<StoredDefinition>('/api/campaigns', setup),
  replace: (id: string, setup: CampaignSetup) => api.put<StoredDefinition>(`/api/campaigns/${enc(id)}`, setup),
};

/** Uploads a CSV/xlsx file as the request body; `dryRun` previews without storing. */
export async function uploadUnits(file: File, dryRun: boolean, csrfToken: string | null | undefined): Promise<UnitImport> {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const res = await fetch(`/api/units/import?filename=${enc(file.name)}&dryRun=${dryRun}`, {
    method: 'POST',
    headers: { 'content-type': type, accept: 'application/json', ...authHeaders(csrfToken) },
    body: await file.arrayBuffer(),
    credentials: 'same-origin',
  });
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: { zh: string; en: string }; details?: unknown } } | null;
  if (!res.ok) {
    const e = json?.error;
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? { zh: `上传失败（${res.status}）`, en: `Upload failed (${res.status})` }, e?.details);
  }
  return json as unknown as UnitImport;
}
