/**
 * 导出包: everything needed to recompute a campaign's results without the server — the definition and every
 * ballot as cast online or entered from paper (valid or not: the verifier re-applies the rules itself).
 * docs/bundle.schema.json is generated from this schema (`npm run docs:schema`) and checked by a test.
 */
import { z } from 'zod';
import { ballotSchema, definitionSchema } from './definition.js';
import { presentedTallySchema } from './results.js';
import { storedBallotSchema, storedDefinitionSchema } from './stored-definition.js';

export const BUNDLE_FORMAT = 'leitai-bundle';
/** 2: instruments say how their adjustment caps read; a version 1 bundle is read as strict (decision 0018). */
export const BUNDLE_VERSION = 2;

export const bundleSchema = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.union([z.literal(1), z.literal(BUNDLE_VERSION)]),
    /** When the export was made (the ballots themselves carry no time, for anonymity). */
    exportedAt: z.string(),
    definition: definitionSchema,
    ballots: z.array(ballotSchema).max(5_000_000),
    /** The server's results at export time, as `leitai tally --format json` prints them; optional, for comparison. */
    results: z.unknown().optional(),
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
});
export type ExportedBundle = z.output<typeof exportedBundleSchema>;

export function bundleJsonSchema(): unknown {
  return z.toJSONSchema(bundleSchema, { io: 'input', target: 'draft-2020-12' });
}
