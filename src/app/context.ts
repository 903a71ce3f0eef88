/** What every use case receives: dependencies passed in, never imported as singletons. */
import type { Database } from '../db/database.js';

export interface AppContext {
  database: Database;
  clock: () => Date;
}

export function nowIso(ctx: AppContext): string {
  return ctx.clock().toISOString();
}
