/** Writes the province fixture into a fresh database, as the server would hold it. Shared by the benchmarks. */
import { appendBallots } from '../src/db/repositories/ballots.js';
import type { BallotRow } from '../src/db/records.js';
import { createCampaign, updateCampaignStatus } from '../src/db/repositories/campaigns.js';
import { saveDefinitionParts } from '../src/db/repositories/definition.js';
import { createSession, updateSessionStatus } from '../src/db/repositories/sessions.js';
import { inTransaction } from '../src/db/repositories/shared.js';
import { sealSessionBallots } from '../src/db/repositories/tally-ballots.js';
import { insertUnits } from '../src/db/repositories/units.js';
import type { Database } from '../src/db/database.js';
import { buildProvinceFixture, SHANXI_ID } from '../src/demo/province.js';
import { storedBallot } from '../src/app/ballots/stored-ballot.js';

export interface Seeded {
  campaignId: string;
  ballots: number;
  ratings: number;
  counties: number;
  townships: number;
  instruments: number;
  generateSeconds: number;
  insertSeconds: number;
}

export async function seedProvince(database: Database, ballotCount: number, options: { seal?: boolean } = {}): Promise<Seeded> {
  let t = performance.now();
  const { definition: def, ballots } = buildProvinceFixture({ seed: 1, ballots: ballotCount });
  const generateSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const now = new Date('2026-06-30T00:00:00Z');
  await inTransaction(database.db, async (trx) => {
    await insertUnits(trx, def.units);
    await createCampaign(trx, { id: def.id, name: def.name, rootUnitId: SHANXI_ID, precision: def.precision, tieJudgement: def.tieJudgement }, now);
    await saveDefinitionParts(trx, def.id, def);
    for (const s of def.sessions) {
      await createSession(trx, { id: s.id, campaignId: def.id, name: s.name, instrumentIds: s.instrumentIds, agenda: s.agenda, expected: s.expected, paperIssued: s.issued, present: s.present });
      await updateSessionStatus(trx, s.id, 'draft', 'open', now);
      await updateSessionStatus(trx, s.id, 'open', 'closed', now);
    }
    const instruments = new Map(def.instruments.map((i) => [i.id, i]));
    const rows: BallotRow[] = ballots.map((b) => storedBallot(instruments, b, { campaignId: def.id, receipt: b.sheetId.slice(-8), enteredBy: null }));
    await appendBallots(trx, rows);
    // Every session is closed, so each has its sealed segment, as closeSession leaves it (unless told not to).
    if (options.seal !== false) for (const s of def.sessions) await sealSessionBallots(trx, def.id, s.id);
    await updateCampaignStatus(trx, def.id, 'draft', 'active', now);
  });
  return {
    campaignId: def.id,
    ballots: ballots.length,
    ratings: ballots.reduce((n, b) => n + b.ratings.length, 0),
    counties: def.units.filter((u) => u.level === 'county').length,
    townships: def.units.filter((u) => u.level === 'township').length,
    instruments: def.instruments.length,
    generateSeconds,
    insertSeconds: (performance.now() - t) / 1000,
  };
}
