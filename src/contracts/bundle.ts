/**
 * 导出包: everything needed to recompute a campaign's results without the server — the definition and every
 * ballot as cast online or entered from paper (valid or not: the verifier re-applies the rules itself).
 * docs/bundle.schema.json is generated from this schema (`npm run docs:schema`) and checked by a test.
 */
import { z } from 'zod';
import { ballotSchema, definitionSchema, ratingSchema } from './definition.js';
import { presentedTallySchema } from './results.js';
import { storedBallotSchema, storedDefinitionSchema, storedRating } from './stored-definition.js';

export const BUNDLE_FORMAT = 'leitai-bundle';
/**
 * 2: instruments say how their adjustment caps read (a version 1 bundle is read as strict, decision 0018), and the
 * bundle carries its ballot board (per-ballot hashes and each session's chain head, decision 0019).
 * 3: the bundle carries the campaign's tours (观摩) with every revision of every sheet, from which the verifier derives
 * the counting ballots as the server does (domain/tours/counting.ts).
 */
export const BUNDLE_VERSION = 3;

/** The ballot chain's name and version (src/app/kernel/ballot-chain.ts, decision 0019). */
export const BALLOT_CHAIN = 'leitai-ballot-chain/1';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'a sha256 hash: 64 lowercase hex digits' });

/**
 * 选票公告板: per session, the hash of each ballot (by the ballot's id in this bundle) in chain order and the chain's
 * head. When the campaign was published, the board and heads are the ones stored with the publication: a ballot of
 * `ballots` that differs from its entry, or is missing from it, or an entry with no ballot, is named by the verifier.
 */
export const ballotBoardSchema = z.object({
  chain: z.literal(BALLOT_CHAIN),
  /** The publication the board was stored with; null when the campaign is not published (computed at export). */
  publication: z.object({ id: z.string(), publishedAt: z.string(), resultsHash: z.string() }).nullable(),
  sessions: z
    .array(
      z.object({
        sessionId: z.string().nullable(),
        ballotCount: z.number().int().min(0),
        head: sha256,
        ballots: z.array(z.object({ id: z.string().min(1).max(200), hash: sha256 })).max(5_000_000),
      }),
    )
    .max(10_000),
});
export type BallotBoard = z.output<typeof ballotBoardSchema>;

const label = z.string().min(1).max(200);

/**
 * 观摩: a tour as the counting needs it. Each sheet is one observer's rating of one stop; `revision` numbers an
 * observer's sheets of a stop in the order the server took them (1, 2, …) and the latest counts. Review meetings' scores
 * count only when the review group is one the instrument weighs.
 */
function tourSchema<R extends z.ZodType>(rating: R) {
  return z.object({
    id: label,
    sessionId: label,
    instrumentId: label,
    raterGroupId: label,
    reviewGroupId: label.nullable(),
    observers: z.array(z.object({ id: label, name: z.string().max(200) })).max(100_000),
    stops: z.array(z.object({ id: label, subjectId: label })).max(100_000),
    sheets: z.array(z.object({ id: label, observerId: label, stopId: label, subjectId: label, revision: z.number().int().min(1), rating })).max(5_000_000),
    reviews: z.array(z.object({ unitId: label, score: z.string().max(40).nullable() })).max(100_000),
  });
}
export const bundleTourSchema = tourSchema(ratingSchema);
export type BundleTour = z.output<typeof bundleTourSchema>;

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.union([z.literal(1), z.literal(2), z.literal(BUNDLE_VERSION)]),
    /** When the export was made (the ballots themselves carry no time, for anonymity). */
    exportedAt: z.string(),
    definition: definitionSchema,
    ballots: z.array(ballotSchema).max(5_000_000),
    /** The server's results at export time, as `leitai tally --format json` prints them; optional, for comparison. */
    results: z.unknown().optional(),
    /** The ballot board (version 2): per-ballot hashes and each session's chain head. */
    board: ballotBoardSchema.optional(),
    /** The tours (version 3): their sheets, every revision, count as ballots derived from them. */
    tours: z.array(bundleTourSchema).max(1000).optional(),
  })
  .meta({
    title: 'Leitai campaign bundle',
    description:
      'A campaign definition and all its ballots. `leitai tally <bundle.json>` recomputes every published number from it.',
  });

export type Bundle = z.output<typeof bundleSchema>;

/** A bundle as the server writes it (`GET /api/campaigns/:id/export`, `leitai export`): always with its results. */
export const exportedBundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
  exportedAt: z.string(),
  definition: storedDefinitionSchema,
  ballots: z.array(storedBallotSchema),
  results: presentedTallySchema,
  board: ballotBoardSchema,
  tours: z.array(tourSchema(storedRating)),
});
export type ExportedBundle = z.output<typeof exportedBundleSchema>;

export function bundleJsonSchema(): unknown {
  return z.toJSONSchema(bundleSchema, { io: 'input', target: 'draft-2020-12' });
}
