/**
 * 结果导出: what the xlsx workbook and the PDF report are rendered from — the campaign, the results as the server
 * computes them now (from the ballots as cast, like the bundle), the raw ballots as anonymous rows with their
 * adjustments (加减分) apart, a plain-words remark per ranking row, and the 公示 record when there is one. Anonymous
 * groups' ballots carry no person; a named group's signer may appear.
 */
import { getPublication } from '../../db/repositories/publications.js';
import { listBallotsAsCast } from '../../db/repositories/ballots.js';
import { presentTally, type PresentedTally } from '../../domain/present.js';
import { tallyCampaign } from '../../domain/tally.js';
import type { Ballot, CampaignDefinition, Instrument, Rating } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { nameForExport } from '../kernel/export-names.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import { rankingRemarks } from './ranking-remarks.js';

/** Where a ballot came from, shared by its rating rows and its adjustment rows. */
interface BallotOrigin {
  ballotId: string;
  instrument: string;
  group: string;
  session: string;
  channel: '线上' | '纸质';
  subject: string;
  /** Named groups only. */
  signer: string | null;
  invalidReason: string | null;
}

export interface RawBallotRow extends BallotOrigin {
  /** Grade label, score, or criteria with their points, or 弃权; adjustments are listed apart (AdjustmentRow). */
  value: string;
  /** Numeric value when there is one (a score, or a grade's points). */
  points: number | null;
}

/** 加减分: one bonus or deduction on a ballot, with its written reason. */
export interface AdjustmentRow extends BallotOrigin {
  item: string;
  direction: '加分' | '减分';
  /** Signed: a deduction is negative. */
  points: number;
  reason: string;
}

export interface ResultsExport {
  definition: CampaignDefinition;
  campaign: { id: string; name: string; status: string; publishedAt: string | null };
  generatedAt: string;
  results: PresentedTally;
  /** Per ranking (by id), per row in rank order: what a reader of the table should know, in plain words (zh). */
  remarks: Record<string, string[][]>;
  publication: { title: string; noticeDate: string; objectionEndDate: string; objectionDays: number; issuer: string | null; resultsHash: string } | null;
  /** Raw ballots, one row per rating, a few rows at a time (a province has millions). */
  rawRows(): Iterable<RawBallotRow>;
  /** Every adjustment on every ballot, one row each. */
  adjustmentRows(): Iterable<AdjustmentRow>;
}

function ratingValue(instrument: Instrument | undefined, r: Rating): { value: string; points: number | null } {
  if (r.abstain) return { value: '弃权', points: null };
  if (instrument?.kind === 'grade' && r.grade !== undefined) {
    const grade = instrument.grades.find((g) => g.key === r.grade);
    return { value: grade?.label ?? r.grade, points: grade ? Number(grade.points) : null };
  }
  const parts: string[] = [];
  if (r.score !== undefined) parts.push(r.score);
  if (r.criteria) {
    const criteria = instrument?.kind === 'score' ? (instrument.criteria ?? []) : [];
    parts.push(Object.entries(r.criteria).map(([k, v]) => `${criteria.find((c) => c.id === k)?.label ?? k} ${v}`).join('；'));
  }
  return { value: parts.join(' ') || '—', points: r.score !== undefined ? Number(r.score) : null };
}

function* ballotRows<T>(def: CampaignDefinition, ballots: Ballot[], invalid: Map<string, string>, rowsOf: (origin: BallotOrigin, instrument: Instrument | undefined, r: Rating) => Iterable<T>): Iterable<T> {
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const groups = new Map(def.raterGroups.map((g) => [g.id, g]));
  const sessions = new Map(def.sessions.map((s) => [s.id, s.name]));
  const subjects = new Map(def.subjects.map((s) => [s.id, s.name]));
  for (const b of ballots) {
    const instrument = instruments.get(b.instrumentId);
    const group = groups.get(b.raterGroupId);
    for (const r of b.ratings) {
      yield* rowsOf(
        {
          ballotId: b.id,
          instrument: instrument?.name ?? b.instrumentId,
          group: group?.name ?? b.raterGroupId,
          session: b.sessionId === null ? '' : (sessions.get(b.sessionId) ?? b.sessionId),
          channel: b.channel === 'paper' ? '纸质' : '线上',
          subject: subjects.get(r.subjectId) ?? r.subjectId,
          // Only a named group's ballot may say who signed it; an anonymous one never carries a person.
          signer: group?.mode === 'named' ? b.raterName : null,
          invalidReason: invalid.get(b.id) ?? null,
        },
        instrument,
        r,
      );
    }
  }
}

/** Ratings as cast; an adjustments instrument's ratings are nothing but adjustments, so they are listed apart only. */
function* ratingRow(origin: BallotOrigin, instrument: Instrument | undefined, r: Rating): Iterable<RawBallotRow> {
  if (instrument?.kind !== 'adjustments') yield { ...origin, ...ratingValue(instrument, r) };
}

function* adjustmentRow(origin: BallotOrigin, instrument: Instrument | undefined, r: Rating): Iterable<AdjustmentRow> {
  const items = instrument && instrument.kind !== 'grade' ? (instrument.adjustments?.items ?? []) : [];
  for (const a of r.adjustments ?? []) {
    const item = items.find((i) => i.id === a.itemId);
    const deduction = item?.direction === 'deduction';
    yield { ...origin, item: item?.label ?? a.itemId, direction: deduction ? '减分' : '加分', points: deduction ? -Number(a.points) : Number(a.points), reason: a.reason };
  }
}

/** By session and form; within them in content order, as named for the export (kernel/export-names.ts). */
const byKey = (a: Ballot, b: Ballot): number => (a.sessionId ?? '').localeCompare(b.sessionId ?? '') || a.instrumentId.localeCompare(b.instrumentId);

export async function buildResultsExport(ctx: AppContext, campaignId: string): Promise<ResultsExport> {
  const campaign = await requireCampaign(ctx, campaignId);
  const definition = await requireDefinition(ctx, campaignId);
  // Named for this workbook only: stored ids would tell which anonymous ballots were committed together.
  const ballots = nameForExport(await listBallotsAsCast(ctx.database.db, campaignId)).ballots;
  const tally = tallyCampaign(definition, ballots);
  const results = presentTally(definition, tally);
  const invalid = new Map(tally.invalidBallots.map((b) => [b.ballotId, b.problems.map((p) => p.message.zh).join('；')]));
  const publication = await getPublication(ctx.database.db, campaignId);
  const sorted = [...ballots].sort(byKey);
  return {
    definition,
    campaign: { id: campaign.id, name: campaign.name, status: campaign.status, publishedAt: campaign.publishedAt },
    generatedAt: ctx.clock().toISOString(),
    results,
    remarks: rankingRemarks(definition, results, sorted, new Set(invalid.keys())),
    publication: publication && {
      title: publication.title,
      noticeDate: publication.noticeDate,
      objectionEndDate: publication.objectionEndDate,
      objectionDays: publication.objectionDays,
      issuer: publication.issuer,
      resultsHash: publication.resultsHash,
    },
    rawRows: () => ballotRows(definition, sorted, invalid, ratingRow),
    adjustmentRows: () => ballotRows(definition, sorted, invalid, adjustmentRow),
  };
}
