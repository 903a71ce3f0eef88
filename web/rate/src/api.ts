/** The two calls the phone makes. A failure to reach the server is its own outcome, never mistaken for a refusal. */
import type { Receipt } from '../../../src/contracts/api.js';
import type { ErrorBody } from '../../../src/contracts/errors.js';
import type { Form } from './ballot.js';

export type Credential = { token: string } | { code: string };
export type ApiError = ErrorBody['error'];

export type Outcome<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'refused'; status: number; error: ApiError }
  /** No answer, or one that is not ours (a proxy's 502, our 500): the request may or may not have arrived. */
  | { kind: 'network' };

type Raw = { status: number; text: string } | null;

declare global {
  interface Window {
    /** The form request index.html starts before this script arrives (QR links only). */
    __leitaiForm?: Promise<Raw>;
  }
}

function interpret<T>(raw: Raw): Outcome<T> {
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

async function post(url: string, body: string): Promise<Raw> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, cache: 'no-store' });
    return { status: res.status, text: await res.text() };
  } catch {
    return null;
  }
}

export async function fetchForm(cred: Credential): Promise<Outcome<Form>> {
  const early = window.__leitaiForm;
  window.__leitaiForm = undefined;
  if (early && 'token' in cred) return interpret<Form>(await early);
  return interpret<Form>(await post('/api/ballot-form', JSON.stringify(cred)));
}

/** `body` is the exact JSON sent before when retrying. */
export const submitSheet = async (body: string): Promise<Outcome<Receipt>> => interpret<Receipt>(await post('/api/ballots', body));
