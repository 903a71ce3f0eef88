/**
 * Exact arithmetic for scores. Inputs are decimal strings; everything computed is a `Fraction` (BigInt-backed);
 * rounding happens once, for display, half away from zero ("四舍五入").
 */
import Fraction from 'fraction.js';

export { Fraction };

const DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

export const ZERO = new Fraction(0);
export const ONE = new Fraction(1);
export const HUNDRED = new Fraction(100);

/** Is `s` a plain decimal such as "85", "-2", "87.5" (at most 15 integer and 6 fraction digits)? */
export function isDecimal(s: string): boolean {
  return DECIMAL.test(s);
}

/** Parses a plain decimal string exactly; throws on anything else (validate with `isDecimal` at the edge). */
export function parseDecimal(s: string): Fraction {
  if (!DECIMAL.test(s)) throw new Error(`not a decimal: ${JSON.stringify(s)}`);
  const negative = s.startsWith('-');
  const body = negative ? s.slice(1) : s;
  const [whole = '0', frac = ''] = body.split('.');
  const numerator = BigInt(whole + frac) * (negative ? -1n : 1n);
  const denominator = 10n ** BigInt(frac.length);
  return new Fraction(numerator, denominator);
}

/** A number from JSON input as the decimal string it was written as ("87.5"), or null when it is not one. */
export function decimalFromNumber(x: number): string | null {
  if (!Number.isFinite(x)) return null;
  const s = String(x);
  return DECIMAL.test(s) ? s : null;
}

/** Rounds half away from zero to `decimals` places and prints with exactly that many decimals. */
export function formatFixed(f: Fraction, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const n = BigInt(f.n) * scale;
  const d = BigInt(f.d);
  const rounded = (2n * n + d) / (2n * d);
  const negative = BigInt(f.s) < 0n && rounded !== 0n;
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const intPart = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fracPart = decimals === 0 ? '' : '.' + digits.slice(-decimals);
  return (negative ? '-' : '') + intPart + fracPart;
}

/** The exact value as "n/d" (or "n" when whole): what the bundle and the API carry besides the display value. */
export function exactString(f: Fraction): string {
  const sign = BigInt(f.s) < 0n ? '-' : '';
  const d = BigInt(f.d);
  return d === 1n ? `${sign}${f.n}` : `${sign}${f.n}/${d}`;
}

/** Parses "n/d", "-n/d" or "n" as written by `exactString`. */
export function parseExact(s: string): Fraction {
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s);
  if (!m) throw new Error(`not an exact fraction: ${JSON.stringify(s)}`);
  return new Fraction(BigInt(m[1] ?? '0'), BigInt(m[2] ?? '1'));
}

export function sum(values: Iterable<Fraction>): Fraction {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}
