/**
 * 示例: loads the Jincheng demo — real units, the article's campaign, sessions as held, ballots as cast and
 * entered, and the training class with its roster and check-ins — so a first start already has a complete,
 * explainable ranking and a class to look at. Also one account per role.
 */
import { appendBallots } from '../../db/repositories/ballots.js';
import type { BallotRow } from '../../db/records.js';
import { createCampaign, getCampaign, updateCampaignStatus } from '../../db/repositories/campaigns.js';
import { saveDefinitionParts } from '../../db/repositories/definition.js';
import { createSession, updateSessionStatus } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { sealSessionBallots } from '../../db/repositories/tally-ballots.js';
import { getUnit, insertUnits } from '../../db/repositories/units.js';
import { buildJinchengCases, buildJinchengClass, buildJinchengDemo, CAMPAIGN_CREATED_AT, JINCHENG_CITY_ID, SESSION_DATES, SESSION_IDS } from '../../demo/jincheng.js';
import type { Ballot, CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { createAccount } from '../accounts/create-account.js';
import type { Credentials } from '../../contracts/accounts.js';
import { recordAudit } from '../kernel/record-audit.js';
import { newReceipt } from '../kernel/secrets.js';
import { storedBallot } from '../ballots/stored-ballot.js';
import { storeDemoCases } from './load-demo-cases.js';
import { storeDemoClass } from './load-demo-class.js';
import { storeDemoTour } from './load-demo-tour.js';
import { prepareDemoReportFiles, storeDemoSeminar } from './load-demo-seminar.js';
import { buildJinchengSeminar } from '../../demo/jincheng-seminar.js';
import { jinchengTour } from '../../demo/jincheng-tour.js';
import { loadVillages } from '../../divisions/china-villages.js';

export interface DemoLoaded {
  campaignId: string;
  units: number;
  ballots: number;
  /** The report's training class (培训班) and the size of its roster; null and 0 when left out. */
  trainingClassId: string | null;
  participants: number;
  /** The library's cases, and how many are items of the campaign's 案例评; 0 when left out. */
  cases: number;
  linkedCases: number;
  accounts: Credentials[];
}

/**
 * `trainingClass: false`: the demo as releases before the training class stored it (a schema before migration 0010,
 * so without the case library, nor the observation tour, either).
 */
export async function loadDemo(ctx: AppContext, options: { trainingClass?: boolean } = {}): Promise<DemoLoaded | null> {
  const { definition: def, ballots } = buildJinchengDemo();
  if (await getCampaign(ctx.database.db, def.id)) return null;
  const trainingClass = options.trainingClass === false ? null : buildJinchengClass(def.units);
  const seminar = trainingClass ? buildJinchengSeminar(def.units) : null;
  // The reports' PDFs go into the file store before the transaction, as uploads do.
  const seminarFiles = trainingClass && seminar ? await prepareDemoReportFiles(ctx, trainingClass.id, seminar) : [];
  const cases = trainingClass ? buildJinchengCases(def.units) : [];
  const tour = trainingClass ? jinchengTour(def.units, loadVillages(JINCHENG_CITY_ID.slice(1))) : null;
  let linkedCases = 0;
  await inTransaction(ctx.database.db, async (trx) => {
    const missing = [];
    for (const u of def.units) if (!(await getUnit(trx, u.id))) missing.push(u);
    await insertUnits(trx, missing);
    // Dated as the report tells it (June 2022), not when this database was made.
    await createCampaign(trx, { id: def.id, name: def.name, rootUnitId: JINCHENG_CITY_ID, precision: def.precision, tieJudgement: def.tieJudgement }, new Date(CAMPAIGN_CREATED_AT));
    await saveDefinitionParts(trx, def.id, def);
    for (const s of def.sessions) {
      await createSession(trx, { id: s.id, campaignId: def.id, name: s.name, instrumentIds: s.instrumentIds, agenda: s.agenda ?? null, expected: s.expected, paperIssued: s.issued, present: s.present });
      const dates = SESSION_DATES[s.id as keyof typeof SESSION_DATES];
      await updateSessionStatus(trx, s.id, 'draft', 'open', new Date(dates.openedAt));
      if (s.status === 'closed') await updateSessionStatus(trx, s.id, 'open', 'closed', new Date(dates.closedAt));
    }
    await appendBallots(trx, toDemoRows(def, ballots));
    // Closed sessions are sealed, as closeSession leaves them.
    for (const s of def.sessions) if (s.status === 'closed') await sealSessionBallots(trx, def.id, s.id);
    await updateCampaignStatus(trx, def.id, 'draft', 'active', new Date(Math.min(...Object.values(SESSION_DATES).map((d) => Date.parse(d.openedAt)))));
    await recordAudit(trx, ctx, 'system', 'demo.load', 'campaign', def.id, { ballots: ballots.length });
    if (trainingClass) {
      await recordAudit(trx, ctx, 'system', 'demo.load', 'training_class', trainingClass.id, { participants: trainingClass.participants.length, checkins: trainingClass.checkins.length });
      await storeDemoClass(trx, ctx, trainingClass, def.id, JINCHENG_CITY_ID);
      if (seminar) await storeDemoSeminar(trx, trainingClass.id, seminar, seminarFiles);
      linkedCases = await storeDemoCases(trx, ctx, cases, def);
    }
    if (tour) await storeDemoTour(trx, ctx, tour, def.id, SESSION_IDS.tour, new Date(CAMPAIGN_CREATED_AT).toISOString());
  });
  const accounts = [
    await createAccount(ctx, 'system', { username: 'organiser', displayName: '市委组织部（专项行动办公室）', role: 'organiser', unitId: null }),
    await createAccount(ctx, 'system', { username: 'clerk', displayName: '计票员', role: 'clerk', unitId: null }),
    await createAccount(ctx, 'system', { username: 'zezhou', displayName: '泽州县（单位查看）', role: 'viewer', unitId: 'u140525' }),
  ];
  return { campaignId: def.id, units: def.units.length, ballots: ballots.length, trainingClassId: trainingClass?.id ?? null, participants: trainingClass?.participants.length ?? 0, cases: cases.length, linkedCases, accounts };
}

/** One receipt per sheet, as if each sheet had been submitted or entered once. */
function toDemoRows(def: CampaignDefinition, ballots: Ballot[]): BallotRow[] {
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const receipts = new Map<string, string>();
  return ballots.map((b) => {
    let receipt = receipts.get(b.sheetId);
    if (!receipt) receipts.set(b.sheetId, (receipt = newReceipt()));
    return storedBallot(instruments, b, { campaignId: def.id, receipt, enteredBy: b.channel === 'paper' ? 'demo' : null });
  });
}
