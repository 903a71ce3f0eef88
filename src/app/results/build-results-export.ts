/**
 * 结果导出: what the xlsx workbook and the PDF report are rendered from — the campaign, the results as the server
 * computes them now (from the ballots as cast, like the bundle), the raw ballots as anonymous rows, and the 公示
 * record when there is one. Anonymous groups' ballots carry no person; a named group's signer may appear.
 */
import { getPublication } from '../../db/repositories/publications.js';
import { listBallotsAsCast } from '../../db/repositories/ballots.js';
import { presentTally, type PresentedTally } from '../../domain/present.js';
import { tallyCampaign } from '../../domain/tally.js';
import type { Ballot, CampaignDefinition, Instrument, Rating } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';

export interface RawBallotRow {
  ballotId: string;
  instrument: string;
  group: string;
  session: string;
  channel: '线上' | '纸质';
  subject: string;
  /** Grade label, score, criteria and adjustments, or 弃权. */
  value: string;
  /** Numeric value when there is one (a score, or a grade's points). */
  points: number | null;
  /** Named groups only. */
  signer: string | null;
  invalidReason: string | null;
}

export interface ResultsExport {
  definition: CampaignDefinition;
  campaign: { id: string; name: string; status: string; publishedAt: string | null };
  generatedAt: string;
  results: PresentedTally;
  publication: { title: string; noticeDate: string; objectionEndDate: string; resultsHash: string } | null;
  /** Raw ballots, one row per rating, a few rows at a time (a province has millions). */
  rawRows(): Iterable<RawBallotRow>;
}

function ratingValue(instrument: Instrument | undefined, r: Rating): { value: string; points: number | null } {
  if (r.abstain) return { value: '弃权', points: null };
  if (instrument?.kind === 'grade' && r.grade !== undefined) {
    const grade = instrument.grades.find((g) => g.key === r.grade);
    return { value: grade?.label ?? r.grade, points: grade ? Number(grade.points) : null };
  }
  const parts: string[] = [];
  if (r.score !== undefined) parts.push(r.score);
  if (r.criteria) parts.push(Object.entries(r.criteria).map(([k, v]) => `${k}=${v}`).join('；'));
  const items = instrument && instrument.kind !== 'grade' ? (instrument.adjustments?.items ?? []) : [];
  for (const a of r.adjustments ?? []) {
    const item = items.find((i) => i.id === a.itemId);
    parts.push(`${item?.label ?? a.itemId}${item?.direction === 'deduction' ? '−' : '+'}${a.points}（${a.reason}）`);
  }
  return { value: parts.join(' ') || '—', points: r.score !== undefined ? Number(r.score) : null };
}

function* rawRows(def: CampaignDefinition, ballots: Ballot[], invalid: Map<string, string>): Iterable<RawBallotRow> {
  const instruments = new Map(def.instruments.map((i) => [i.id, i]));
  const groups = new Map(def.raterGroups.map((g) => [g.id, g]));
  const sessions = new Map(def.sessions.map((s) => [s.id, s.name]));
  const subjects = new Map(def.subjects.map((s) => [s.id, s.name]));
  for (const b of ballots) {
    const instrument = instruments.get(b.instrumentId);
    const group = groups.get(b.raterGroupId);
    // Only a named group's ballot may say who signed it; an anonymous one never carries a person.
    const signer = group?.mode === 'named' ? b.raterName : null;
    for (const r of b.ratings) {
      yield {
        ballotId: b.id,
        instrument: instrument?.name ?? b.instrumentId,
        group: group?.name ?? b.raterGroupId,
        session: b.sessionId === null ? '' : (sessions.get(b.sessionId) ?? b.sessionId),
        channel: b.channel === 'paper' ? '纸质' : '线上',
        subject: subjects.get(r.subjectId) ?? r.subjectId,
        ...ratingValue(instrument, r),
        signer,
        invalidReason: invalid.get(b.id) ?? null,
      };
    }
  }
}

const byKey = (a: Ballot, b: Ballot): number =>
  (a.sessionId ?? '').localeCompare(b.sessionId ?? '') || a.instrumentId.localeCompare(b.instrumentId) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function buildResultsExport(ctx: AppContext, campaignId: string): Promise<ResultsExport> {
  const campaign = await requireCampaign(ctx, campaignId);
  const definition = await requireDefinition(ctx, campaignId);
  const ballots = await listBallotsAsCast(ctx.database.db, campaignId);
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
    publication: publication && { title: publication.title, noticeDate: publication.noticeDate, objectionEndDate: publication.objectionEndDate, resultsHash: publication.resultsHash },
    rawRows: () => rawRows(definition, sorted, invalid),
  };
}
