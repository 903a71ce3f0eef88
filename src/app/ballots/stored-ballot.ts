/** A domain ballot as the storage keeps it: with its content hash, its receipt and its packed ratings. */
import { packRatings } from '../../db/ballot-codec.js';
import type { BallotRow } from '../../db/records.js';
import type { Ballot, Instrument } from '../../domain/types.js';
import { canonicalJson } from '../kernel/canonical.js';
import { sha256Hex } from '../kernel/secrets.js';

/**
 * The hash of what a ballot says: canonical JSON of {boundUnitId, instrumentId, raterGroupId, raterName, ratings} (keys
 * in code-unit order), written around the ratings' own canonical text — also what is stored — so the ratings are
 * written once. The same text as canonicalJson of that object (test/app/stored-ballot.test.ts): stored hashes compare
 * with those of re-sends.
 */
export function ballotContentHash(ballot: Pick<Ballot, 'boundUnitId' | 'instrumentId' | 'raterGroupId' | 'raterName'>, ratingsJson: string): string {
  // An undefined field is left out, as canonical JSON leaves it out (the domain type says null; JSON callers may not).
  const field = (key: string, value: string | null | undefined): string => (value === undefined ? '' : `"${key}":${JSON.stringify(value)},`);
  return sha256Hex(`{${field('boundUnitId', ballot.boundUnitId)}${field('instrumentId', ballot.instrumentId)}${field('raterGroupId', ballot.raterGroupId)}${field('raterName', ballot.raterName)}"ratings":${ratingsJson}}`);
}

export function storedBallot(
  instruments: ReadonlyMap<string, Instrument>,
  ballot: Ballot,
  extra: { campaignId: string; receipt: string; enteredBy: string | null },
): BallotRow {
  const instrument = instruments.get(ballot.instrumentId);
  // Canonical (keys sorted): the text stored and the text hashed are one.
  const ratingsJson = canonicalJson(ballot.ratings);
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
    ratingsJson,
    campaignId: extra.campaignId,
    receipt: extra.receipt,
    enteredBy: extra.enteredBy,
    contentHash: ballotContentHash(ballot, ratingsJson),
    packed: instrument ? packRatings(instrument, ballot.ratings) : null,
  };
}
