/** Compares a bundle's published results with their recomputation, digit for digit. */
import { isDeepStrictEqual } from 'node:util';
import type { Bundle } from '../../contracts/bundle.js';
import type { TallyOutput } from './tally-bundle.js';

export function verifyBundle(bundle: Bundle, output: TallyOutput): { ok: boolean; message: string } {
  if (bundle.results === undefined) {
    return { ok: false, message: '导出包中没有服务器结果，无法比对 / the bundle holds no server results to compare with' };
  }
  // Compare as JSON text: what the server published and what we recomputed, digit for digit.
  const recomputed = JSON.parse(JSON.stringify(output.results)) as unknown;
  if (isDeepStrictEqual(recomputed, bundle.results)) {
    return { ok: true, message: '✔ 重新计算结果与服务器结果完全一致 / recomputed results match the server exactly' };
  }
  return { ok: false, message: '✘ 重新计算结果与服务器结果不一致 / recomputed results differ from the server results' };
}
