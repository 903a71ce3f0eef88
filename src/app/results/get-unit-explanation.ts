/** 得分说明: a unit's total in a ranking, down to components, groups and ballots. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { ballotsToRead, explainRankingRow } from '../../domain/explain.js';
import { findBallotsAsCast } from '../../db/repositories/ballots.js';
import { isAtOrBelow, indexDefinition } from '../../domain/definition-index.js';
import { presentExplanation } from '../../domain/present.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { outsideScope } from '../policies/unit-scope.js';
import type { PresentedExplanation } from '../../domain/present.js';
import { computeTally } from './compute-tally.js';
import { assertMayRead } from '../policies/results-access.js';

export async function getUnitExplanation(ctx: AppContext, actor: Actor, campaignId: string, rankingId: string, unitId: string): Promise<PresentedExplanation> {
  const scope = await assertMayRead(ctx, actor, campaignId);
  const { def, tally } = await computeTally(ctx, campaignId);
  if (scope !== null && !isAtOrBelow(indexDefinition(def), unitId, scope)) throw outsideScope();
  const ranking = tally.rankings.find((r) => r.rankingId === rankingId);
  if (!ranking) throw notFound('ranking', rankingId);
  if (!ranking.rows.some((r) => r.unitId === unitId)) throw new AppError('not_found', { message: MESSAGES.unitNotInRanking(unitId) });
  const outline = explainRankingRow(def, tally, rankingId, unitId);
  // The tally keeps each ballot's sum only: the ballots with adjustments are read as cast for their reasons.
  const needed = ballotsToRead(def, outline);
  if (needed.length === 0) return presentExplanation(outline, def.precision);
  const ballots = await findBallotsAsCast(ctx.database.db, campaignId, needed);
  return presentExplanation(explainRankingRow(def, tally, rankingId, unitId, ballots), def.precision);
}
