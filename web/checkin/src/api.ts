/**
 * The four calls the check-in page makes. A failure to reach the server (or an answer that is not ours: a proxy's
 * 502, our 500) is its own outcome, never mistaken for a refusal; a refusal carries the server's message in zh and en.
 */
import type { ErrorBody } from '../../../src/contracts/errors.js';
import type { CheckinAnswer, Directory, Grant, MyCheckins } from '../../../src/contracts/training.js';

export type ApiError = ErrorBody['error'];

export type Outcome<T> =
  | { kind: 'ok'; status: number; body: T }
  | { kind: 'refused'; status: number; error: ApiError }
  | { kind: 'network' };

type Raw = { status: number; text: string } | null;

declare global {
  interface Window {
    /**
     * Set by index.html's inline script when the page was opened from a QR code: the code, and the request it already
     * sent with it — the one-request check-in for the device it found stored, else the grant.
     */
    __leitaiScan?: { code: string; device: string | null; grant: Promise<Raw> | null; checkin: Promise<Raw> | null };
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

async function post(url: string, body: unknown): Promise<Raw> {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), cache: 'no-store' });
    return { status: res.status, text: await res.text() };
  } catch {
    return null;
  }
}

export interface Place {
  classId: string;
  lessonId: string;
  venueId: string;
}

/** The request index.html started for this code, if it is the one asked for now (each is taken once). */
function early(kind: 'grant' | 'checkin', code: string, device?: string): Promise<Raw> | null {
  const scan = window.__leitaiScan;
  if (!scan || scan.code !== code || (kind === 'checkin' && scan.device !== device)) return null;
  const sent = scan[kind];
  scan[kind] = null;
  return sent;
}

/** Opens the 5-minute grant for a scanned code, to identify with. */
export async function openGrant(place: Place, code: string): Promise<Outcome<Grant>> {
  const sent = early('grant', code);
  return interpret<Grant>(sent ? await sent : await post('/api/checkin/grants', { ...place, code }));
}

/** A phone that knows its trainee: the scanned code and the device, one request, no grant. */
export async function scanCheckIn(place: Place, code: string, device: string): Promise<Outcome<CheckinAnswer>> {
  const sent = early('checkin', code, device);
  return interpret<CheckinAnswer>(sent ? await sent : await post('/api/checkin', { scan: { ...place, code }, device }));
}

export const fetchDirectory = async (grant: string, unitId?: string): Promise<Outcome<Directory>> =>
  interpret<Directory>(await post('/api/checkin/directory', unitId ? { grant, unitId } : { grant }));

export type Identity = { device: string } | { personalCode: string } | { participantId: string };

export const checkIn = async (grant: string, who: Identity): Promise<Outcome<CheckinAnswer>> =>
  interpret<CheckinAnswer>(await post('/api/checkin', { grant, ...who }));

export const fetchMine = async (classId: string, device: string): Promise<Outcome<MyCheckins>> =>
  interpret<MyCheckins>(await post('/api/checkin/mine', { classId, device }));
