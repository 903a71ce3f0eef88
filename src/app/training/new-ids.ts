/** Ids the server gives what the office adds without naming it, and the personal check-in code. */
import { randomInt } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function randomText(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += CROCKFORD[randomInt(32)];
  return s;
}

/** "tc-7K2M9Q", "l-…", "v-…", "p-…": a prefix for what it is and enough randomness not to collide in a class. */
export function newTrainingId(prefix: 'tc' | 'l' | 'v' | 'p' | 'g'): string {
  return `${prefix}-${randomText(prefix === 'p' ? 10 : 8).toLowerCase()}`;
}

/** 个人签到码: 8 Crockford characters (40 bits), printed as XXXX-XXXX. */
export function newPersonalCode(): string {
  const s = randomText(8);
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}

/** What a person typed, as stored (case, spaces, dashes and the look-alikes O→0, I/L→1 folded); null if it cannot be one. */
export function normalisePersonalCode(typed: string): string | null {
  const s = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(s)) return null;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
