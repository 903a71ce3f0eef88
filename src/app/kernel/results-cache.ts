/**
 * 结果缓存: each campaign's tally kept open between reads (a few campaigns at a time), and kept current by adding the
 * ballots stored since instead of counting the campaign again. A province tally (150,000 ballots) takes 1–2 s from
 * scratch; during a room of 21,000 raters a read must answer within 200 ms, so only a change that is not a pure
 * append counts again.
 *
 * Still computed from the ballots, never stored. A kept tally (a RunningTally, src/domain/tally.ts) is used only while
 * the definition read fresh on this call is the same as the one it was counted with (sessions opened or closed,
 * issued/present counts, weights, units: all of it, compared as canonical JSON); otherwise the campaign is counted
 * again. What the ballot feed says (kernel/ballot-feed.ts):
 *  - ballots this server stored, with their rows: kept aside and added on the next read (or once a thousand wait);
 *  - ballots another server stored, named by the change relay with their ids: on the next read those ids are read by
 *    primary key and added;
 *  - ballots another server stored in a session the relay names without ids (a window too full, an older server), or
 *    whose announcement may have been lost (a server killed between its commit and its NOTIFY): the session's
 *    ballots are counted per id prefix in the database — the ballots of one commit share one (decision 0009) — and
 *    the ballots of every prefix with more ballots there than counted here are read and added. A session announced
 *    with ids is also counted so, but at most every `countGapMs`. Ballots carry no time and no sequence; a ballot
 *    heard of twice (its row, then a read) counts once (RunningTally skips a known id);
 *  - anything else — a revision, a ballot in a closed session, a writer that does not know the session — counts the
 *    campaign again from scratch.
 * A read never waits for that work while the ballots it has not yet seen were announced at most STALE_MS ago: it
 * answers with what is counted so far (while other servers' ballots are fetched) or, for a campaign of at least `staleFromBallots` ballots, with the
 * last finished tally (while the campaign is counted again; a smaller one is counted again before the read answers,
 * so a read after a revision or a close sees it). So another server's ballot shows within STALE_MS plus one fetch — inside the
 * second two servers promise — and a read during a burst costs one finish, not a count. A campaign that large is also
 * finished at most every `finishGapMs`: reads in between share the last finish, never with anything announced more
 * than STALE_MS before it missing.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../../db/database.js';
import { countBallotsByIdPrefix, listBallotsForTally, listBallotsForTallyByIdPrefix, listBallotsForTallyByIds } from '../../db/repositories/tally-ballots.js';
import type { PresentedTally } from '../../domain/present.js';
import type { Tally } from '../../domain/results.js';
import { RunningTally } from '../../domain/tally.js';
import type { Ballot, CampaignDefinition } from '../../domain/types.js';
import type { BallotsStored } from './ballot-feed.js';
import { COMMIT_PREFIX_LENGTH } from './secrets.js';

/** A province tally holds millions of values: keep only the few campaigns being looked at. */
const MAX_ENTRIES = 4;
/**
 * This server's stored ballots wait for the next read, but no more than this many: then they are added at once, so a
 * campaign opened once and not read again does not keep a room's rows alive (~10 ms of adding per thousand ballots).
 */
const ADD_AT = 1000;
/** While the campaign is being counted again they cannot be added; past this many it is counted again after. */
const MAX_PENDING = 100_000;

/** Where a tally's ballots come from: the database (databaseTallySource), or a test's own. */
export interface TallySource {
  /** Every ballot of the campaign, for a count from scratch. */
  all(def: CampaignDefinition): Promise<Ballot[]>;
  /** Per session, how many ballots it holds per id prefix (the first COMMIT_PREFIX_LENGTH characters). */
  countByPrefix(campaignId: string, sessionIds: readonly string[]): Promise<Map<string, Map<string, number>>>;
  /** The ballots of one session whose ids start with one of the prefixes. */
  withPrefixes(def: CampaignDefinition, sessionId: string, prefixes: readonly string[]): Promise<Ballot[]>;
  /** The campaign's ballots with these ids (those found). */
  withIds(def: CampaignDefinition, ids: readonly string[]): Promise<Ballot[]>;
}

export function databaseTallySource(db: Db): TallySource {
  return {
    all: (def) => listBallotsForTally(db, def.id, def.instruments),
    countByPrefix: (campaignId, sessionIds) => countBallotsByIdPrefix(db, campaignId, sessionIds, COMMIT_PREFIX_LENGTH),
    withPrefixes: (def, sessionId, prefixes) => listBallotsForTallyByIdPrefix(db, def.id, def.instruments, sessionId, prefixes, COMMIT_PREFIX_LENGTH),
    withIds: (def, ids) => listBallotsForTallyByIds(db, def.id, def.instruments, ids),
  };
}

export interface ResultsCacheOptions {
  /**
   * How long ago the oldest ballot not yet counted may have been announced for a read to answer without waiting for
   * it. Default 500 ms: with the relay's 20 ms and one fetch, well within the second two servers promise.
   */
  staleMs?: number;
  /**
   * Fetches of other servers' ballots start at most this often per campaign, however often results are read. Default
   * 250 ms: counting a session of 42,000 ballots per prefix takes PostgreSQL ~25 ms, and a read during the fetch (or
   * the gap) does not wait for it anyway.
   */
  catchUpGapMs?: number;
  /**
   * A session whose ballots are announced with their ids is still counted per prefix at most this often while they
   * come, so ballots whose announcement was lost show at most this long after the next one. Default 2,000 ms: the
   * count reads the whole session (~25–40 ms of PostgreSQL at 42,000 ballots), the ids only the ballots announced.
   */
  countGapMs?: number;
  /**
   * A recount is waited for — a read after a write sees the write — unless the last finished tally counted at least
   * this many ballots: only then does a read answer with it (for at most `staleMs`) while the count runs behind it.
   * Default 20,000: a city's campaign is counted again in well under 200 ms, and a province's takes seconds.
   */
  staleFromBallots?: number;
  /**
   * A campaign of at least `staleFromBallots` ballots is finished (its running tally turned into results) at most this
   * often; reads in between answer the last finish, as long as nothing it lacks was announced more than `staleMs` ago.
   * Default 250 ms: at 21,000 raters a finish is ~3 ms, and an office polling during the burst asked for one per read.
   */
  finishGapMs?: number;
  /** Milliseconds, monotonic (tests pass their own). */
  now?: () => number;
}

interface Finished {
  version: number;
  tally: Tally;
  presented: PresentedTally | null;
  /** `presented` as JSON text, written once per finish for the reads that send it whole. */
  json: string | null;
}

/** One per context (createAppContext), which passes it every ballot feed event (`heard`). */
export class ResultsCache {
  readonly #source: TallySource;
  readonly #options: Required<ResultsCacheOptions>;
  readonly #entries = new Map<string, CampaignResults>();

  constructor(source: TallySource, options: ResultsCacheOptions = {}) {
    this.#source = source;
    this.#options = {
      staleMs: options.staleMs ?? 500,
      catchUpGapMs: options.catchUpGapMs ?? 250,
      countGapMs: options.countGapMs ?? 2000,
      staleFromBallots: options.staleFromBallots ?? 20_000,
      finishGapMs: options.finishGapMs ?? 250,
      now: options.now ?? (() => performance.now()),
    };
  }

  /** Drops every kept tally (after this server may have missed changes). */
  forgetAll(): void {
    this.#entries.clear();
  }

  /** A ballot feed event: ballots were stored, here or on another server. */
  heard(event: BallotsStored): void {
    for (const entry of this.#entries.values()) entry.heard(event);
  }

  /**
   * The campaign's tally. Callers get a shallow copy: they may replace its top-level lists (a viewer's filter does)
   * but must not change what the lists hold.
   */
  async tally(def: CampaignDefinition): Promise<Tally> {
    return { ...(await this.#entry(def).read()).tally };
  }

  /** The office's (unfiltered) presented tally of the same finish, presented once. */
  async presented(def: CampaignDefinition, present: (tally: Tally) => PresentedTally): Promise<PresentedTally> {
    const finished = await this.#entry(def).read();
    return (finished.presented ??= present({ ...finished.tally }));
  }

  /**
   * The same with its JSON text, written once per finish: during a room the office's results page asks several times
   * a second for what is, between two finishes, the same 1–4 MB (JSON.stringify: ~1.5 ms at 21,000 raters).
   */
  async presentedJson(def: CampaignDefinition, present: (tally: Tally) => PresentedTally): Promise<{ value: PresentedTally; json: string }> {
    const finished = await this.#entry(def).read();
    const value = (finished.presented ??= present({ ...finished.tally }));
    return { value, json: (finished.json ??= JSON.stringify(value)) };
  }

  /** Counts the campaign again from every ballot in the database now (a publication), and keeps that count. */
  async recount(def: CampaignDefinition): Promise<Tally> {
    const entry = new CampaignResults(def, JSON.stringify(def), this.#source, this.#options);
    this.#keep(def.id, entry);
    return { ...(await entry.read()).tally };
  }

  #entry(def: CampaignDefinition): CampaignResults {
    const key = JSON.stringify(def);
    const found = this.#entries.get(def.id);
    const entry = found && found.key === key ? found : new CampaignResults(def, key, this.#source, this.#options);
    this.#keep(def.id, entry);
    return entry;
  }

  /** Most recently used last, so the oldest is the one dropped. */
  #keep(campaignId: string, entry: CampaignResults): void {
    this.#entries.delete(campaignId);
    this.#entries.set(campaignId, entry);
    while (this.#entries.size > MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

interface Work {
  kind: 'recount' | 'catch-up';
  /** When the oldest change this work brings in was announced (null: nothing to serve meanwhile). */
  since: number | null;
  done: Promise<void>;
}

/** One campaign's running tally under one definition. */
class CampaignResults {
  readonly def: CampaignDefinition;
  readonly key: string;
  readonly #source: TallySource;
  readonly #options: Required<ResultsCacheOptions>;
  /** Session id → whether it is closed, for the sessions of this definition. */
  readonly #closed: Map<string, boolean>;
  #running: RunningTally | null = null;
  /** Ballots counted per open (or draft) session and id prefix. */
  #prefixes = new Map<string, Map<string, number>>();
  /** This server's stored ballots, not yet added, and since when. */
  #pending: Ballot[] = [];
  #pendingSince: number | null = null;
  /** When the oldest change counted but not yet finished was announced (null: the last finish has everything). */
  #unfinishedSince: number | null = null;
  #finishedAt = Number.NEGATIVE_INFINITY;
  /** Sessions another server stored ballots in, to count per prefix; and ids it announced, not yet read. Since when. */
  readonly #dirty = new Set<string>();
  readonly #wanted = new Set<string>();
  #dirtySince: number | null = null;
  /** When the last count of the whole campaign or of sessions per prefix started. */
  #lastCount = Number.NEGATIVE_INFINITY;
  #needsRecount = true;
  #recountSince: number | null = null;
  #work: Work | null = null;
  #lastCatchUp = Number.NEGATIVE_INFINITY;
  #version = 0;
  #finished: Finished | null = null;

  constructor(def: CampaignDefinition, key: string, source: TallySource, options: Required<ResultsCacheOptions>) {
    this.def = def;
    this.key = key;
    this.#source = source;
    this.#options = options;
    this.#closed = new Map(def.sessions.map((s) => [s.id, s.status === 'closed']));
  }

  heard(event: BallotsStored): void {
    const closed = event.sessionId === null ? true : this.#closed.get(event.sessionId);
    // Another campaign's session, or one this definition does not have yet (the next read's differs: counted again).
    if (closed === undefined) return;
    if (event.sessionId === null || event.revised || closed) {
      this.#markRecount();
      return;
    }
    if (!event.remote && event.ballots) {
      this.#pendingSince ??= this.#options.now();
      for (const b of event.ballots) this.#pending.push(b);
      if (this.#pending.length >= ADD_AT) this.#addPending();
      if (this.#pending.length > MAX_PENDING) {
        this.#pending = [];
        this.#pendingSince = null;
        this.#markRecount();
      }
      return;
    }
    const now = this.#options.now();
    if (event.ballotIds) {
      for (const id of event.ballotIds) if (!this.#running?.has(id)) this.#wanted.add(id);
      if (now - this.#lastCount >= this.#options.countGapMs) this.#dirty.add(event.sessionId);
    } else this.#dirty.add(event.sessionId);
    this.#dirtySince ??= now;
  }

  async read(): Promise<Finished> {
    for (;;) {
      const now = this.#options.now();
      const oldest = minOf(this.#work?.since ?? null, minOf(this.#recountSince, this.#dirtySince));
      const fresh = oldest === null || now - oldest <= this.#options.staleMs;
      if (!this.#work) this.#startWork(now, !fresh);
      const work = this.#work as Work | null;
      if (work === null || (work.kind === 'catch-up' && fresh)) return this.#finish();
      const big = this.#finished !== null && this.#finished.tally.ballots.total >= this.#options.staleFromBallots;
      if (work.kind === 'recount' && fresh && big) return this.#finished!;
      await work.done;
    }
  }

  #markRecount(): void {
    this.#needsRecount = true;
    this.#recountSince ??= this.#options.now();
  }

  #startWork(now: number, late: boolean): void {
    if (this.#needsRecount) this.#startRecount();
    else if ((this.#dirty.size > 0 || this.#wanted.size > 0) && (late || now - this.#lastCatchUp >= this.#options.catchUpGapMs)) this.#startCatchUp(now);
  }

  #run(kind: Work['kind'], since: number | null, job: () => Promise<void>, onError: () => void): void {
    const work: Work = { kind, since, done: Promise.resolve() };
    work.done = job()
      .catch((error: unknown) => {
        onError();
        throw error;
      })
      .finally(() => {
        if (this.#work === work) this.#work = null;
      });
    // A reader that awaits it gets the error; nobody else needs to.
    work.done.catch(() => undefined);
    this.#work = work;
  }

  /** Every ballot announced so far is in what this reads; the ones this server stores meanwhile wait in #pending. */
  #startRecount(): void {
    const since = minOf(this.#recountSince, this.#dirtySince);
    this.#needsRecount = false;
    this.#recountSince = null;
    this.#dirty.clear();
    this.#wanted.clear();
    this.#dirtySince = null;
    this.#lastCount = this.#options.now();
    this.#run('recount', since, async () => {
      const ballots = await this.#source.all(this.def);
      this.#running = new RunningTally(this.def, ballots);
      this.#prefixes = new Map([...this.#closed].filter(([, closed]) => !closed).map(([id]) => [id, new Map()]));
      this.#countPrefixes(ballots);
      this.#changed(since);
    }, () => {
      this.#needsRecount = true;
      this.#recountSince = minOf(this.#recountSince, since);
    });
  }

  /**
   * The announced ids are read by primary key. For the sessions to count, what the database holds per prefix is
   * compared with what was counted when the count was asked for: everything counted then was committed before, so a
   * prefix with as many ballots there as here holds no other ballot.
   */
  #startCatchUp(now: number): void {
    this.#lastCatchUp = now;
    const sessions = [...this.#dirty];
    const ids = [...this.#wanted];
    const since = this.#dirtySince;
    this.#dirty.clear();
    this.#wanted.clear();
    this.#dirtySince = null;
    if (sessions.length > 0) this.#lastCount = now;
    this.#addPending();
    this.#run('catch-up', since, async () => {
      const unknown = ids.filter((id) => !this.#running?.has(id));
      if (unknown.length > 0) this.#add(await this.#source.withIds(this.def, unknown), since);
      if (sessions.length === 0) return;
      // Taken before the count is asked for, after the ids were added: a prefix they complete is not read again.
      const counted = new Map(sessions.map((s) => [s, new Map(this.#prefixes.get(s))]));
      const inDatabase = await this.#source.countByPrefix(this.def.id, sessions);
      const found: Ballot[] = [];
      for (const sessionId of sessions) {
        const here = counted.get(sessionId)!;
        const wanted: string[] = [];
        for (const [prefix, n] of inDatabase.get(sessionId) ?? []) if (n > (here.get(prefix) ?? 0)) wanted.push(prefix);
        if (wanted.length > 0) found.push(...(await this.#source.withPrefixes(this.def, sessionId, wanted)));
      }
      this.#add(found, since);
    }, () => {
      for (const s of sessions) this.#dirty.add(s);
      for (const id of ids) this.#wanted.add(id);
      this.#dirtySince = minOf(this.#dirtySince, since);
    });
  }

  #addPending(): void {
    if (this.#pending.length === 0 || this.#running === null || this.#work?.kind === 'recount') return;
    const pending = this.#pending;
    const since = this.#pendingSince;
    this.#pending = [];
    this.#pendingSince = null;
    this.#add(pending, since);
  }

  /** `since`: when the ballots were announced (null: unknown, taken as now). */
  #add(ballots: readonly Ballot[], since: number | null): void {
    const running = this.#running;
    if (running === null || ballots.length === 0) return;
    // Once each: a catch-up may find a ballot both by its id and by its prefix.
    const seen = new Set<string>();
    const fresh = ballots.filter((b) => !running.has(b.id) && !seen.has(b.id) && seen.add(b.id));
    if (fresh.length === 0) return;
    if (running.add(fresh) === 'recount') {
      this.#markRecount();
      return;
    }
    this.#countPrefixes(fresh);
    this.#changed(since);
  }

  #changed(since: number | null): void {
    this.#version++;
    this.#unfinishedSince = minOf(this.#unfinishedSince, since ?? this.#options.now());
  }

  #countPrefixes(ballots: readonly Ballot[]): void {
    for (const b of ballots) {
      const counts = b.sessionId === null ? undefined : this.#prefixes.get(b.sessionId);
      if (!counts) continue;
      const prefix = b.id.slice(0, COMMIT_PREFIX_LENGTH);
      counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
    }
  }

  #finish(): Finished {
    this.#addPending();
    if (this.#running === null) throw new Error('no tally counted yet');
    const last = this.#finished;
    if (last?.version === this.#version) return last;
    const now = this.#options.now();
    const hold =
      last !== null &&
      last.tally.ballots.total >= this.#options.staleFromBallots &&
      now - this.#finishedAt < this.#options.finishGapMs &&
      this.#unfinishedSince !== null &&
      now - this.#unfinishedSince <= this.#options.staleMs;
    if (hold) return last;
    this.#finished = { version: this.#version, tally: this.#running.finish(), presented: null, json: null };
    this.#finishedAt = now;
    this.#unfinishedSince = null;
    return this.#finished;
  }
}

function minOf(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}
