/**
 * Sealed session segments: the tally read from the database (segments where they are fresh, rows elsewhere) equals
 * the tally over every ballot as cast (the JSON, nothing packed), on both engines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadDemo } from '../../src/app/demo/load-demo.js';
import { storedBallot } from '../../src/app/ballots/stored-ballot.js';
import { createAppContext } from '../../src/app/context.js';
import type { Database } from '../../src/db/database.js';
import { appendBallots, listBallotsAsCast, listBallotsForTally } from '../../src/db/repositories/ballots.js';
import { createCampaign } from '../../src/db/repositories/campaigns.js';
import { loadDefinition, saveDefinitionParts } from '../../src/db/repositories/definition.js';
import { createSession, updateSessionStatus } from '../../src/db/repositories/sessions.js';
import { sealSessionBallots } from '../../src/db/repositories/tally-ballots.js';
import { insertUnits } from '../../src/db/repositories/units.js';
import { encodeSegment } from '../../src/db/segment-codec.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import type { Ballot, CampaignDefinition } from '../../src/domain/types.js';
import { fullCampaign, randomBallots } from '../domain/factories.js';
import { fullText } from '../helpers/full-tally.js';
import { createTestDb, dialects } from '../helpers/db.js';

const NOW = new Date('2022-06-30T00:00:00Z');

async function tallies(database: Database, campaignId: string): Promise<{ fromDb: string; asCast: string; read: number }> {
  const def = (await loadDefinition(database.db, campaignId))!;
  const read = await listBallotsForTally(database.db, campaignId, def.instruments);
  const cast = await listBallotsAsCast(database.db, campaignId);
  return { fromDb: fullText(tallyCampaign(def, read)), asCast: fullText(tallyCampaign(def, cast)), read: read.length };
}

async function segmentCount(database: Database, campaignId: string): Promise<number> {
  const rows = await database.db.selectFrom('ballot_segments').select('session_id').where('campaign_id', '=', campaignId).execute();
  return rows.length;
}

/** A random campaign over three sessions (two closed and sealed, one open), plus ballots outside any session. */
async function storeRandomCampaign(database: Database, seed: number): Promise<{ def: CampaignDefinition; ballots: Ballot[] }> {
  const base = fullCampaign();
  const sessions = ['s1', 's2', 's3'].map((id, i) => ({ ...base.sessions[0]!, id, name: `测评会${i + 1}`, status: (i < 2 ? 'closed' : 'open') as 'closed' | 'open' }));
  const def: CampaignDefinition = { ...base, id: `c-random-${seed}`, sessions };
  const ballots = randomBallots(def, seed, 40).map((b, i): Ballot => ({
    ...b,
    id: `b-${((i * 7919 + seed) % 1000).toString().padStart(3, '0')}-${i}`,
    sessionId: i % 10 === 9 ? null : sessions[i % 3]!.id,
    channel: i % 4 === 0 ? 'paper' : 'online',
  }));
  // One rule-breaking ballot (a subject twice) and one that cannot be packed (an opinion), to be counted all the same.
  ballots.push({ ...ballots[0]!, id: 'b-dup', sheetId: 'sheet-dup', ratings: [...ballots[0]!.ratings, ballots[0]!.ratings[0]!] });
  const observe = ballots.find((b) => b.instrumentId === 'observe')!;
  ballots.push({ ...observe, id: 'b-opinion', sheetId: 'sheet-opinion', ratings: observe.ratings.map((r) => ({ ...r, opinion: '很好' })) });
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  await insertUnits(database.db, def.units);
  await createCampaign(database.db, { id: def.id, name: def.name, rootUnitId: null, precision: def.precision, tieJudgement: def.tieJudgement }, NOW);
  await saveDefinitionParts(database.db, def.id, def);
  for (const s of sessions) {
    await createSession(database.db, { id: s.id, campaignId: def.id, name: s.name, instrumentIds: s.instrumentIds, agenda: null, expected: s.expected, paperIssued: s.issued, present: s.present });
    await updateSessionStatus(database.db, s.id, 'draft', 'open', NOW);
  }
  await appendBallots(database.db, ballots.map((b) => storedBallot(instruments, b, { campaignId: def.id, receipt: `r-${b.sheetId}`, enteredBy: null })));
  for (const s of sessions.filter((x) => x.status === 'closed')) {
    await updateSessionStatus(database.db, s.id, 'open', 'closed', NOW);
    await sealSessionBallots(database.db, def.id, s.id);
  }
  return { def, ballots };
}

for (const kind of dialects()) {
  describe(`tally from sealed segments (${kind})`, () => {
    let database: Database;
    before(async () => {
      database = await createTestDb(kind);
    });
    after(() => database.close());

    it('tallies the Jincheng demo from the database exactly as from its ballots as cast, with its sessions sealed', async () => {
      const ctx = createAppContext(database, { clock: () => NOW });
      const loaded = await loadDemo(ctx);
      assert.ok(loaded);
      assert.ok((await segmentCount(database, loaded.campaignId)) > 0);
      const { fromDb, asCast, read } = await tallies(database, loaded.campaignId);
      assert.equal(read, loaded.ballots);
      assert.equal(fromDb, asCast);
    });

    // Each random campaign in its own database: definition ids are unique across campaigns.
    const own: Database[] = [];
    const fresh = async (): Promise<Database> => {
      const d = await createTestDb(kind);
      own.push(d);
      return d;
    };
    after(async () => {
      for (const d of own) await d.close();
    });

    for (const seed of [1, 2, 3]) {
      it(`tallies a random campaign (seed ${seed}) from segments, open-session rows and loose rows exactly as cast`, async () => {
        const database = await fresh();
        const { def, ballots } = await storeRandomCampaign(database, seed);
        assert.equal(await segmentCount(database, def.id), 2);
        const { fromDb, asCast, read } = await tallies(database, def.id);
        assert.equal(read, ballots.length);
        assert.equal(fromDb, asCast);
        assert.ok(JSON.parse(fromDb).ballots.invalid >= 1);
      });
    }

    it('reads a sealed session row by row again once a paper ballot is entered after sealing', async () => {
      const database = await fresh();
      const { def, ballots } = await storeRandomCampaign(database, 11);
      const before = await tallies(database, def.id);
      const late: Ballot = { ...ballots.find((b) => b.sessionId === 's1' && b.instrumentId === 'report')!, id: 'b-late', sheetId: 'sheet-late', channel: 'paper' };
      const instruments = new Map(def.instruments.map((i) => [i.id, i]));
      await appendBallots(database.db, [storedBallot(instruments, late, { campaignId: def.id, receipt: 'r-late', enteredBy: 'clerk' })]);
      const after = await tallies(database, def.id);
      assert.equal(after.read, ballots.length + 1);
      assert.equal(after.fromDb, after.asCast);
      assert.notEqual(after.fromDb, before.fromDb);
      // Sealing again adds a segment for the new count; the old one stays (append-only) and is no longer used.
      assert.equal(await sealSessionBallots(database.db, def.id, 's1'), ballots.filter((b) => b.sessionId === 's1').length + 1);
      assert.equal(await segmentCount(database, def.id), 3);
      assert.equal((await tallies(database, def.id)).fromDb, after.asCast);
    });

    it('ignores a malformed segment and reads its session from the rows', async () => {
      const database = await fresh();
      const { def, ballots } = await storeRandomCampaign(database, 21);
      const inS3 = ballots.filter((b) => b.sessionId === 's3').length;
      const broken = encodeSegment([]);
      await database.db
        .insertInto('ballot_segments')
        .values({ campaign_id: def.id, session_id: 's3', ballot_count: inS3, strings: broken.strings, body: broken.body })
        .execute();
      const { fromDb, asCast, read } = await tallies(database, def.id);
      assert.equal(read, ballots.length);
      assert.equal(fromDb, asCast);
    });

    it('refuses UPDATE and DELETE on segments in the database itself', async () => {
      await assert.rejects(sql`update ballot_segments set ballot_count = 0`.execute(database.db), /append-only/);
      await assert.rejects(sql`delete from ballot_segments`.execute(database.db), /append-only/);
    });
  });
}
