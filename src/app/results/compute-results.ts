/**
 * 计票与结果: results are always computed from the ballots, never stored or edited. The same domain functions run
 * here and in the offline `leitai tally`.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { listBallotsForTally } from '../../db/repositories/ballots.js';
import { explainRankingRow, explainSubject } from '../../domain/explain.js';
import { isAtOrBelow, indexDefinition } from '../../domain/definition-index.js';
import { presentExplanation, presentTally, type PresentedTally } from '../../domain/present.js';
import { tallyCampaign } from '../../domain/tally.js';
import type { Tally } from '../../domain/results.js';
import type { CampaignDefinition } from '../../domain/types.js';
import type { AppContext } from '../context.js';
import { requireCampaign } from '../campaigns/require-campaign.js';
import { requireDefinition } from '../campaigns/require-definition.js';
import type { Actor } from '../policies/roles.js';
import { notPublished, outsideScope, viewerUnit } from '../policies/unit-scope.js';
import type { PresentedExplanation } from '../../domain/present.js';

export interface ComputedTally {
  def: CampaignDefinition;
  tally: Tally;
}

export async function computeTally(ctx: AppContext, campaignId: string): Promise<ComputedTally> {
  const def = await requireDefinition(ctx, campaignId);
  return { def, tally: await ctx.results.tally(def, tallyFromBallots(ctx, def)) };
}

const tallyFromBallots = (ctx: AppContext, def: CampaignDefinition) => async (): Promise<Tally> =>
  tallyCampaign(def, await listBallotsForTally(ctx.database.db, def.id, def.instruments));

/** Unit viewers see only published results; returns the unit a viewer is confined to (null for office roles). */
export async function assertMayRead(ctx: AppContext, actor: Actor, campaignId: string): Promise<string | null> {
  const scope = viewerUnit(actor);
  if (scope === null) return null;
  const campaign = await requireCampaign(ctx, campaignId);
  if (campaign.status !== 'published') throw notPublished();
  return scope;
}

/**
 * The office's (unfiltered) presented tally with its definition, from the results cache: the purpose-built read
 * views (src/app/ranking-views.ts) pick from it; callers confined to a unit must filter with `viewerRowFilter`.
 */
export async function presentedResults(ctx: AppContext, campaignId: string): Promise<{ def: CampaignDefinition; presented: PresentedTally }> {
  const def = await requireDefinition(ctx, campaignId);
  return { def, presented: await ctx.results.presented(def, tallyFromBallots(ctx, def), (tally) => presentTally(def, tally)) };
}

/** Which ranking rows a caller confined to `scope` may see (the same rule `getResults` applies); null scope sees all. */
export function viewerRowFilter(def: CampaignDefinition, scope: string | null): (unitId: string) => boolean {
  if (scope === null) return () => true;
  const index = indexDefinition(def);
  return (unitId) => isAtOrBelow(index, unitId, scope);
}

export async function getResults(ctx: AppContext, actor: Actor, campaignId: string): Promise<PresentedTally> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  if (scope === null) {
    const def = await requireDefinition(ctx, campaignId);
    return ctx.results.presented(def, tallyFromBallots(ctx, def), (tally) => presentTally(def, tally));
  }
  const { def, tally } = await computeTally(ctx, campaignId);
  // A viewer gets the rows and subject scores of its own units only, and no ballot-level detail.
  const index = indexDefinition(def);
  const own = (unitId: string | undefined) => unitId !== undefined && isAtOrBelow(index, unitId, scope);
  tally.rankings = tally.rankings.map((r) => ({ ...r, rows: r.rows.filter((row) => own(row.unitId)) }));
  tally.instruments = tally.instruments.map((i) => ({ ...i, subjects: i.subjects.filter((st) => own(index.subjects.get(st.subjectId)?.unitId)) }));
  tally.invalidBallots = [];
  return presentTally(def, tally);
}

export async function getUnitExplanation(ctx: AppContext, actor: Actor, campaignId: string, rankingId: string, unitId: string): Promise<PresentedExplanation> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  const { def, tally } = await computeTally(ctx, campaignId);
  if (scope !== null && !isAtOrBelow(indexDefinition(def), unitId, scope)) throw outsideScope();
  const ranking = tally.rankings.find((r) => r.rankingId === rankingId);
  if (!ranking) throw notFound('ranking', rankingId);
  if (!ranking.rows.some((r) => r.unitId === unitId)) throw new AppError('not_found', { message: MESSAGES.unitNotInRanking(unitId) });
  return presentExplanation(explainRankingRow(def, tally, rankingId, unitId), def.precision);
}

export async function getSubjectExplanation(ctx: AppContext, actor: Actor, campaignId: string, instrumentId: string, subjectId: string): Promise<PresentedExplanation> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  const { def, tally } = await computeTally(ctx, campaignId);
  if (scope !== null) {
    const index = indexDefinition(def);
    const unitId = index.subjects.get(subjectId)?.unitId;
    if (!unitId || !isAtOrBelow(index, unitId, scope)) throw outsideScope();
  }
  const instrument = tally.instruments.find((i) => i.instrumentId === instrumentId);
  const subject = instrument?.subjects.find((s) => s.subjectId === subjectId);
  if (!subject) throw new AppError('not_found', { message: MESSAGES.subjectNotInInstrument });
  return presentExplanation(explainSubject(def, tally, instrumentId, subjectId), def.precision);
}
