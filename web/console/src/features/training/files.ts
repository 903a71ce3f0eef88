/**
 * The training pages' requests that are not JSON: the roster file sent as the body, the agenda PDF and the attendance
 * workbook fetched as files, the printable roster opened in a window. Fetched rather than linked, so a console opened
 * with an access token (sent as a header) gets them too.
 */
import { ApiError } from '../../api/client.js';
import { authHeaders } from '../../api/text.js';
import type { ImportReport } from '../../api/types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The server's refusal of a non-JSON request, as the JSON client would raise it. */
export async function refusal(res: Response, fallback: { zh: string; en: string }): Promise<ApiError> {
  let e: { code?: string; message?: { zh: string; en: string } | string; details?: unknown } | undefined;
  try {
    e = ((await res.json()) as { error?: typeof e }).error;
  } catch {
    e = undefined;
  }
  const message = typeof e?.message === 'string' ? { zh: e.message, en: e.message } : e?.message;
  return new ApiError(res.status, e?.code ?? `http_${res.status}`, message ?? { zh: `${fallback.zh}（${res.status}）`, en: `${fallback.en} (${res.status})` }, e?.details);
}

/**
 * Sends the roster file (xlsx or CSV) as the request body, as the units import does; the server decides its type by
 * its content. A dry run only checks it.
 */
export async function uploadRoster(url: string, file: File, csrfToken: string | null | undefined): Promise<ImportReport> {
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'application/octet-stream';
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': type, accept: 'application/json', ...authHeaders(csrfToken) },
    body: await file.arrayBuffer(),
    credentials: 'same-origin',
  });
  if (!res.ok) throw await refusal(res, { zh: '上传失败', en: 'Upload failed' });
  return (await res.json()) as ImportReport;
}

/** The file name a Content-Disposition header gives (RFC 5987 `filename*` first), else `fallback`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Fetches a file and hands it to the browser as a download. */
export async function downloadFile(url: string, fallbackName: string): Promise<void> {
  const res = await fetch(url, { headers: authHeaders(null), credentials: 'same-origin' });
  if (!res.ok) throw await refusal(res, { zh: '下载失败', en: 'Download failed' });
  saveBlob(await res.blob(), fileNameOf(res.headers.get('content-disposition'), fallbackName));
}

/** Hands `blob` to the browser as a download named `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/**
 * Opens a printable page in a new window. The window is opened by the caller inside the click (so no pop-up blocker
 * stops it) and filled when the page arrives; on a refusal it is closed again.
 */
export async function fillPrintable(win: Window, url: string): Promise<void> {
  try {
    const res = await fetch(url, { headers: { accept: 'text/html', ...authHeaders(null) }, credentials: 'same-origin' });
    if (!res.ok) throw await refusal(res, { zh: '打开失败', en: 'Could not open it' });
    const html = await res.text();
    win.document.open();
    win.document.write(html);
    win.document.close();
  } catch (e) {
    win.close();
    throw e;
  }
}

/** A CSV the office can fill in: the header the import reads and one example row (UTF-8 with a BOM, so Excel reads it). */
export function rosterTemplate(example: { unit: string }): string {
  return `\uFEFF姓名,单位,职务,电话\r\n示例学员,${example.unit},党委书记,13800000000\r\n`;
}
