/** 得分说明: one subject's score in one instrument, down to groups and ballots. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { ballotsToRead, explainSubject } from '../../domain/explain.js';
import { findBallotsAsCast } from '../../db/repositories/ballots.js';
import { isAtOrBelow, indexDefinition } from '../../domain/definition-index.js';
import { presentExplanation } from '../../domain/present.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { outsideScope } from '../policies/unit-scope.js';
import type { PresentedExplanation } from '../../domain/present.js';
import { computeTally } from './compute-tally.js';
import { assertMayRead } from '../policies/results-access.js';

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
  const outline = explainSubject(def, tally, instrumentId, subjectId);
  const needed = ballotsToRead(def, outline, instrumentId);
  if (needed.length === 0) return presentExplanation(outline, def.precision);
  const ballots = await findBallotsAsCast(ctx.database.db, campaignId, needed);
  return presentExplanation(explainSubject(def, tally, instrumentId, subjectId, ballots), def.precision);
}
