/**
 * Generated ballots of the Jincheng demo. Every county has a latent quality that every rater perceives with noise,
 * so the ranking means something; every ballot respects its instrument's rules except one deliberately broken paper
 * ballot (3 × 好 of 6 on 汇报评), which must be counted as 无效票.
 */
import type { Ballot, CampaignDefinition, GradeInstrument, Instrument, Rating, ScoreInstrument, Subject } from '../domain/types.js';
import { drawAdjustments, gradeRatings, steppedScore, type Perceived } from './generate.js';
import { GROUP_IDS } from '../domain/liangshaiping/rater-groups.js';
import { GOOD, INSTRUMENT_IDS } from '../domain/liangshaiping/instruments.js';
import { ROSTER, SESSION_IDS, JINCHENG_CITY_ID } from './jincheng-definition.js';
import { OBSERVATION_REASONS, OPINIONS, TASK_FORCES } from './jincheng-names.js';
import { createRandom, type Random } from './random.js';

/** The paper ballot that breaks 好 ≤ 40% (3 of 6), entered anyway and counted as invalid. */
export const JINCHENG_INVALID_BALLOT_ID = 'jc-report-inspection-08';

const REPORT_THRESHOLDS = [0.45, -0.35, -1.2];
const EXCHANGE_THRESHOLDS = [0.9, -0.1, -1.1];

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Context {
  def: CampaignDefinition;
  rng: Random;
  /** Latent quality per subject id (≈ −1.5 … 1.5); items and townships inherit their county's, plus their own. */
  quality: Map<string, number>;
  subjects: Map<string, Subject>;
}

function instrument<K extends Instrument['kind']>(def: CampaignDefinition, id: string, kind: K) {
  const found = def.instruments.find((i) => i.id === id);
  if (!found || found.kind !== kind) throw new Error(`demo lacks ${kind} instrument ${id}`);
  return found as Extract<Instrument, { kind: K }>;
}

function latentQuality(def: CampaignDefinition, rng: Random): Map<string, number> {
  const byUnit = new Map<string, number>();
  const units = def.units.filter((u) => u.parentId !== null);
  for (const u of units) {
    const parent = u.parentId === JINCHENG_CITY_ID ? 0 : (byUnit.get(u.parentId ?? '') ?? 0);
    byUnit.set(u.id, parent + rng.normal() * (u.level === 'county' ? 1.1 : 0.7));
  }
  const quality = new Map<string, number>();
  for (const s of def.subjects) {
    const own = s.kind === 'unit' ? 0 : rng.normal() * 0.5;
    quality.set(s.id, (byUnit.get(s.unitId) ?? 0) + own);
  }
  return quality;
}

/** What one rater (with a personal leniency) perceives of each subject. */
function perceive(ctx: Context, subjectIds: readonly string[], noise = 0.55): Perceived[] {
  const leniency = ctx.rng.normal() * 0.25;
  return subjectIds.map((subjectId) => ({
    subjectId,
    value: (ctx.quality.get(subjectId) ?? 0) + leniency + ctx.rng.normal() * noise,
  }));
}

function nameOf(ctx: Context, subjectId: string): string {
  return ctx.subjects.get(subjectId)?.name ?? subjectId;
}

function observationBallots(ctx: Context): Ballot[] {
  const inst = instrument(ctx.def, INSTRUMENT_IDS.observation, 'score') as ScoreInstrument;
  const config = inst.adjustments;
  if (!config) throw new Error('观摩评 needs adjustments');
  const ballots: Ballot[] = [];
  for (let i = 1; i <= ROSTER.observers; i++) {
    const ratings: Rating[] = perceive(ctx, inst.subjectIds).map((p) => {
      const adjustments = drawAdjustments(ctx.rng, config, p.value, nameOf(ctx, p.subjectId), OBSERVATION_REASONS);
      // Base scores stay within [60, 95] so that ±5 of adjustments never leave 0–100.
      return { subjectId: p.subjectId, score: steppedScore(83 + 6 * p.value, 60, 95, 0.5), adjustments };
    });
    ballots.push({
      id: `jc-observation-observer-${pad(i)}`,
      instrumentId: inst.id,
      raterGroupId: GROUP_IDS.observers,
      raterName: `观摩团成员${pad(i)}`,
      boundUnitId: null,
      sessionId: SESSION_IDS.tour,
      sheetId: `jc-sheet-tour-observer-${pad(i)}`,
      channel: 'online',
      ratings,
    });
  }
  return ballots;
}

function taskforceBallots(ctx: Context): Ballot[] {
  const inst = instrument(ctx.def, INSTRUMENT_IDS.taskforce, 'score');
  return TASK_FORCES.map((taskforce, i) => {
    const ratings: Rating[] = perceive(ctx, inst.subjectIds, 0.45).map((p) => {
      const score = steppedScore(81 + 7 * p.value, 50, 99, 1);
      const band = Number(score) >= 88 ? 'high' : Number(score) >= 76 ? 'middle' : 'low';
      const opinion = ctx.rng.pick(OPINIONS[band]).replaceAll('{name}', nameOf(ctx, p.subjectId));
      return { subjectId: p.subjectId, score, opinion };
    });
    return {
      id: `jc-taskforce-${pad(i + 1)}`,
      instrumentId: inst.id,
      raterGroupId: GROUP_IDS.taskforce,
      raterName: taskforce,
      boundUnitId: null,
      sessionId: SESSION_IDS.taskforce,
      sheetId: `jc-sheet-taskforce-${pad(i + 1)}`,
      channel: 'online',
      ratings,
    };
  });
}

interface Sheet {
  key: string;
  groupId: string;
  raterName: string | null;
  channel: Ballot['channel'];
}

function reportSheets(): Sheet[] {
  const sheets: Sheet[] = [];
  for (let i = 1; i <= ROSTER.reportOfficeReturned; i++) {
    sheets.push({ key: `office-${pad(i)}`, groupId: GROUP_IDS.office, raterName: null, channel: 'online' });
  }
  TASK_FORCES.forEach((name, i) => {
    sheets.push({ key: `taskforce-${pad(i + 1)}`, groupId: GROUP_IDS.taskforce, raterName: name, channel: 'online' });
  });
  for (let i = 1; i <= ROSTER.reportInspection; i++) {
    // The last two inspectors voted on paper; a clerk entered their sheets.
    const channel = i > ROSTER.reportInspection - 2 ? 'paper' : 'online';
    sheets.push({ key: `inspection-${pad(i)}`, groupId: GROUP_IDS.inspection, raterName: null, channel });
  }
  return sheets;
}

/** 3 × 好 of 6: the top three counties as this inspector saw them, the rest as they came. */
function brokenReportRatings(inst: GradeInstrument, perceived: Perceived[]): Rating[] {
  const top = new Set([...perceived].sort((a, b) => b.value - a.value).slice(0, 3).map((p) => p.subjectId));
  const others = inst.grades.filter((g) => g.key !== GOOD);
  return perceived.map((p, i) => ({
    subjectId: p.subjectId,
    grade: top.has(p.subjectId) ? GOOD : (others[i % others.length]?.key ?? 'average'),
  }));
}

/** One sheet per rater carries both ballots of the session: 汇报评 and 案例评. */
function reportSessionBallots(ctx: Context): Ballot[] {
  const report = instrument(ctx.def, INSTRUMENT_IDS.report, 'grade');
  const cases = instrument(ctx.def, INSTRUMENT_IDS.case, 'grade');
  const ballots: Ballot[] = [];
  for (const sheet of reportSheets()) {
    const common = {
      raterGroupId: sheet.groupId,
      raterName: sheet.raterName,
      boundUnitId: null,
      sessionId: SESSION_IDS.report,
      sheetId: `jc-sheet-report-${sheet.key}`,
      channel: sheet.channel,
    };
    const reportId = `jc-report-${sheet.key}`;
    const seen = perceive(ctx, report.subjectIds);
    const reportRatings =
      reportId === JINCHENG_INVALID_BALLOT_ID
        ? brokenReportRatings(report, seen)
        : gradeRatings(ctx.rng, report, seen, REPORT_THRESHOLDS, 0.04);
    ballots.push({ id: reportId, instrumentId: report.id, ...common, ratings: reportRatings });
    const caseRatings = gradeRatings(ctx.rng, cases, perceive(ctx, cases.subjectIds), REPORT_THRESHOLDS, 0.02);
    ballots.push({ id: `jc-case-${sheet.key}`, instrumentId: cases.id, ...common, ratings: caseRatings });
  }
  return ballots;
}

/** Secretaries rate every township but their own (回避); office members rate all 77. */
function seminarBallots(ctx: Context): Ballot[] {
  const inst = instrument(ctx.def, INSTRUMENT_IDS.exchange, 'grade');
  const ballots: Ballot[] = [];
  const townships = inst.subjectIds.map((id) => ctx.subjects.get(id)?.unitId ?? id);
  townships.forEach((townshipId, i) => {
    const shown = inst.subjectIds.filter((id) => ctx.subjects.get(id)?.unitId !== townshipId);
    ballots.push({
      id: `jc-exchange-secretary-${pad(i + 1, 3)}`,
      instrumentId: inst.id,
      raterGroupId: GROUP_IDS.secretaries,
      raterName: null,
      boundUnitId: townshipId,
      sessionId: SESSION_IDS.seminar,
      sheetId: `jc-sheet-seminar-secretary-${pad(i + 1, 3)}`,
      channel: 'online',
      ratings: gradeRatings(ctx.rng, inst, perceive(ctx, shown, 0.7), EXCHANGE_THRESHOLDS, 0.04),
    });
  });
  for (let i = 1; i <= ROSTER.seminarOffice; i++) {
    ballots.push({
      id: `jc-exchange-office-${pad(i)}`,
      instrumentId: inst.id,
      raterGroupId: GROUP_IDS.office,
      raterName: null,
      boundUnitId: null,
      sessionId: SESSION_IDS.seminar,
      sheetId: `jc-sheet-seminar-office-${pad(i)}`,
      channel: 'online',
      ratings: gradeRatings(ctx.rng, inst, perceive(ctx, inst.subjectIds, 0.5), EXCHANGE_THRESHOLDS, 0.02),
    });
  }
  return ballots;
}

/** 加减分: the office's documented campaign-level bonuses and deductions, outside any session. */
function adjustmentBallot(ctx: Context): Ballot {
  const inst = instrument(ctx.def, INSTRUMENT_IDS.adjustments, 'adjustments');
  const ranked = [...inst.subjectIds].sort((a, b) => (ctx.quality.get(b) ?? 0) - (ctx.quality.get(a) ?? 0));
  const [first, second] = ranked;
  const last = ranked[ranked.length - 1];
  const decided = new Map<string, { itemId: string; points: string; reason: string }[]>([
    [first ?? '', [{ itemId: 'adj-recognised', points: '1', reason: `${nameOf(ctx, first ?? '')}“领题破题”经验被省委组织部专刊推广` }]],
    [second ?? '', [{ itemId: 'adj-pilot', points: '0.5', reason: `${nameOf(ctx, second ?? '')}承担全省党建引领网格治理试点任务` }]],
    [last ?? '', [{ itemId: 'adj-overdue', points: '0.5', reason: `${nameOf(ctx, last ?? '')}村级组织活动场所提升改造任务逾期未完成` }]],
  ]);
  const ratings: Rating[] = inst.subjectIds.map((subjectId) => {
    const adjustments = decided.get(subjectId);
    return adjustments ? { subjectId, adjustments } : { subjectId, abstain: true };
  });
  return {
    id: 'jc-adjustments-office',
    instrumentId: inst.id,
    raterGroupId: GROUP_IDS.office,
    raterName: null,
    boundUnitId: null,
    sessionId: null,
    sheetId: 'jc-sheet-adjustments-office',
    channel: 'online',
    ratings,
  };
}

export function jinchengBallots(def: CampaignDefinition, seed: number): Ballot[] {
  const rng = createRandom(seed);
  const ctx: Context = {
    def,
    rng,
    quality: latentQuality(def, rng),
    subjects: new Map(def.subjects.map((s) => [s.id, s])),
  };
  return [
    ...observationBallots(ctx),
    ...taskforceBallots(ctx),
    ...reportSessionBallots(ctx),
    ...seminarBallots(ctx),
    adjustmentBallot(ctx),
  ];
}
