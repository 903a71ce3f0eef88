/**
 * Weight arithmetic for the editor, exact: decimals are read as integers of millionths (the API allows 6 decimals),
 * so 33.3 + 33.3 + 33.4 is exactly 100 and never 99.99999999999999.
 */
const SCALE = 1_000_000n;

export function parseDecimal(text: string): bigint | null {
  const m = /^(\d{1,9})(?:\.(\d{1,6}))?$/.exec(text);
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

export type RelativeCheck = { ok: true; sum: string; shares: string[] } | { ok: false; reason: 'invalid' | 'notPositive' };

/**
 * Rater-group weights are relative: the tally counts each group as its weight over the groups' total (over the groups
 * that rated, when one did not), so they need not total 100. Each must be a decimal above 0, as the server checks.
 * `shares`: each group's part of the total in percent, to one decimal (half up), for display only.
 */
export function checkRelativeWeights(weights: readonly string[]): RelativeCheck {
  const values: bigint[] = [];
  for (const w of weights) {
    const v = parseDecimal(w);
    if (v === null) return { ok: false, reason: 'invalid' };
    if (v === 0n) return { ok: false, reason: 'notPositive' };
    values.push(v);
  }
  const sum = values.reduce((a, b) => a + b, 0n);
  const shares = values.map((v) => {
    const tenths = (v * 2000n + sum) / (2n * sum);
    return `${tenths / 10n}.${tenths % 10n}`;
  });
  return { ok: true, sum: formatDecimal(sum), shares };
}
