/** Secrets, codes and hashes. Secrets are shown once and stored only as sha-256 hashes. */
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

/** A receipt a rater can keep: 8 Crockford characters. */
export function newReceipt(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CROCKFORD[randomInt(32)];
  return s;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}
