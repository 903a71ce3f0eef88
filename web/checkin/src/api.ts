/**
 * The calls the check-in page makes. A failure to reach the server (or an answer that is not ours: a proxy's
 * 502, our 500) is its own outcome, never mistaken for a refusal; a refusal carries the server's message in zh and en.
 */
import type { MyReflections, ReflectionSaved } from '../../../src/contracts/reflections.js';
import type { CheckinAnswer, Directory, Grant, MyCheckins } from '../../../src/contracts/training.js';
import { interpret, type Outcome, postJson, type Raw } from '../../shared/phone-api.js';

const post = (url: string, body: unknown): Promise<Raw> => postJson(url, JSON.stringify(body));

export type { ApiError, Outcome } from '../../shared/phone-api.js';

declare global {
  interface Window {
    /**
     * Set by index.html's inline script when the page was opened from a QR code: the code, and the request it already
     * sent with it — the one-request check-in for the device it found stored, else the grant.
     */
    __leitaiScan?: { code: string; device: string | null; grant: Promise<Raw> | null; checkin: Promise<Raw> | null };
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


export const fetchReflections = async (classId: string, device: string): Promise<Outcome<MyReflections>> =>
  interpret<MyReflections>(await post('/api/reflections/mine', { classId, device }));

export const sendReflection = async (classId: string, device: string, draft: { id: string; lessonId: string | null; text: string }): Promise<Outcome<ReflectionSaved>> =>
  interpret<ReflectionSaved>(await post('/api/reflections', { classId, device, ...draft }));
