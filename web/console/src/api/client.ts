/**
 * The console's one way to the API. A password login keeps its session in an httpOnly cookie and sends the CSRF
 * token back on unsafe requests; a pasted access token (CLI-issued, or before password login existed) goes as a
 * bearer header instead and is kept for this browser tab only.
 */
export interface ApiErrorBody {
  error: { code: string; status: number; message: { zh: string; en: string } | string; details?: unknown };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { zh: string; en: string },
    readonly details?: unknown,
  ) {
    super(messages.en);
  }
}

const TOKEN_KEY = 'leitai.console.token';
let csrfToken: string | null = null;
let bearer: string | null = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY);

export const credentials = {
  setCsrf(token: string | null): void {
    csrfToken = token;
  },
  setBearer(token: string | null): void {
    bearer = token;
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  },
  hasBearer(): boolean {
    return bearer !== null;
  },
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function toApiError(status: number, body: unknown): ApiError {
  const e = (body as Partial<ApiErrorBody> | null)?.error;
  if (e) {
    const m = typeof e.message === 'string' ? { zh: e.message, en: e.message } : e.message;
    return new ApiError(status, e.code, m, e.details);
  }
  return new ApiError(status, 'http_' + status, { zh: `请求失败（${status}）`, en: `Request failed (${status})` });
}

export async function request<T>(method: string, path: string, body?: unknown, init: { signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  else if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: init.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'network', { zh: '无法连接服务器', en: 'Cannot reach the server' });
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) throw toApiError(res.status, json);
  return json as T;
}

export const api = {
  get: <T>(path: string, init?: { signal?: AbortSignal }) => request<T>('GET', path, undefined, init),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
};
