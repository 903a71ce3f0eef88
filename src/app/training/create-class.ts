/**
 * 新建培训班: a class of a campaign (its city by default) or one that stands alone (its city named). Dates must
 * exist and run forward; the class gets its own secret for signing scans.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { ClassInput, TrainingClass } from '../../contracts/training.js';
import { getCampaign } from '../../db/repositories/campaigns.js';
import { inTransaction } from '../../db/repositories/shared.js';
import { getClassRow, insertClass } from '../../db/repositories/training.js';
import { getUnit } from '../../db/repositories/units.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import { newTrainingId } from './new-ids.js';
import { presentClass } from './present-class.js';
import { requireClass } from './require-class.js';
import { invalidField } from './refusals.js';

export async function createClass(ctx: AppContext, actor: Actor, input: ClassInput): Promise<TrainingClass> {
  if (input.endsOn < input.startsOn) throw invalidField('endsOn', MESSAGES.classDatesReversed);
  const db = ctx.database.db;
  let rootUnitId = input.rootUnitId ?? null;
  if (input.campaignId !== null) {
    const campaign = await getCampaign(db, input.campaignId);
    if (!campaign) throw notFound('campaign', input.campaignId);
    rootUnitId ??= campaign.rootUnitId;
  }
  if (rootUnitId === null) throw invalidField('rootUnitId', MESSAGES.classRootNeeded);
  if (!(await getUnit(db, rootUnitId))) throw notFound('unit', rootUnitId);
  const id = input.id ?? newTrainingId('tc');
  const now = ctx.clock().toISOString();
  await inTransaction(db, async (trx) => {
    if (await getClassRow(trx, id)) throw new AppError('duplicate_id', { message: MESSAGES.classIdTaken(id) });
    await insertClass(trx, {
      id,
      name: input.name,
      campaign_id: input.campaignId,
      root_unit_id: rootUnitId,
      reflections_close_at: null,
      starts_on: input.startsOn,
      ends_on: input.endsOn,
      grace_minutes: input.graceMinutes,
      late_share_percent: input.lateSharePercent,
      secret: randomBytes(32).toString('base64url'),
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, ctx, actor, 'training.class.create', 'training_class', id, { name: input.name, campaignId: input.campaignId, startsOn: input.startsOn, endsOn: input.endsOn });
  });
  return presentClass(db, await requireClass(db, id), 0);
}
