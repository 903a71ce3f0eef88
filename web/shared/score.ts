/** A score as the server checks it on a phone page: a decimal within min..max on the instrument's step from min. */
import { scaled } from './adjustments.js';

export function valueFits(text: string | undefined, min: string, max: string, step: string): boolean {
  if (text === undefined || text.trim() === '') return false;
  const v = scaled(text);
  const lo = scaled(min);
  const hi = scaled(max);
  const st = scaled(step);
  if (Number.isNaN(v) || v < lo || v > hi) return false;
  return !(st > 0) || (v - lo) % st === 0;
}
