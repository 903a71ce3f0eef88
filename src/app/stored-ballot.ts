/** A domain ballot as the storage keeps it: with its content hash, its receipt and its packed ratings. */
import { packRatings } from '../db/ballot-codec.js';
import type { BallotRow } from '../db/repositories/ballots.js';
import type { Ballot, Instrument } from '../domain/types.js';
import { contentHash } from './canonical.js';

export function storedBallot(
  instruments: ReadonlyMap<string, Instrument>,
  ballot: Ballot,
  extra: { campaignId: string; receipt: string; enteredBy: string | null },
): BallotRow {
  const instrument = instruments.get(ballot.instrumentId);
  return {
    ...ballot,
    ...extra,
    contentHash: contentHash({ instrumentId: ballot.instrumentId, raterGroupId: ballot.raterGroupId, raterName: ballot.raterName, boundUnitId: ballot.boundUnitId, ratings: ballot.ratings }),
    packed: instrument ? packRatings(instrument, ballot.ratings) : null,
  };
}
