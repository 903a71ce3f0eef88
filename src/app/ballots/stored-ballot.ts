/** A domain ballot as the storage keeps it: with its content hash, its receipt and its packed ratings. */
import { packRatings } from '../../db/ballot-codec.js';
import type { BallotRow } from '../../db/records.js';
import type { Ballot, Instrument } from '../../domain/types.js';
import { contentHash } from '../kernel/canonical.js';

export function storedBallot(
  instruments: ReadonlyMap<string, Instrument>,
  ballot: Ballot,
  extra: { campaignId: string; receipt: string; enteredBy: string | null },
): BallotRow {
  const instrument = instruments.get(ballot.instrumentId);
  // Field by field rather than spread: per ballot on the submit path, and the row is cloned to the writer thread.
  return {
    id: ballot.id,
    instrumentId: ballot.instrumentId,
    raterGroupId: ballot.raterGroupId,
    raterName: ballot.raterName,
    boundUnitId: ballot.boundUnitId,
    sessionId: ballot.sessionId,
    sheetId: ballot.sheetId,
    channel: ballot.channel,
    ratings: ballot.ratings,
    campaignId: extra.campaignId,
    receipt: extra.receipt,
    enteredBy: extra.enteredBy,
    contentHash: contentHash({ instrumentId: ballot.instrumentId, raterGroupId: ballot.raterGroupId, raterName: ballot.raterName, boundUnitId: ballot.boundUnitId, ratings: ballot.ratings }),
    packed: instrument ? packRatings(instrument, ballot.ratings) : null,
  };
}
