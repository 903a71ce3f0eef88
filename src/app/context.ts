/** What every use case receives: dependencies passed in, never imported as singletons. */
import type { Database } from '../db/database.js';
import type { BallotWriter } from './ballot-writer.js';
import type { DefinitionCache } from './definition-cache.js';
import type { BallotFeed } from './ballot-feed.js';

export interface AppContext {
  database: Database;
  clock: () => Date;
  /** Fires after ballots are committed (see ballot-feed.ts); made on first use by `ballotFeed(ctx)`. */
  ballotFeed?: BallotFeed;
  /** Online ballots' group-commit writer; absent: one shared per database (ballot-writer.ts). */
  ballotWriter?: BallotWriter;
  /** Definitions kept for ballot checks; absent: one shared per database (definition-cache.ts). */
  definitions?: DefinitionCache;
}

export function nowIso(ctx: AppContext): string {
  return ctx.clock().toISOString();
}
