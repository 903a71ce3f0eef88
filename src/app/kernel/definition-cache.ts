/**
 * What a ballot check needs of a campaign, kept between submissions: loading a whole definition per ballot costs
 * more than storing the ballot.
 *
 * Cached, per campaign: the definition index (units of the campaign's tree, subjects, rater groups, instruments,
 * rankings) and each session's fixed parts (id, name, instruments, agenda) — only once the campaign is no longer a
 * draft, because from then on its set-up cannot change (campaigns/require-draft refuses). Exact without invalidation:
 *  - sessions are added, never re-planned: a token of a session the cache does not know reloads it;
 *  - units are added, never moved: a token bound to a unit the cache does not know reloads it.
 * NOT to be read from the cache: a session's status (a snapshot: callers re-read anything but 'open', and storing
 * re-checks 'open' in its transaction), issued/present/expected counts (tokens change them, ballot checks do not
 * use them), token status. Entries also expire after `maxAgeMs` as a bound on anything not foreseen here, and
 * `forget` drops them explicitly.
 */
import { notFound } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { getCampaign } from '../../db/repositories/campaigns.js';
import { loadDefinition } from '../../db/repositories/definition.js';
import { listSessions, type SessionRecord } from '../../db/repositories/sessions.js';
import { indexDefinition, type DefinitionIndex } from '../../domain/definition-index.js';

export interface SheetSetup {
  index: DefinitionIndex;
  /** The session as loaded; its `status` is a snapshot (see above). */
  session: SessionRecord;
}

interface Entry {
  index: DefinitionIndex;
  sessions: Map<string, SessionRecord>;
  /** false for a draft campaign, whose set-up may still change: used for the calls that shared its load only. */
  keep: boolean;
}

export interface DefinitionCacheOptions {
  /** false: load everything on every call (the naive path, for comparison). Default true. */
  enabled?: boolean;
  /** Entries are dropped this long after loading. Default 60 s. */
  maxAgeMs?: number;
}

export class DefinitionCache {
  readonly #db: Db;
  readonly #enabled: boolean;
  readonly #maxAgeMs: number;
  readonly #entries = new Map<string, Promise<Entry>>();

  constructor(db: Db, options: DefinitionCacheOptions = {}) {
    this.#db = db;
    this.#enabled = options.enabled ?? true;
    this.#maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  /** The index and session a sheet of `sessionId` (bound to `boundUnitId`) is built and checked against. */
  async forSheet(campaignId: string, sessionId: string, boundUnitId: string | null): Promise<SheetSetup> {
    let entry = await this.#get(campaignId);
    const known = (e: Entry) => e.sessions.has(sessionId) && (boundUnitId === null || e.index.units.has(boundUnitId));
    if (!known(entry)) {
      this.forget(campaignId);
      entry = await this.#get(campaignId);
    }
    const session = entry.sessions.get(sessionId);
    if (!session) throw notFound('session', sessionId);
    return { index: entry.index, session };
  }

  /** Drops one campaign's entry, or all. */
  forget(campaignId?: string): void {
    if (campaignId === undefined) this.#entries.clear();
    else this.#entries.delete(campaignId);
  }

  #get(campaignId: string): Promise<Entry> {
    const cached = this.#entries.get(campaignId);
    if (cached) return cached;
    const loading = this.#load(campaignId);
    if (!this.#enabled) return loading;
    // Concurrent first submissions share one load; a failed load is not kept.
    this.#entries.set(campaignId, loading);
    loading.then(
      (entry) => {
        if (!entry.keep) this.#entries.delete(campaignId);
        else setTimeout(() => this.#entries.get(campaignId) === loading && this.#entries.delete(campaignId), this.#maxAgeMs).unref();
      },
      () => this.#entries.get(campaignId) === loading && this.#entries.delete(campaignId),
    );
    return loading;
  }

  async #load(campaignId: string): Promise<Entry> {
    const [campaign, def, sessions] = await Promise.all([getCampaign(this.#db, campaignId), loadDefinition(this.#db, campaignId), listSessions(this.#db, campaignId)]);
    if (!campaign || !def) throw notFound('campaign', campaignId);
    return { index: indexDefinition(def), sessions: new Map(sessions.map((s) => [s.id, s])), keep: campaign.status !== 'draft' };
  }
}
