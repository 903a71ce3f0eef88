/**
 * Weight arithmetic for the editor, exact: decimals are read as integers of millionths (the API allows 6 decimals),
 * so 33.3 + 33.3 + 33.4 is exactly 100 and never 99.99999999999999.
 */
const SCALE = 1_000_000n;

export function parseDecimal(text: string): bigint | null {
  const m = /^\s*(\d{1,9})(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (!m) return null;
  return BigInt(m[1]!) * SCALE + BigInt((m[2] ?? '').padEnd(6, '0'));
}

export function formatDecimal(value: bigint): string {
  const whole = value / SCALE;
  const frac = (value % SCALE).toString().padStart(6, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : `${whole}`;
}

export type WeightCheck = { ok: true; sum: string } | { ok: false; sum: string | null; reason: 'invalid' | 'not100' };

/** Are these weights valid decimals summing to exactly 100? */
export function checkWeights(weights: readonly string[]): WeightCheck {
  let sum = 0n;
  for (const w of weights) {
    const v = parseDecimal(w);
    if (v === null) return { ok: false, sum: null, reason: 'invalid' };
    sum += v;
  }
  const shown = formatDecimal(sum);
  return sum === 100n * SCALE ? { ok: true, sum: shown } : { ok: false, sum: shown, reason: 'not100' };
}
