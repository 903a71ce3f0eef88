/**
 * 计票与结果: results are always computed from the ballots, never stored or edited. The same domain functions run
 * here and in the offline `leitai tally`.
 */
import { AppError } from '../contracts/errors.js';
import { listBallotsForTally } from '../db/repositories/ballots.js';
import { explainRankingRow, explainSubject } from '../domain/explain.js';
import { isAtOrBelow, indexDefinition } from '../domain/definition-index.js';
import { presentExplanation, presentTally } from '../domain/present.js';
import { tallyCampaign } from '../domain/tally.js';
import type { Tally } from '../domain/results.js';
import type { CampaignDefinition } from '../domain/types.js';
import type { AppContext } from './context.js';
import { requireCampaign, requireDefinition } from './load-campaign.js';
import type { Actor } from './policies/roles.js';

export interface ComputedTally {
  def: CampaignDefinition;
  tally: Tally;
}

export async function computeTally(ctx: AppContext, campaignId: string): Promise<ComputedTally> {
  const def = await requireDefinition(ctx, campaignId);
  const ballots = await listBallotsForTally(ctx.database.db, campaignId, def.instruments);
  return { def, tally: tallyCampaign(def, ballots) };
}

/** Unit viewers see only published results, and only rows of their own units. */
async function assertMayRead(ctx: AppContext, actor: Actor, campaignId: string): Promise<void> {
  if (actor.role !== 'viewer') return;
  const campaign = await requireCampaign(ctx, campaignId);
  if (campaign.status !== 'published') throw new AppError('forbidden', { message: { zh: '结果尚未发布', en: 'The results are not published yet' } });
}

export async function getResults(ctx: AppContext, actor: Actor, campaignId: string): Promise<ReturnType<typeof presentTally>> {
  await assertMayRead(ctx, actor, campaignId);
  const { def, tally } = await computeTally(ctx, campaignId);
  if (actor.role === 'viewer' && actor.unitId) {
    const index = indexDefinition(def);
    const own = (unitId: string) => isAtOrBelow(index, unitId, actor.unitId!);
    tally.rankings = tally.rankings.map((r) => ({ ...r, rows: r.rows.filter((row) => own(row.unitId)) }));
    tally.invalidBallots = [];
  }
  return presentTally(def, tally);
}

export async function getUnitExplanation(ctx: AppContext, actor: Actor, campaignId: string, rankingId: string, unitId: string): Promise<unknown> {
  await assertMayRead(ctx, actor, campaignId);
  const { def, tally } = await computeTally(ctx, campaignId);
  const ranking = tally.rankings.find((r) => r.rankingId === rankingId);
  if (!ranking) throw new AppError('not_found', { message: { zh: `排名 ${rankingId} 不存在`, en: `No ranking ${rankingId}` } });
  if (!ranking.rows.some((r) => r.unitId === unitId)) throw new AppError('not_found', { message: { zh: `单位 ${unitId} 不在该排名中`, en: `Unit ${unitId} is not in this ranking` } });
  if (actor.role === 'viewer' && actor.unitId && !isAtOrBelow(indexDefinition(def), unitId, actor.unitId)) throw new AppError('forbidden');
  return presentExplanation(explainRankingRow(def, tally, rankingId, unitId), def.precision);
}

export async function getSubjectExplanation(ctx: AppContext, actor: Actor, campaignId: string, instrumentId: string, subjectId: string): Promise<unknown> {
  await assertMayRead(ctx, actor, campaignId);
  const { def, tally } = await computeTally(ctx, campaignId);
  const instrument = tally.instruments.find((i) => i.instrumentId === instrumentId);
  const subject = instrument?.subjects.find((s) => s.subjectId === subjectId);
  if (!subject) throw new AppError('not_found', { message: { zh: '该评价方式下没有这个对象', en: 'No such subject in this instrument' } });
  if (actor.role === 'viewer' && actor.unitId) {
    const index = indexDefinition(def);
    const unitId = index.subjects.get(subjectId)?.unitId;
    if (!unitId || !isAtOrBelow(index, unitId, actor.unitId)) throw new AppError('forbidden');
  }
  return presentExplanation(explainSubject(def, tally, instrumentId, subjectId), def.precision);
}
