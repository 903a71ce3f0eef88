import type { Tally } from '../../src/domain/results.js';

/** The whole tally as text: every group's values (so their order, ties by ballot id), every Fraction exactly. */
export function fullText(tally: Tally): string {
  return JSON.stringify(tally, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}
