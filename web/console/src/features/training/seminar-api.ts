/**
 * 座谈会 and documents (docs/training.md § 座谈会): typed calls, and the one upload a file takes — multipart/form-data
 * with a single `file` field, recognised by content on the server.
 */
import { api } from '../../api/client.js';
import { authHeaders } from '../../api/text.js';
import type { DocumentView, MyReport, ReportBoard, ReportsCreateRequest, ReportStatus, SeminarReport, SeminarSpeaker, SpeakersRequest } from '../../api/types.js';
import { refusal } from './files.js';

const base = (classId: string) => `/api/training/classes/${encodeURIComponent(classId)}/seminar`;
const report = (classId: string, reportId: string) => `${base(classId)}/reports/${encodeURIComponent(reportId)}`;

export const seminar = {
  speakers: (classId: string) => api.get<SeminarSpeaker[]>(`${base(classId)}/speakers`),
  setSpeakers: (classId: string, body: SpeakersRequest) => api.put<SeminarSpeaker[]>(`${base(classId)}/speakers`, body),
  reports: (classId: string, filter: { status?: ReportStatus; unitId?: string }, signal?: AbortSignal) => {
    const q = new URLSearchParams();
    if (filter.status) q.set('status', filter.status);
    if (filter.unitId) q.set('unitId', filter.unitId);
    const s = q.toString();
    return api.get<ReportBoard>(`${base(classId)}/reports${s ? `?${s}` : ''}`, { signal });
  },
  createReports: (classId: string, body: ReportsCreateRequest) => api.post<{ created: number; skipped: number }>(`${base(classId)}/reports`, body),
  remind: (classId: string, reportIds?: string[]) => api.post<{ reminded: number; remindedAt: string }>(`${base(classId)}/reports/remind`, reportIds ? { reportIds } : {}),
  withdraw: (classId: string, reportId: string) => api.del<void>(report(classId, reportId)),
  accept: (classId: string, reportId: string) => api.post<SeminarReport>(`${report(classId, reportId)}/accept`),
  sendBack: (classId: string, reportId: string, note: string) => api.post<SeminarReport>(`${report(classId, reportId)}/return`, { note }),
  uploadUrl: (classId: string, reportId: string) => `${report(classId, reportId)}/documents`,
  mine: () => api.get<MyReport[]>('/api/seminar/my-reports'),
};

export const documents = {
  url: (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`,
  remove: (documentId: string) => api.del<void>(`/api/documents/${encodeURIComponent(documentId)}`),
  ofCase: (caseId: string) => api.get<DocumentView[]>(`/api/cases/${encodeURIComponent(caseId)}/documents`),
  caseUploadUrl: (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}/documents`,
  ofGroup: (classId: string, groupId: string) => api.get<DocumentView[]>(`/api/training/classes/${encodeURIComponent(classId)}/groups/${encodeURIComponent(groupId)}/documents`),
  groupUploadUrl: (classId: string, groupId: string) => `/api/training/classes/${encodeURIComponent(classId)}/groups/${encodeURIComponent(groupId)}/documents`,
};

/** What may be chosen in the file picker (the server decides by content all the same). */
export const ACCEPTED_FILES = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png';
/** The routes' limit (src/http/upload.ts), checked here too so a too-large file is refused before it is sent. */
export const FILE_LIMIT_BYTES = 20 * 1024 * 1024;

/** Uploads one file as multipart/form-data; answers the route's JSON (a report, or a document). */
export async function uploadFile<T>(url: string, file: File, csrfToken: string | null | undefined): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const res = await fetch(url, { method: 'POST', headers: { accept: 'application/json', ...authHeaders(csrfToken) }, body: form, credentials: 'same-origin' });
  if (!res.ok) throw await refusal(res, { zh: '上传失败', en: 'Upload failed' });
  return (await res.json()) as T;
}

/** "1.2 MB", "340 KB". */
export function fileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
