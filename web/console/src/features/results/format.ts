import type { PresentedNumber } from '../../api/types.js';

/** The server rounds once for display; the exact value is kept for tooltips and for charts. */
export const shown = (n: PresentedNumber | null | undefined): string => (n ? n.display : '—');

export function numeric(n: PresentedNumber | null | undefined): number | null {
  if (!n) return null;
  const v = Number(n.display);
  return Number.isFinite(v) ? v : null;
}

/** A fraction weight (0.3) as a percent string ("30"); weights above 1 are already percent. */
export function percent(n: PresentedNumber): string {
  const [num, den] = n.exact.split('/');
  const v = Number(num) / Number(den ?? '1');
  const p = v <= 1 ? v * 100 : v;
  return String(Math.round(p * 100) / 100);
}
