/** Secrets, codes and hashes. Secrets are shown once and stored only as sha-256 hashes. */
import * as crypto from 'node:crypto';
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Crockford base32: no I, L, O, U — easy to read aloud and to type on a phone. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A bearer or QR secret: 128 bits of randomness, base64url (22 characters). */
export function newSecret(): string {
  return randomBytes(16).toString('base64url');
}

/** A short typeable code, 10 Crockford characters (50 bits), shown as XXXXX-XXXXX. */
export function newShortCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += CROCKFORD[randomInt(32)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Normalises what a person typed: case, spaces, dashes, and the look-alikes Crockford folds (O→0, I/L→1). */
export function normaliseShortCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(s)) return null;
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/**
 * CSPRNG bytes drawn 4 KiB at a time: one randomBytes call per receipt cost ~17 µs under load (a system call each),
 * as much as a whole rule check. Each byte is handed out once; the pool is refilled when used up.
 */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolAt = 0;

function pooledRandomBytes(n: number): Buffer {
  if (poolAt + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolAt = 0;
  }
  const out = pool.subarray(poolAt, poolAt + n);
  poolAt += n;
  return out;
}

/** A receipt a rater can keep: 8 Crockford characters. */
export function newReceipt(): string {
  // 40 random bits, 5 per character (each as uniform as randomInt(32)).
  const b = pooledRandomBytes(5);
  const bits = b.readUInt32BE(0) * 256 + b[4]!;
  let s = '';
  for (let i = 35; i >= 0; i -= 5) s += CROCKFORD[Math.floor(bits / 2 ** i) % 32];
  return s;
}

/** crypto.hash (Node ≥ 20.12): one-shot, no Hash object — on the ballot path per ballot. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text).digest('hex');
}

/**
 * A commit's key: 32 random bits as 8 hex characters, shared by the ids of the ballots stored in one commit
 * (ballotIdInCommit). Decision 0009 says why and what it reveals.
 */
export function newCommitKey(): string {
  return pooledRandomBytes(4).toString('hex');
}

/** How many characters of a ballot id the ballots of one commit share: `b_` and the commit's key. */
export const COMMIT_PREFIX_LENGTH = 10;

/** `b_` + the commit's key + 64 random bits of the ballot's own (16 hex characters). */
export function ballotIdInCommit(commitKey: string): string {
  return `b_${commitKey}${pooledRandomBytes(8).toString('hex')}`;
}

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}
