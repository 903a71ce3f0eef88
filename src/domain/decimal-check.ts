/**
 * 数值校验: decimals as integers scaled by 10^6 — every decimal the domain accepts has at most 6 fraction digits — so a
 * province of scores is checked without a Fraction per value; constants too long to scale fall back to Fractions.
 */
import { Fraction, isDecimal, parseDecimal } from './exact.js';

const SCALE_DIGITS = 6;
/** Constants beyond this magnitude are compared as Fractions, so differences of fast values stay exact. */
const FAST_LIMIT = 2 ** 52;

/**
 * A decimal string as an integer scaled by 10^6, or NaN when it is not a decimal or has more than 9 integer digits
 * (callers then fall back to exact Fractions).
 */
export function parseScaled(s: string): number {
  const len = s.length;
  if (len === 0 || len > 17) return NaN;
  let i = 0;
  let negative = false;
  if (s.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let value = 0;
  const intStart = i;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) break;
    if (c < 48 || c > 57) return NaN;
    value = value * 10 + (c - 48);
  }
  const intDigits = i - intStart;
  if (intDigits === 0 || intDigits > 9) return NaN;
  let fracDigits = 0;
  if (i < len) {
    i++;
    if (i === len) return NaN;
    for (; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 48 || c > 57) return NaN;
      value = value * 10 + (c - 48);
      fracDigits++;
    }
    if (fracDigits > SCALE_DIGITS) return NaN;
  }
  for (let k = fracDigits; k < SCALE_DIGITS; k++) value *= 10;
  return negative ? -value : value;
}

/** A declared decimal (min, max, step, cap) in both forms; `scaled` is NaN when only the Fraction is usable. */
export interface Exact {
  text: string;
  scaled: number;
  exact: Fraction;
}

export function exactOf(text: string): Exact {
  const valid = typeof text === 'string' && isDecimal(text);
  const scaled = valid ? parseScaled(text) : NaN;
  return {
    text,
    scaled: Math.abs(scaled) <= FAST_LIMIT ? scaled : NaN,
    exact: valid ? parseDecimal(text) : new Fraction(0),
  };
}

export const OK = 0;
export const NOT_DECIMAL = 1;
export const OUT_OF_RANGE = 2;
export const OFF_STEP = 3;
export type Verdict = typeof OK | typeof NOT_DECIMAL | typeof OUT_OF_RANGE | typeof OFF_STEP;

/** Is `value` a decimal in [lo, hi] on lo + k·step? Integer math unless a number is too long to scale. */
export function checkValue(value: unknown, lo: Exact, hi: Exact, step: Exact | null): Verdict {
  if (typeof value !== 'string') return NOT_DECIMAL;
  const v = parseScaled(value);
  if (!Number.isNaN(v) && !Number.isNaN(lo.scaled) && !Number.isNaN(hi.scaled) && (step === null || !Number.isNaN(step.scaled))) {
    if (v < lo.scaled || v > hi.scaled) return OUT_OF_RANGE;
    if (step !== null && step.scaled > 0 && (v - lo.scaled) % step.scaled !== 0) return OFF_STEP;
    return OK;
  }
  if (!isDecimal(value)) return NOT_DECIMAL;
  const f = parseDecimal(value);
  if (f.lt(lo.exact) || f.gt(hi.exact)) return OUT_OF_RANGE;
  if (step !== null && step.exact.s > 0n && step.exact.n > 0n && f.sub(lo.exact).div(step.exact).d !== 1n) {
    return OFF_STEP;
  }
  return OK;
}

/** Σ of decimal strings already known to be decimals, compared with `bound`: −1, 0 or 1. */
export function compareSum(values: string[], bound: Exact): number {
  let fast = !Number.isNaN(bound.scaled);
  let total = 0;
  for (let i = 0; fast && i < values.length; i++) {
    const v = parseScaled(values[i]!);
    if (Number.isNaN(v)) fast = false;
    else total += v;
  }
  if (fast && Math.abs(total) <= FAST_LIMIT) return total < bound.scaled ? -1 : total > bound.scaled ? 1 : 0;
  let sum = new Fraction(0);
  for (const v of values) sum = sum.add(parseDecimal(v));
  return sum.compare(bound.exact);
}

export function sumText(values: string[]): string {
  let sum = new Fraction(0);
  for (const v of values) sum = sum.add(parseDecimal(v));
  return sum.toString();
}
