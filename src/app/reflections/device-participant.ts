/** The trainee a phone's device secret stands for, in this class — the same identity as at check-in — or a 404. */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import type { Db } from '../../db/database.js';
import { findDeviceParticipant, type ParticipantRow } from '../../db/repositories/training.js';
import { sha256Hex } from '../kernel/secrets.js';

export async function deviceParticipant(db: Db, classId: string, device: string): Promise<ParticipantRow> {
  const person = await findDeviceParticipant(db, sha256Hex(device));
  // A device of another class stands for nobody here: the same answer as an unknown one.
  if (!person || person.class_id !== classId) throw new AppError('participant_unknown', { message: MESSAGES.deviceUnknown });
  return person;
}
