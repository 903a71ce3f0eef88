/**
 * 会场: add a venue to a class, or change one. Its unit (the city's or a county's party school) must lie within the
 * class's city; a new venue gets its own secret for its rotating codes and screen link.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import type { Venue, VenueInput } from '../../contracts/training.js';
import type { Db } from '../../db/database.js';
import { changeClass } from './change-class.js';
import { insertVenues, updateVenueRow } from '../../db/repositories/training.js';
import { getUnit } from '../../db/repositories/units.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';
import { isStoredUnitWithin } from '../policies/unit-scope.js';
import type { Actor } from '../policies/roles.js';
import { newTrainingId } from './new-ids.js';
import { presentVenue } from './present-class.js';
import { invalidField } from './refusals.js';
import { requireClass, requireVenue } from './require-class.js';

async function checkUnit(db: Db, rootUnitId: string, unitId: string | null): Promise<Map<string, string>> {
  if (unitId === null) return new Map();
  const unit = await getUnit(db, unitId);
  if (!unit) throw notFound('unit', unitId);
  if (!(await isStoredUnitWithin(db, unitId, rootUnitId))) throw invalidField('unitId', MESSAGES.unitOutsideClass(unit.name));
  return new Map([[unit.id, unit.name]]);
}

export async function addVenue(ctx: AppContext, actor: Actor, classId: string, input: VenueInput): Promise<Venue> {
  return changeClass(ctx, classId, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const names = await checkUnit(trx, bundle.row.root_unit_id, input.unitId);
    const id = input.id ?? newTrainingId('v');
    if (bundle.venues.some((v) => v.id === id)) throw new AppError('duplicate_id', { message: MESSAGES.venueIdTaken(id) });
    const row = { class_id: classId, id, name: input.name, unit_id: input.unitId, address: input.address, secret: randomBytes(32).toString('base64url') };
    await insertVenues(trx, [row]);
    await recordAudit(trx, ctx, actor, 'training.venue.add', 'training_venue', `${classId}/${id}`, { name: input.name, unitId: input.unitId });
    return presentVenue(row, names);
  });
}

export async function updateVenue(ctx: AppContext, actor: Actor, classId: string, venueId: string, input: VenueInput): Promise<Venue> {
  return changeClass(ctx, classId, async (trx) => {
    const bundle = await requireClass(trx, classId);
    const before = requireVenue(bundle, venueId);
    const names = await checkUnit(trx, bundle.row.root_unit_id, input.unitId);
    const values = { name: input.name, unit_id: input.unitId, address: input.address };
    await updateVenueRow(trx, classId, venueId, values);
    await recordAudit(trx, ctx, actor, 'training.venue.update', 'training_venue', `${classId}/${venueId}`, { from: { name: before.name, unitId: before.unit_id, address: before.address }, to: input });
    return presentVenue({ ...before, ...values }, names);
  });
}
