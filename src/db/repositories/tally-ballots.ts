/**
 * The tally's read of a campaign's ballots, and the sealing of a closed session's ballots into one segment row
 * (tables/ballot-segments.ts) that makes that read cheap: a province is 150,000 ballot rows but a few hundred
 * sessions. A segment is only a copy: it is used when the session still has exactly the ballots it was sealed with
 * (ballots are append-only, so the same count means the same ballots); otherwise the session's rows are read.
 * Either way the tally re-applies every rule to every ballot.
 */
import { unpackRatingsAt } from '../ballot-codec.js';
import type { Db } from '../database.js';
import { sqliteRawRows } from '../dialect/index.js';
import { sql } from 'kysely';
import { decodeSegment, encodeSegment, type SegmentRow, type SegmentSink } from '../segment-codec.js';
import { tourCountingBallots } from '../../domain/tours/counting.js';
import type { Ballot, CampaignDefinition, Instrument, Rating } from '../../domain/types.js';
import { chunk, toCount } from './shared.js';
import { loadToursForCounting } from './tour-sheets.js';

const COLUMNS = ['id', 'instrument_id', 'rater_group_id', 'rater_name', 'bound_unit_id', 'session_id', 'sheet_id', 'channel', 'packed'] as const;
type HeaderRow = [string, string, string, string | null, string | null, string | null, string, Ballot['channel'], Uint8Array | null];

/**
 * Seals the session's ballots into a segment (called when the session closes, in its transaction). Idempotent: a
 * segment with the same ballot count is already the same ballots.
 */
export async function sealSessionBallots(db: Db, campaignId: string, sessionId: string): Promise<number> {
  const rows = await db
    .selectFrom('ballots')
    .select(['id', 'instrument_id', 'rater_group_id', 'rater_name', 'bound_unit_id', 'sheet_id', 'channel', 'packed'])
    .where('campaign_id', '=', campaignId)
    .where('session_id', '=', sessionId)
    .orderBy('id')
    .execute();
  if (rows.length === 0) return 0;
  const segment = encodeSegment(
    rows.map((r): SegmentRow => ({
      id: r.id,
      instrumentId: r.instrument_id,
      raterGroupId: r.rater_group_id,
      raterName: r.rater_name,
      boundUnitId: r.bound_unit_id,
      sheetId: r.sheet_id,
      channel: r.channel,
      packed: r.packed === null ? null : new Uint8Array(r.packed),
    })),
  );
  await db
    .insertInto('ballot_segments')
    .values({ campaign_id: campaignId, session_id: sessionId, ballot_count: rows.length, strings: segment.strings, body: segment.body })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return rows.length;
}

/** Collects domain Ballots; ballots whose packed ratings cannot be used are remembered for their JSON. */
class Collector implements SegmentSink {
  readonly ballots: Ballot[] = [];
  readonly unpacked: number[] = [];
  private readonly byId: Map<string, Instrument>;
  private sessionId: string | null = null;
  private lastId: string | null = null;
  private lastInstrument: Instrument | undefined = undefined;

  constructor(instruments: readonly Instrument[]) {
    this.byId = new Map(instruments.map((i) => [i.id, i]));
  }

  forSession(sessionId: string): this {
    this.sessionId = sessionId;
    return this;
  }

  ballot(id: string, instrumentId: string, raterGroupId: string, raterName: string | null, boundUnitId: string | null, sheetId: string, channel: Ballot['channel'], packed: DataView, offset: number, length: number): void {
    // A segment's strings come from one dictionary, so the same instrument is the same string: no look-up.
    if (instrumentId !== this.lastId) {
      this.lastId = instrumentId;
      this.lastInstrument = this.byId.get(instrumentId);
    }
    const instrument = this.lastInstrument;
    const ratings = offset >= 0 && instrument ? unpackRatingsAt(instrument, packed, offset, length) : null;
    this.push({ id, instrumentId, raterGroupId, raterName, boundUnitId, sessionId: this.sessionId, sheetId, channel, ratings: ratings ?? [] }, ratings === null);
  }

  row(r: HeaderRow): void {
    const instrument = this.byId.get(r[1]);
    const bytes = r[8];
    const ratings = bytes !== null && instrument ? unpackRatingsAt(instrument, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), 0, bytes.byteLength) : null;
    this.push({ id: r[0], instrumentId: r[1], raterGroupId: r[2], raterName: r[3], boundUnitId: r[4], sessionId: r[5], sheetId: r[6], channel: r[7], ratings: ratings ?? [] }, ratings === null);
  }

  private push(ballot: Ballot, needsJson: boolean): void {
    if (needsJson) this.unpacked.push(this.ballots.length);
    this.ballots.push(ballot);
  }
}

interface SegmentView {
  /** Sessions whose sealed segment still holds exactly their ballots, with that segment. */
  fresh: { sessionId: string; count: number; strings: string; body: Uint8Array }[];
  /** Every session that has ballots of the campaign. */
  withBallots: string[];
}

async function segmentView(db: Db, campaignId: string): Promise<SegmentView> {
  const segments = await db
    .selectFrom('ballot_segments')
    .select(['session_id', 'ballot_count', 'strings', 'body'])
    .where('campaign_id', '=', campaignId)
    .execute();
  if (segments.length === 0) return { fresh: [], withBallots: [] };
  // Every non-null session_id is a session (foreign key), so this counts every ballot outside "session_id is null";
  // through the session index (covering on SQLite): ~20 ms for a province, against ~150 ms over the campaign's rows.
  const counts = await db
    .selectFrom('ballots')
    .select(['session_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('campaign_id', '=', campaignId)
    .where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id'))
    .groupBy('session_id')
    .execute();
  const current = new Map(counts.map((c) => [c.session_id!, toCount(c.n)]));
  const fresh = new Map<string, SegmentView['fresh'][number]>();
  for (const s of segments) {
    if (toCount(s.ballot_count) === current.get(s.session_id)) fresh.set(s.session_id, { sessionId: s.session_id, count: toCount(s.ballot_count), strings: s.strings, body: s.body });
  }
  return { fresh: [...fresh.values()], withBallots: [...current.keys()] };
}

async function headerRows(db: Db, campaignId: string, where: string, params: unknown[], kysely: () => Promise<HeaderRow[]>): Promise<HeaderRow[]> {
  const native = await sqliteRawRows(db, `select ${COLUMNS.join(', ')} from ballots where campaign_id = ?${where} order by id`, [campaignId, ...params]);
  return (native as HeaderRow[] | null) ?? (await kysely());
}

function fromKysely(rows: { id: string; instrument_id: string; rater_group_id: string; rater_name: string | null; bound_unit_id: string | null; session_id: string | null; sheet_id: string; channel: Ballot['channel']; packed: Uint8Array | null }[]): HeaderRow[] {
  return rows.map((r) => [r.id, r.instrument_id, r.rater_group_id, r.rater_name, r.bound_unit_id, r.session_id, r.sheet_id, r.channel, r.packed]);
}

/**
 * Every ballot of a campaign as domain Ballots, for the tally: sealed sessions from their segments, every other
 * ballot from its lean row (on SQLite as native row arrays); packed ratings decoded against the instruments (the same
 * Rating objects the JSON holds — see ballot-codec.ts), and only ballots that were not packed, or whose instrument's
 * dictionary changed, read from their JSON. The order (by session, then by random id) says nothing about when
 * ballots were cast; the tally orders them by id itself.
 */
export async function listBallotsForTally(db: Db, campaignId: string, instruments: readonly Instrument[]): Promise<Ballot[]> {
  const collector = new Collector(instruments);
  const sealed = new Set<string>();
  const view = await segmentView(db, campaignId);
  for (const s of view.fresh) {
    try {
      decodeSegment(s, s.count, collector.forSession(s.sessionId));
      sealed.add(s.sessionId);
    } catch {
      // A malformed segment is not used; its session is read from its rows below.
    }
  }
  const base = () => db.selectFrom('ballots').select(COLUMNS).where('campaign_id', '=', campaignId);
  if (sealed.size === 0) {
    for (const r of await headerRows(db, campaignId, '', [], async () => fromKysely(await base().orderBy('id').execute()))) collector.row(r);
  } else {
    // The sessions that are not sealed (open, or given a ballot after sealing), and ballots outside any session.
    const unsealed = view.withBallots.filter((id) => !sealed.has(id));
    for (const part of chunk(unsealed, 1, 1000)) {
      const marks = part.map(() => '?').join(', ');
      const rows = await headerRows(db, campaignId, ` and session_id in (${marks})`, part, async () => fromKysely(await base().where('session_id', 'in', part).orderBy('id').execute()));
      for (const r of rows) collector.row(r);
    }
    const loose = await headerRows(db, campaignId, ' and session_id is null', [], async () => fromKysely(await base().where('session_id', 'is', null).orderBy('id').execute()));
    for (const r of loose) collector.row(r);
  }

  const ballots = await withUnpackedRatings(db, campaignId, collector, true);
  for (const b of await tourBallots(db, campaignId, instruments)) ballots.push(b);
  return ballots;
}

/** The collected ballots, those that were not packed given their ratings from their JSON (`all`: read it whole when most need it). */
async function withUnpackedRatings(db: Db, campaignId: string, collector: Collector, all: boolean): Promise<Ballot[]> {
  const { ballots, unpacked } = collector;
  if (unpacked.length > 0) {
    const json = await ratingsJson(db, campaignId, all && unpacked.length * 2 > ballots.length ? null : unpacked.map((i) => ballots[i]!.id));
    for (const i of unpacked) {
      const text = json.get(ballots[i]!.id);
      if (text === undefined) throw new Error(`ballot ${ballots[i]!.id} has no contents`);
      ballots[i]!.ratings = JSON.parse(text) as Rating[];
    }
  }
  return ballots;
}

/**
 * 观摩: the counting ballots of the campaign's tours (domain/tours/counting.ts) — each observer's latest sheet per stop,
 * and review meetings' scores where they count. A campaign without tours costs one empty query.
 */
async function tourBallots(db: Db, campaignId: string, instruments: readonly Instrument[]): Promise<Ballot[]> {
  const tours = await loadToursForCounting(db, campaignId);
  if (tours.length === 0) return [];
  const reviewed = tours.filter((t) => t.reviewGroupId !== null && t.reviews.some((r) => r.score !== null));
  // Only review meetings need more of the definition: the review group's mode, the sites' counties, the counties' names.
  const def: Pick<CampaignDefinition, 'instruments' | 'raterGroups' | 'subjects' | 'units'> = { instruments: [...instruments], raterGroups: [], subjects: [], units: [] };
  if (reviewed.length > 0) {
    const [groups, subjects, units] = await Promise.all([
      db.selectFrom('rater_groups').select(['id', 'name', 'mode']).where('campaign_id', '=', campaignId).execute(),
      db.selectFrom('subjects').select(['id', 'kind', 'unit_id', 'name']).where('campaign_id', '=', campaignId).where('kind', '=', 'site').execute(),
      db.selectFrom('units').select(['id', 'code', 'name', 'level', 'parent_id']).where('id', 'in', [...new Set(reviewed.flatMap((t) => t.reviews.map((r) => r.unitId)))]).execute(),
    ]);
    def.raterGroups = groups;
    def.subjects = subjects.map((s) => ({ id: s.id, kind: s.kind, unitId: s.unit_id, name: s.name }));
    def.units = units.map((u) => ({ id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parent_id }));
  }
  return tours.flatMap((t) => tourCountingBallots(def, t));
}

/** The first `length` characters of a ballot id: a group commit's ballots share them (decision 0009). */
const idPrefix = (length: number) => sql<string>`substr(id, 1, ${sql.lit(length)})`;

/**
 * How many ballots each session holds, per id prefix of `length` characters: what a running tally compares with what
 * it has counted to find the ballots another server stored (a few hundred rows for a session of 21,000 sheets, as
 * ballots stored in one commit share their prefix). Ids are random: no time, no order, only grouping by commit.
 */
export async function countBallotsByIdPrefix(db: Db, campaignId: string, sessionIds: readonly string[], length: number): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  for (const part of chunk(sessionIds, 1, 1000)) {
    const rows = await db
      .selectFrom('ballots')
      .select(['session_id', idPrefix(length).as('prefix'), (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .where('session_id', 'in', part)
      .groupBy(['session_id', idPrefix(length)])
      .execute();
    for (const r of rows) {
      let counts = out.get(r.session_id!);
      if (!counts) out.set(r.session_id!, (counts = new Map()));
      counts.set(r.prefix, toCount(r.n));
    }
  }
  return out;
}

/** The ballots of one session whose ids start with one of `prefixes` (each `length` characters), as the tally reads them. */
export async function listBallotsForTallyByIdPrefix(db: Db, campaignId: string, instruments: readonly Instrument[], sessionId: string, prefixes: readonly string[], length: number): Promise<Ballot[]> {
  const collector = new Collector(instruments);
  for (const part of chunk(prefixes, 1, 1000)) {
    const rows = await db
      .selectFrom('ballots')
      .select(COLUMNS)
      .where('campaign_id', '=', campaignId)
      .where('session_id', '=', sessionId)
      .where(idPrefix(length), 'in', part)
      .execute();
    for (const r of fromKysely(rows)) collector.row(r);
  }
  return withUnpackedRatings(db, campaignId, collector, false);
}

/**
 * The ballots of the campaign with the given ids, as the tally reads them: what another server announced it stored
 * (one look-up in the primary key per ballot, however large the session). Ids not found are left out.
 */
export async function listBallotsForTallyByIds(db: Db, campaignId: string, instruments: readonly Instrument[], ids: readonly string[]): Promise<Ballot[]> {
  const collector = new Collector(instruments);
  for (const part of chunk(ids, 1, 1000)) {
    const rows = await db.selectFrom('ballots').select(COLUMNS).where('campaign_id', '=', campaignId).where('id', 'in', part).execute();
    for (const r of fromKysely(rows)) collector.row(r);
  }
  return withUnpackedRatings(db, campaignId, collector, false);
}

/** Ratings JSON of the given ballots (or of every ballot of the campaign when `ids` is null). */
async function ratingsJson(db: Db, campaignId: string, ids: string[] | null): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const base = () => db.selectFrom('ballot_contents').select(['ballot_id', 'ratings']).where('campaign_id', '=', campaignId);
  if (ids === null) {
    for (const r of await base().execute()) out.set(r.ballot_id, r.ratings);
    return out;
  }
  for (const part of chunk(ids, 1, 1000)) {
    for (const r of await base().where('ballot_id', 'in', part).execute()) out.set(r.ballot_id, r.ratings);
  }
  return out;
}
