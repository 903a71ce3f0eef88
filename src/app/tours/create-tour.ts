/**
 * 新建观摩: a tour scores one score instrument of sites in one session of the campaign, signed in one named group of
 * that instrument. Both default to the only candidate, and are refused plainly when there is none or more than one.
 * A review group, when named, must be another group of the campaign; whether its scores count is shown, not required.
 */
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { TourInput, TourView } from '../../contracts/tours.js';
import { getSession } from '../../db/repositories/sessions.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { insertTour } from '../../db/repositories/tours.js';
import type { DefinitionIndex } from '../../domain/definition-index.js';
import type { AppContext } from '../context.js';
import { newId } from '../kernel/secrets.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { invalidField } from '../training/refusals.js';
import { presentTour } from './present-tour.js';
import { isSiteInstrument } from './tour-setup.js';

export async function createTour(ctx: AppContext, actor: Actor, campaignId: string, input: TourInput): Promise<TourView> {
  const db = ctx.database.db;
  const session = await getSession(db, input.sessionId);
  if (!session || session.campaignId !== campaignId) throw notFound('session', input.sessionId);
  const { index } = await ctx.definitions.forSheet(campaignId, session.id, null);

  const candidates = session.instrumentIds.filter((id) => isSiteInstrument(index, id));
  let instrumentId = input.instrumentId;
  if (instrumentId === undefined) {
    if (candidates.length === 0) throw invalidField('sessionId', MESSAGES.tourSessionNoSiteInstrument(session.name));
    if (candidates.length > 1) throw invalidField('instrumentId', MESSAGES.tourInstrumentAmbiguous(session.name));
    instrumentId = candidates[0]!;
  } else if (!candidates.includes(instrumentId)) {
    throw invalidField('instrumentId', MESSAGES.tourInstrumentUnfit(index.instruments.get(instrumentId)?.name ?? instrumentId));
  }
  const raterGroupId = chooseGroup(index, instrumentId, input.raterGroupId, input.reviewGroupId);
  if (input.reviewGroupId !== null) checkReviewGroup(index, raterGroupId, input.reviewGroupId);

  const at = ctx.clock().toISOString();
  const row = { id: newId('tour'), campaign_id: campaignId, name: input.name, session_id: session.id, instrument_id: instrumentId, rater_group_id: raterGroupId, review_group_id: input.reviewGroupId, created_at: at, updated_at: at };
  await inTransaction(db, async (trx) => {
    await insertTour(trx, row);
    await recordAudit(trx, ctx, actor, 'tour.create', 'tour', row.id, { name: row.name, sessionId: row.session_id, instrumentId, raterGroupId, reviewGroupId: row.review_group_id });
  });
  return presentTour(ctx, row);
}

/** The observers' group: the one asked for, or the instrument's only named group besides the review meetings'. */
function chooseGroup(index: DefinitionIndex, instrumentId: string, wanted: string | undefined, reviewGroupId: string | null): string {
  const instrument = index.instruments.get(instrumentId)!;
  const named = instrument.groupWeights.map((g) => index.groups.get(g.groupId)).filter((g) => g?.mode === 'named').map((g) => g!.id);
  if (wanted !== undefined) {
    if (!named.includes(wanted)) throw invalidField('raterGroupId', MESSAGES.tourGroupUnfit(index.groups.get(wanted)?.name ?? wanted));
    return wanted;
  }
  const candidates = named.filter((id) => id !== reviewGroupId);
  if (candidates.length === 0) throw invalidField('raterGroupId', MESSAGES.tourGroupMissing(instrument.name));
  if (candidates.length > 1) throw invalidField('raterGroupId', MESSAGES.tourGroupAmbiguous(instrument.name));
  return candidates[0]!;
}

export function checkReviewGroup(index: DefinitionIndex, raterGroupId: string, reviewGroupId: string): void {
  if (!index.groups.has(reviewGroupId)) throw invalidField('reviewGroupId', MESSAGES.tourReviewGroupUnknown(reviewGroupId));
  if (reviewGroupId === raterGroupId) throw invalidField('reviewGroupId', MESSAGES.tourReviewGroupSame);
}
