/**
 * The signatures behind check-in (docs/training.md): a venue's rotating QR code and its screen key are HMACs of the
 * venue's secret; a grant — what a scan opens — is signed with the class's secret. All are recomputed on each use, so
 * nothing is stored per code or per scan and every server with the database agrees.
 */
import { createHmac, createSecretKey, type KeyObject, timingSafeEqual } from 'node:crypto';
import { codeMessage } from '../../domain/training/checkin-code.js';

/** Secrets as keys, decoded once: a scan computes two or three HMACs, and decoding each time cost as much as hashing. */
const keys = new Map<string, KeyObject>();

function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size > 10_000) keys.clear();
    keys.set(secret, (key = createSecretKey(Buffer.from(secret, 'base64url'))));
  }
  return key;
}

function mac(secret: string, message: string, bytes = 16): string {
  return createHmac('sha256', keyOf(secret)).update(message).digest().subarray(0, bytes).toString('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** "<step>.<mac>": what the QR link carries after '#'. */
export function venueCode(venueSecret: string, classId: string, lessonId: string, venueId: string, step: number): string {
  return `${step}.${mac(venueSecret, codeMessage(classId, lessonId, venueId, step))}`;
}

/** The step a code claims (not yet verified), or null when it is not `<step>.<mac>`. */
export function codeStepOf(code: string): number | null {
  const dot = code.indexOf('.');
  const step = Number(code.slice(0, dot));
  return dot < 1 || !Number.isSafeInteger(step) ? null : step;
}

/**
 * The codes of the steps being scanned: a hall's 2,100 scans share a handful of codes, so each is computed once.
 * Only codes of a current or previous step are asked for (the caller judges the step first), so this stays small.
 */
const recentCodes = new Map<string, string>();

/** Is `code` this venue's code for its step? The caller has judged the step current or previous. */
export function verifyVenueCode(venueSecret: string, classId: string, lessonId: string, venueId: string, code: string): boolean {
  const step = codeStepOf(code);
  if (step === null) return false;
  const key = `${venueSecret}\u0000${codeMessage(classId, lessonId, venueId, step)}`;
  let expected = recentCodes.get(key);
  if (expected === undefined) {
    if (recentCodes.size > 10_000) recentCodes.clear();
    recentCodes.set(key, (expected = venueCode(venueSecret, classId, lessonId, venueId, step)));
  }
  return sameText(code, expected);
}

/** The key in a venue screen's link. */
export function screenKey(venueSecret: string, classId: string, lessonId: string, venueId: string): string {
  return mac(venueSecret, `screen\u0000${classId}\u0000${lessonId}\u0000${venueId}`);
}

export function verifyScreenKey(venueSecret: string, classId: string, lessonId: string, venueId: string, key: string): boolean {
  return sameText(key, screenKey(venueSecret, classId, lessonId, venueId));
}

export interface GrantClaims {
  classId: string;
  lessonId: string;
  venueId: string;
  /** Epoch ms. */
  expiresAt: number;
}

/** A grant: its claims in base64url, a dot, their signature with the class's secret. */
export function signGrant(classSecret: string, claims: GrantClaims): string {
  const body = Buffer.from(JSON.stringify([claims.classId, claims.lessonId, claims.venueId, claims.expiresAt])).toString('base64url');
  return `${body}.${mac(classSecret, `grant\u0000${body}`)}`;
}

/** The claims of a grant as written, unverified: which class's secret to check it with. */
export function readGrant(grant: string): GrantClaims | null {
  const [body] = grant.split('.');
  try {
    const parsed: unknown = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 4) return null;
    const [classId, lessonId, venueId, expiresAt] = parsed as unknown[];
    if (typeof classId !== 'string' || typeof lessonId !== 'string' || typeof venueId !== 'string' || typeof expiresAt !== 'number') return null;
    return { classId, lessonId, venueId, expiresAt };
  } catch {
    return null;
  }
}

export function verifyGrant(classSecret: string, grant: string): boolean {
  const dot = grant.indexOf('.');
  if (dot < 1) return false;
  return sameText(grant.slice(dot + 1), mac(classSecret, `grant\u0000${grant.slice(0, dot)}`));
}
