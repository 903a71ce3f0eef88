/**
 * What the two phone pages (the ballot, the check-in) share about talking to the server: a failure to reach it — or
 * an answer that is not ours (a proxy's 502, our 500) — is its own outcome, never mistaken for a refusal; a refusal
 * carries the server's message in zh and en.
 */
import type { ErrorBody } from '../../src/contracts/errors.js';

export type ApiError = ErrorBody['error'];

export type Outcome<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'refused'; status: number; error: ApiError }
  /** No answer, or one that is not ours: the request may or may not have arrived. */
  | { kind: 'network' };

/** An answer as it arrived, or null when none did. */
export type Raw = { status: number; text: string } | null;

export function interpret<T>(raw: Raw): Outcome<T> {
  if (raw === null) return { kind: 'network' };
  let json: unknown;
  try {
    json = JSON.parse(raw.text);
  } catch {
    return { kind: 'network' };
  }
  if (raw.status >= 200 && raw.status < 300) return { kind: 'ok', status: raw.status, body: json as T };
  const error = (json as Partial<ErrorBody> | null)?.error;
  if (!error || raw.status >= 500) return { kind: 'network' };
  return { kind: 'refused', status: raw.status, error };
}

/** POSTs a JSON text, never from a cache; null when no answer came. */
export async function postJson(url: string, body: string): Promise<Raw> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, cache: 'no-store' });
    return { status: res.status, text: await res.text() };
  } catch {
    return null;
  }
}
