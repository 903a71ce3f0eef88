/**
 * What every use case receives: dependencies passed in, never imported as singletons. `createAppContext` builds each
 * shared service once, so every way into the application (server, CLI, tests, benchmarks) gets the same wiring.
 */
import type { Database } from '../db/database.js';
import { BallotFeed } from './kernel/ballot-feed.js';
import { BallotWriter } from './kernel/ballot-writer.js';
import { CheckinFeed } from './kernel/checkin-feed.js';
import { DefinitionCache, type DefinitionCacheOptions } from './kernel/definition-cache.js';
import { DiskFileStore, temporaryFileStore, type FileStore } from './kernel/file-store.js';
import { databaseTallySource, ResultsCache, type ResultsCacheOptions } from './kernel/results-cache.js';
import { TokenLookup } from './kernel/token-lookup.js';
import { ClassCache } from './training/class-cache.js';
import { CheckinWriter } from './training/checkin-writer.js';

export interface AppContext {
  readonly database: Database;
  readonly clock: () => Date;
  /** Fires after ballots are committed (kernel/ballot-feed.ts): the big screen and the results cache listen. */
  readonly ballotFeed: BallotFeed;
  /** Fires after a check-in is stored (kernel/checkin-feed.ts): attendance streams and venue screens listen. */
  readonly checkinFeed: CheckinFeed;
  /** Online ballots' group-commit writer (kernel/ballot-writer.ts). */
  readonly ballotWriter: BallotWriter;
  /** Definitions kept for ballot checks (kernel/definition-cache.ts). */
  readonly definitions: DefinitionCache;
  /** Token look-ups of one event-loop turn in one query (kernel/token-lookup.ts). */
  readonly tokens: TokenLookup;
  /** Tallies kept between reads and kept current as ballots are stored (kernel/results-cache.ts). */
  readonly results: ResultsCache;
  /** The training class's check-in path: classes kept briefly, check-ins written in shared transactions. */
  readonly training: { readonly classes: ClassCache; readonly checkins: CheckinWriter };
  /** 公开地址 from the environment (LEITAI_PUBLIC_URL), as an origin, or null; a stored setting overrides it (app/settings). */
  readonly environmentPublicUrl: string | null;
  /** Uploaded documents' bytes, by sha-256 (kernel/file-store.ts). */
  readonly files: FileStore;
}

export interface AppContextOptions {
  /** Default: the wall clock. */
  clock?: () => Date;
  /**
   * Default: a group-commit writer on this thread. A server passes `createBallotWriter(database)`, which commits on a
   * thread of its own on a SQLite file; it must then close the writer when it stops.
   */
  ballotWriter?: BallotWriter;
  definitions?: DefinitionCacheOptions;
  results?: ResultsCacheOptions;
  /** config.publicUrl: the public address the environment names (default none). */
  publicUrl?: string | null;
  /**
   * Where uploaded files are kept: `<dataDir>/files` on a server and in the CLI. Default: a fresh directory under the
   * system's temp dir, for contexts that store no lasting files (tests that do not look, benchmarks).
   */
  filesDir?: string;
  /** A store of another kind (one day S3-compatible); wins over filesDir. */
  files?: FileStore;
}

export function createAppContext(database: Database, options: AppContextOptions = {}): AppContext {
  const ballotFeed = new BallotFeed();
  const ballotWriter = options.ballotWriter ?? new BallotWriter(database.db);
  const thread = ballotWriter.thread;
  const clock = options.clock ?? (() => new Date());
  const results = new ResultsCache(databaseTallySource(database.db), options.results);
  ballotFeed.on((event) => results.heard(event));
  return {
    database,
    clock,
    ballotFeed,
    checkinFeed: new CheckinFeed(),
    ballotWriter,
    definitions: new DefinitionCache(database.db, options.definitions),
    tokens: new TokenLookup(database),
    results,
    training: { classes: new ClassCache(database.db, () => clock().getTime()), checkins: new CheckinWriter(database.db, thread ? (rows, devices) => thread.storeCheckins(rows, devices) : undefined) },
    environmentPublicUrl: options.publicUrl ?? null,
    files: options.files ?? (options.filesDir ? new DiskFileStore(options.filesDir) : temporaryFileStore()),
  };
}

export function nowIso(ctx: AppContext): string {
  return ctx.clock().toISOString();
}

/** Drops everything this process keeps of the database (after it may have missed other servers' changes). */
export function refreshCaches(ctx: AppContext): void {
  ctx.results.forgetAll();
  ctx.definitions.forget();
  ctx.training.classes.forgetAll();
}
