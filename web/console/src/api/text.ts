/** The requests the JSON client cannot make: file bodies and HTML answers (the printable token sheet). */
import { ApiError } from './client.js';

/** Auth headers for such requests: the tab's bearer token, else the login's CSRF token. */
export function authHeaders(csrfToken: string | null | undefined): Record<string, string> {
  const bearer = sessionStorage.getItem('leitai.console.token');
  if (bearer) return { authorization: `Bearer ${bearer}` };
  return csrfToken ? { 'x-csrf-token': csrfToken } : {};
}

/** POSTs JSON and returns the answer as text. */
export async function postForText(path: string, body: unknown, csrfToken: string | null | undefined): Promise<string> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authHeaders(csrfToken) },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await res.text();
  if (!res.ok) {
    let e: { code?: string; message?: { zh: string; en: string }; details?: unknown } | undefined;
    try {
      e = (JSON.parse(text) as { error?: typeof e }).error;
    } catch {
      e = undefined;
    }
    throw new ApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? { zh: `请求失败（${res.status}）`, en: `Request failed (${res.status})` }, e?.details);
  }
  return text;
}
