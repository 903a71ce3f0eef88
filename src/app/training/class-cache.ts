/**
 * 培训班缓存: the check-in path reads a class with its venues and agenda on every scan, and a returning phone's device,
 * so the server keeps each class it has read for a short while, and the devices it has seen. Only a cache: this server forgets a class the moment it changes one, and another
 * server's change is seen within TTL_MS (until changes are announced through the database, issue #16). Office pages
 * read the database itself.
 */
import type { Db } from '../../db/database.js';
import { findDeviceParticipant, type ParticipantRow } from '../../db/repositories/training.js';
import { getUnit } from '../../db/repositories/units.js';
import { requireClass, type ClassBundle } from './require-class.js';

const TTL_MS = 2000;
/** Unit names change only by an import; the answer to a check-in names the trainee's unit. */
const UNIT_TTL_MS = 60_000;

/** Devices kept: a province's class is 21,000 phones. */
const MAX_DEVICES = 50_000;
/** A participant's name and unit, as a check-in's answer shows them, may lag an edit by this much. */
const DEVICE_TTL_MS = 60_000;

export class ClassCache {
  /** Device hash → the participant it stands for. A device never changes whom it stands for; only the name shown may age. */
  private readonly devices = new Map<string, { at: number; person: ParticipantRow }>();
  private readonly classes = new Map<string, { at: number; bundle: Promise<ClassBundle> }>();
  private readonly unitNames = new Map<string, { at: number; name: Promise<string> }>();

  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  get(classId: string): Promise<ClassBundle> {
    const hit = this.classes.get(classId);
    const now = this.now();
    if (hit && now - hit.at < TTL_MS) return hit.bundle;
    const bundle = requireClass(this.db, classId);
    this.classes.set(classId, { at: now, bundle });
    // A refusal (no such class) is not kept.
    bundle.catch(() => this.classes.delete(classId));
    return bundle;
  }

  forget(classId: string): void {
    this.classes.delete(classId);
  }

  /** Drops every class and device kept (the unit names never change). */
  forgetAll(): void {
    this.classes.clear();
    this.devices.clear();
  }

  /** The participant a device stands for (by the hash of its secret), or null. */
  async device(hash: string): Promise<ParticipantRow | null> {
    const hit = this.devices.get(hash);
    const now = this.now();
    if (hit && now - hit.at < DEVICE_TTL_MS) return hit.person;
    const person = await findDeviceParticipant(this.db, hash);
    if (person) this.rememberDevice(hash, person);
    return person;
  }

  rememberDevice(hash: string, person: ParticipantRow): void {
    if (this.devices.size >= MAX_DEVICES) this.devices.clear();
    this.devices.set(hash, { at: this.now(), person });
  }

  unitName(unitId: string): Promise<string> {
    const hit = this.unitNames.get(unitId);
    const now = this.now();
    if (hit && now - hit.at < UNIT_TTL_MS) return hit.name;
    const name = getUnit(this.db, unitId).then((u) => u?.name ?? '');
    this.unitNames.set(unitId, { at: now, name });
    return name;
  }
}
