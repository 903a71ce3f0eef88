/** Offline recomputation of a bundle: the verifier anyone holding an export can run. */
import type { Bundle } from '../../contracts/bundle.js';
import { presentTally } from '../../domain/present.js';
import { tallyCampaign } from '../../domain/tally.js';
import type { Tally } from '../../domain/results.js';
import { bundleTourBallots } from './bundle-tours.js';

export interface TallyOutput {
  tally: Tally;
  results: ReturnType<typeof presentTally>;
}

/** The bundle's ballots and, derived from its tours' sheets as the server derives them, the tours' counting ballots. */
export function tallyBundle(bundle: Bundle): TallyOutput {
  const tally = tallyCampaign(bundle.definition, [...bundle.ballots, ...bundleTourBallots(bundle.definition, bundle.tours)]);
  return { tally, results: presentTally(bundle.definition, tally) };
}
