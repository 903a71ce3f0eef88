/**
 * Ballots of the province fixture, generated fast: one pass per instrument, round-robin over the meetings, each
 * ballot rating only its meeting's subjects. Proportions: 2% 观摩评, ≤1% 专班评, 20% each 汇报评 and 案例评 (one sheet
 * carries both), one 加减分 ballot, and the rest 交流评 — so the total is exactly what was asked for.
 */
import type { Ballot, GradeInstrument, Instrument, Rating, ScoreInstrument, Subject, Unit } from '../domain/types.js';
import { drawAdjustments, gradeRatingsOf, steppedScore, type Perceived } from './generate.js';
import { GROUP_IDS } from '../domain/liangshaiping/rater-groups.js';
import { INSTRUMENT_IDS } from '../domain/liangshaiping/instruments.js';
import { OBSERVATION_REASONS, OPINIONS, TASK_FORCES } from './jincheng-names.js';
import { createRandom, type Random } from './random.js';

export interface CountyLayout {
  unit: Unit;
  county: Subject;
  townships: Subject[];
  sites: Subject[];
  case: Subject;
}

export interface ProvinceLayout {
  counties: CountyLayout[];
  cities: { unit: Unit; counties: CountyLayout[] }[];
}

export interface SessionPlan {
  name: string;
  instrumentIds: string[];
  subjectIds: string[];
}

const REPORT_THRESHOLDS = [0.45, -0.35, -1.2];
const EXCHANGE_THRESHOLDS = [0.9, -0.1, -1.1];

const pad6 = (n: number) => String(n).padStart(6, '0');

interface Ctx {
  rng: Random;
  quality: Map<string, number>;
  ballots: Ballot[];
  sessions: Map<string, SessionPlan>;
}

function latentQuality(layout: ProvinceLayout, rng: Random): Map<string, number> {
  const quality = new Map<string, number>();
  for (const c of layout.counties) {
    const q = rng.normal() * 1.1;
    quality.set(c.county.id, q);
    for (const t of c.townships) quality.set(t.id, q + rng.normal() * 0.7);
    for (const s of [...c.sites, c.case]) quality.set(s.id, q + rng.normal() * 0.5);
  }
  return quality;
}

function perceive(ctx: Ctx, subjects: readonly Subject[], noise: number): Perceived[] {
  const leniency = ctx.rng.normal() * 0.25;
  return subjects.map((s) => ({ subjectId: s.id, value: (ctx.quality.get(s.id) ?? 0) + leniency + ctx.rng.normal() * noise }));
}

/** Perceived values as a typed array, for the hot grade loops. */
function perceiveValues(ctx: Ctx, ids: readonly string[], noise: number): Float64Array {
  const leniency = ctx.rng.normal() * 0.25;
  const values = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) values[i] = (ctx.quality.get(ids[i] ?? '') ?? 0) + leniency + ctx.rng.normal() * noise;
  return values;
}

function session(ctx: Ctx, id: string, plan: () => SessionPlan): string {
  if (!ctx.sessions.has(id)) ctx.sessions.set(id, plan());
  return id;
}

function observation(ctx: Ctx, inst: ScoreInstrument, layout: ProvinceLayout, count: number): void {
  const config = inst.adjustments;
  if (!config) throw new Error('观摩评 needs adjustments');
  const counties = layout.counties;
  for (let j = 0; j < count; j++) {
    const c = counties[j % counties.length]!;
    const seat = Math.floor(j / counties.length) + 1;
    const sessionId = session(ctx, `ps-review-${c.unit.code}`, () => ({
      name: `${c.unit.name}现场观摩调度点评会`,
      instrumentIds: [inst.id],
      subjectIds: c.sites.map((s) => s.id),
    }));
    const ratings: Rating[] = perceive(ctx, c.sites, 0.55).map((p, i) => ({
      subjectId: p.subjectId,
      score: steppedScore(83 + 6 * p.value, 60, 95, 0.5),
      adjustments: drawAdjustments(ctx.rng, config, p.value, c.sites[i]?.name ?? '', OBSERVATION_REASONS),
    }));
    const id = pad6(j + 1);
    ctx.ballots.push({
      id: `p-observation-${id}`,
      instrumentId: inst.id,
      raterGroupId: GROUP_IDS.observers,
      raterName: `观摩团成员${String(seat).padStart(2, '0')}`,
      boundUnitId: null,
      sessionId,
      sheetId: `p-sheet-observation-${id}`,
      channel: 'online',
      ratings,
    });
  }
}

function taskforce(ctx: Ctx, inst: ScoreInstrument, layout: ProvinceLayout, count: number): void {
  const counties = layout.counties;
  for (let j = 0; j < count; j++) {
    const c = counties[j % counties.length]!;
    const taskforceName = TASK_FORCES[Math.floor(j / counties.length) % TASK_FORCES.length] ?? '工作专班';
    const subjects = [c.county, ...c.townships];
    const sessionId = session(ctx, `ps-research-${c.unit.code}`, () => ({
      name: `工作专班赴${c.unit.name}调研评价`,
      instrumentIds: [inst.id],
      subjectIds: subjects.map((s) => s.id),
    }));
    const ratings: Rating[] = perceive(ctx, subjects, 0.45).map((p, i) => {
      const score = steppedScore(81 + 7 * p.value, 50, 99, 1);
      const band = Number(score) >= 88 ? 'high' : Number(score) >= 76 ? 'middle' : 'low';
      const opinion = ctx.rng.pick(OPINIONS[band]).replaceAll('{name}', subjects[i]?.name ?? '');
      return { subjectId: p.subjectId, score, opinion };
    });
    const id = pad6(j + 1);
    ctx.ballots.push({
      id: `p-taskforce-${id}`,
      instrumentId: inst.id,
      raterGroupId: GROUP_IDS.taskforce,
      raterName: taskforceName,
      boundUnitId: null,
      sessionId,
      sheetId: `p-sheet-taskforce-${id}`,
      channel: 'online',
      ratings,
    });
  }
}

const cityIdCache = new WeakMap<object, { countyIds: string[]; caseIds: string[] }>();

function cityIds(city: ProvinceLayout['cities'][number]): { countyIds: string[]; caseIds: string[] } {
  let ids = cityIdCache.get(city);
  if (!ids) {
    ids = { countyIds: city.counties.map((c) => c.county.id), caseIds: city.counties.map((c) => c.case.id) };
    cityIdCache.set(city, ids);
  }
  return ids;
}

/** One sheet per rater at a city's report meeting carries a 汇报评 and a 案例评 ballot. */
function reportMeetings(ctx: Ctx, report: GradeInstrument, cases: GradeInstrument, layout: ProvinceLayout, sheets: number): void {
  const cities = layout.cities;
  for (let j = 0; j < sheets; j++) {
    const city = cities[j % cities.length]!;
    const k = Math.floor(j / cities.length);
    const groupId = k % 10 === 0 ? GROUP_IDS.office : k % 10 === 1 ? GROUP_IDS.inspection : GROUP_IDS.cadres;
    const { countyIds, caseIds } = cityIds(city);
    const sessionId = session(ctx, `ps-report-${city.unit.code}`, () => ({
      name: `${city.unit.name}县（市、区）委书记汇报点评会`,
      instrumentIds: [report.id, cases.id],
      subjectIds: [...countyIds, ...caseIds],
    }));
    const id = pad6(j + 1);
    const common = {
      raterGroupId: groupId,
      raterName: null,
      boundUnitId: null,
      sessionId,
      sheetId: `p-sheet-report-${id}`,
      // Every 50th sheet was filled in on paper and entered by a clerk.
      channel: j % 50 === 49 ? ('paper' as const) : ('online' as const),
    };
    ctx.ballots.push({
      id: `p-report-${id}`,
      instrumentId: report.id,
      ...common,
      ratings: gradeRatingsOf(ctx.rng, report, countyIds, perceiveValues(ctx, countyIds, 0.55), REPORT_THRESHOLDS, 0.03),
    });
    ctx.ballots.push({
      id: `p-case-${id}`,
      instrumentId: cases.id,
      ...common,
      ratings: gradeRatingsOf(ctx.rng, cases, caseIds, perceiveValues(ctx, caseIds, 0.55), REPORT_THRESHOLDS, 0.02),
    });
  }
}

const townshipIdCache = new WeakMap<CountyLayout, string[]>();

function townshipIds(c: CountyLayout): string[] {
  let ids = townshipIdCache.get(c);
  if (!ids) townshipIdCache.set(c, (ids = c.townships.map((t) => t.id)));
  return ids;
}

/** The county's townships except the k-th (the rater's own). */
function othersOf(c: CountyLayout, k: number): string[] {
  const all = townshipIds(c);
  return [...all.slice(0, k), ...all.slice(k + 1)];
}

/** Per county seminar: each township secretary rates the county's other townships, then cadres rate them all. */
function seminars(ctx: Ctx, inst: GradeInstrument, layout: ProvinceLayout, count: number): void {
  const counties = layout.counties.filter((c) => c.townships.length > 0);
  for (let j = 0; j < count; j++) {
    const c = counties[j % counties.length]!;
    const k = Math.floor(j / counties.length);
    const secretaryOf = c.townships.length >= 2 ? c.townships[k] : undefined;
    const ids = secretaryOf ? othersOf(c, k) : townshipIds(c);
    const sessionId = session(ctx, `ps-seminar-${c.unit.code}`, () => ({
      name: `${c.unit.name}乡镇（街道）党（工）委书记座谈会`,
      instrumentIds: [inst.id],
      subjectIds: c.townships.map((t) => t.id),
    }));
    const id = pad6(j + 1);
    ctx.ballots.push({
      id: `p-exchange-${id}`,
      instrumentId: inst.id,
      raterGroupId: secretaryOf ? GROUP_IDS.secretaries : GROUP_IDS.cadres,
      raterName: null,
      boundUnitId: secretaryOf ? secretaryOf.unitId : null,
      sessionId,
      sheetId: `p-sheet-exchange-${id}`,
      channel: 'online',
      ratings: gradeRatingsOf(ctx.rng, inst, ids, perceiveValues(ctx, ids, 0.7), EXCHANGE_THRESHOLDS, 0.04),
    });
  }
}

function adjustments(ctx: Ctx, inst: Instrument, layout: ProvinceLayout): void {
  const ranked = [...layout.counties].sort((a, b) => (ctx.quality.get(b.county.id) ?? 0) - (ctx.quality.get(a.county.id) ?? 0));
  const best = ranked[0]?.county;
  const worst = ranked[ranked.length - 1]?.county;
  const ratings: Rating[] = layout.counties.map(({ county }) => {
    if (county === best) {
      return { subjectId: county.id, adjustments: [{ itemId: 'adj-recognised', points: '1', reason: `${county.name}经验做法被中央组织部刊物推广` }] };
    }
    if (county === worst) {
      return { subjectId: county.id, adjustments: [{ itemId: 'adj-unrectified', points: '0.5', reason: `${county.name}督导反馈问题逾期未整改` }] };
    }
    return { subjectId: county.id, abstain: true };
  });
  ctx.ballots.push({
    id: 'p-adjustments-000001',
    instrumentId: inst.id,
    raterGroupId: GROUP_IDS.office,
    raterName: null,
    boundUnitId: null,
    sessionId: null,
    sheetId: 'p-sheet-adjustments-000001',
    channel: 'online',
    ratings,
  });
}

function byId<K extends Instrument['kind']>(instruments: Instrument[], id: string, kind: K) {
  const found = instruments.find((i) => i.id === id);
  if (!found || found.kind !== kind) throw new Error(`fixture lacks ${kind} instrument ${id}`);
  return found as Extract<Instrument, { kind: K }>;
}

export function provinceBallots(
  layout: ProvinceLayout,
  instruments: Instrument[],
  seed: number,
  total: number,
): { ballots: Ballot[]; sessions: Map<string, SessionPlan> } {
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`ballot count must be a non-negative integer, got ${total}`);
  const rng = createRandom(seed);
  const ctx: Ctx = { rng, quality: latentQuality(layout, rng), ballots: [], sessions: new Map() };
  const adj = total > 0 ? 1 : 0;
  const obs = Math.floor(total * 0.02);
  const tf = Math.min(Math.floor(total * 0.01), TASK_FORCES.length * layout.counties.length);
  const sheets = Math.floor((total - adj - obs - tf) * 0.2);
  const exchange = total - adj - obs - tf - 2 * sheets;

  observation(ctx, byId(instruments, INSTRUMENT_IDS.observation, 'score'), layout, obs);
  taskforce(ctx, byId(instruments, INSTRUMENT_IDS.taskforce, 'score'), layout, tf);
  const report = byId(instruments, INSTRUMENT_IDS.report, 'grade');
  reportMeetings(ctx, report, byId(instruments, INSTRUMENT_IDS.case, 'grade'), layout, sheets);
  seminars(ctx, byId(instruments, INSTRUMENT_IDS.exchange, 'grade'), layout, exchange);
  if (adj) adjustments(ctx, byId(instruments, INSTRUMENT_IDS.adjustments, 'adjustments'), layout);
  return { ballots: ctx.ballots, sessions: ctx.sessions };
}
