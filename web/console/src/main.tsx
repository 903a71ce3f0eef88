/**
 * The entry: kept tiny (no React, no antd) so that it runs as soon as it arrives and starts the page's reads before
 * the UI kit is even downloaded and parsed (~0.5–1 s on a loaded office PC); then it loads the app and the page's code
 * in parallel.
 */
import { startLoginCheck } from './auth/early.js';
import { prefetchFor } from './features/results/prefetch.js';

startLoginCheck();

// The ranking board and the unit page have small reads of their own; the other results pages read the whole tally.
const onResults = /^\/console\/campaigns\/([^/]+)\/(results|distributions|sessions|what-if)/.exec(location.pathname);
if (!prefetchFor(location) && onResults?.[1]) {
  const campaignId = decodeURIComponent(onResults[1]);
  void import('./features/results/useResults.js').then((m) => m.prefetchResults(campaignId));
}
void import('./boot.js');
// …and the page's own code, in parallel with the login check instead of after it (same chunks as routes.tsx's lazy()).
if (/\/results\/[^/]+\/units\//.test(location.pathname)) void import('./features/results/UnitPage.js');
else if (onResults?.[2] === 'results') void import('./features/results/ResultsPage.js');
