/**
 * 结果哈希: the fingerprint a 公示 shows. sha256 of the presented results' canonical JSON (keys sorted), so anyone
 * who recomputes the results from the exported bundle (`leitai tally bundle.json --verify`) gets the same digits.
 */
import type { PresentedTally } from '../../domain/present.js';
import { contentHash } from './canonical.js';

export const RESULTS_HASH_METHOD = 'sha256(canonical JSON of the presented results, keys sorted)';

export function resultsHash(results: PresentedTally): string {
  return contentHash(results);
}
