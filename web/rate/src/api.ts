/** The two calls the phone makes. A failure to reach the server is its own outcome, never mistaken for a refusal. */
import type { Receipt } from '../../../src/contracts/api.js';
import { interpret, postJson as post, type Outcome, type Raw } from '../../shared/phone-api.js';
import type { Form } from './ballot.js';

export type { ApiError, Outcome } from '../../shared/phone-api.js';
export type Credential = { token: string } | { code: string };

declare global {
  interface Window {
    /** The form request index.html starts before this script arrives (QR links only). */
    __leitaiForm?: Promise<Raw>;
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
