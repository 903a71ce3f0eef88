/**
 * 亮晒评模板: the article's five evaluation forms as a ready campaign set-up over a root unit's counties and
 * townships. Observation sites (实训点) and cases (案例) start empty — the office adds them — so the 观摩评 and 案例评
 * instruments carry no subjects until then and the set-up is refused on save until they do. Nothing is stored here.
 * Its group, instrument and ranking ids are the article's (`g-office`, `i-report` …): ids are unique within their
 * campaign (migration 0006), so any number of campaigns, the demo among them, can use them.
 */
import type { CampaignSetup } from '../../contracts/api.js';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { getCampaign } from '../../db/repositories/campaigns.js';
import { getUnit, listUnitSubtree } from '../../db/repositories/units.js';
import { GROUP_IDS, RATER_GROUPS } from '../../domain/liangshaiping/rater-groups.js';
import { articleTiers, countyRanking, townshipRanking } from '../../domain/liangshaiping/rankings.js';
import {
  INSTRUMENT_IDS,
  adjustmentsInstrument,
  caseInstrument,
  exchangeInstrument,
  observationInstrument,
  reportInstrument,
  taskforceInstrument,
} from '../../domain/liangshaiping/instruments.js';
import type { Instrument, RankingSpec, Subject, Unit } from '../../domain/types.js';
import type { AppContext } from '../context.js';

export async function liangshaipingTemplate(ctx: AppContext, rootUnitId: string): Promise<CampaignSetup> {
  const db = ctx.database.db;
  const root = await getUnit(db, rootUnitId);
  if (!root) throw new AppError('not_found', { message: MESSAGES.templateRootMissing(rootUnitId) });
  const units = await listUnitSubtree(db, rootUnitId);
  const counties = units.filter((u) => u.level === 'county');
  const townships = units.filter((u) => u.level === 'township');
  if (counties.length === 0) {
    throw new AppError('invalid_request', { message: MESSAGES.templateNoCounties(root.name) });
  }
  const subject = (u: Unit): Subject => ({ id: `s-${u.id}`, kind: 'unit', unitId: u.id, name: u.name });
  const countyIds = counties.map((u) => `s-${u.id}`);
  const townshipIds = townships.map((u) => `s-${u.id}`);
  const w = (groupId: string, weight: string) => ({ groupId, weight });
  const leaders = [w(GROUP_IDS.office, '40'), w(GROUP_IDS.taskforce, '30'), w(GROUP_IDS.inspection, '30')];

  const instruments: Instrument[] = [
    observationInstrument([], [w(GROUP_IDS.observers, '100')]),
    taskforceInstrument([...countyIds, ...townshipIds], [w(GROUP_IDS.taskforce, '100')]),
    reportInstrument(countyIds, leaders),
    ...(townships.length > 0 ? [exchangeInstrument(townshipIds, [w(GROUP_IDS.secretaries, '70'), w(GROUP_IDS.office, '30')])] : []),
    caseInstrument([], leaders),
    adjustmentsInstrument(countyIds, [w(GROUP_IDS.office, '100')]),
  ];
  const tieBreaks = [{ instrumentId: INSTRUMENT_IDS.report }, { instrumentId: INSTRUMENT_IDS.observation }];
  const rankings: RankingSpec[] = [countyRanking(root.id, { tiers: articleTiers(40, 40), tieBreaks, withExchange: townships.length > 0 })];
  if (townships.length > 0) rankings.push(townshipRanking(root.id));
  const { year, month } = chinaYearMonth(ctx.clock());
  const base = `lsp-${(root.code ?? root.id).replace(/[^A-Za-z0-9_.:-]/g, '')}-${year}${String(month).padStart(2, '0')}`.slice(0, 60);
  return {
    id: await unusedCampaignId(ctx, base),
    name: `${root.name}基层治理“亮晒评”活动（${year}年${month}月）`,
    rootUnitId: root.id,
    precision: 2,
    tieJudgement: 'exact',
    subjects: [...counties, ...townships].map(subject),
    raterGroups: [RATER_GROUPS.office, RATER_GROUPS.taskforce, RATER_GROUPS.inspection, RATER_GROUPS.observers, RATER_GROUPS.secretaries],
    instruments,
    rankings,
  };
}

/** The year and month in China, where the office is, whatever the server's time zone. */
function chinaYearMonth(at: Date): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric' }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month') };
}

/** `base`, or `base-2`, `base-3` … when a campaign of that id exists (a second campaign of the same month). */
async function unusedCampaignId(ctx: AppContext, base: string): Promise<string> {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (!(await getCampaign(ctx.database.db, id))) return id;
  }
}
