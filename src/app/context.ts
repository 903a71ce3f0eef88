/** What every use case receives: dependencies passed in, never imported as singletons. */
import type { Database } from '../db/database.js';
import type { BallotFeed } from './ballot-feed.js';

export interface AppContext {
  database: Database;
  clock: () => Date;
  /** Fires after ballots are committed (see ballot-feed.ts); made on first use by `ballotFeed(ctx)`. */
  ballotFeed?: BallotFeed;
}

export function nowIso(ctx: AppContext): string {
  return ctx.clock().toISOString();
}
