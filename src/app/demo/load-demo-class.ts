/**
 * 示例培训班: stores the Jincheng demo's training class — venues, agenda, the roster of 2,100+, their check-ins, the
 * topic groups and the reflections — in the demo's transaction, in multi-row inserts. The class and each venue get
 * fresh secrets (they sign the rotating QR codes), so no two installations share them; everything else is the same
 * on every machine. 请假 and 补签 are audited as the office's entries are.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { insertReflections } from '../../db/repositories/reflections.js';
import { insertGroupMembers, insertTopicGroups } from '../../db/repositories/topic-groups.js';
import { insertCheckins, insertClass, insertLessons, insertParticipants, insertVenues } from '../../db/repositories/training.js';
import { parseLocalDateTime } from '../../domain/training/local-time.js';
import type { JinchengClass } from '../../demo/jincheng.js';
import type { AppContext } from '../context.js';
import { recordAudit } from '../kernel/record-audit.js';

/** When the roster was imported: the day before the class opened (China time). */
const ROSTER_IMPORTED_AT = '2022-06-14T16:00:00+08:00';

/** 32 random bytes, as create-class and save-venue make them. */
const newKey = (): string => randomBytes(32).toString('base64url');

const iso = (local: string): string => new Date(parseLocalDateTime(local)!).toISOString();

export async function storeDemoClass(trx: Db, ctx: AppContext, c: JinchengClass, campaignId: string, rootUnitId: string): Promise<void> {
  const createdAt = new Date(c.createdAt).toISOString();
  await insertClass(trx, {
    id: c.id,
    name: c.name,
    campaign_id: campaignId,
    root_unit_id: rootUnitId,
    reflections_close_at: null,
    starts_on: c.startsOn,
    ends_on: c.endsOn,
    grace_minutes: c.graceMinutes,
    late_share_percent: c.lateSharePercent,
    secret: newKey(),
    created_at: createdAt,
    updated_at: createdAt,
  });
  await insertVenues(trx, c.venues.map((v) => ({ class_id: c.id, id: v.id, name: v.name, unit_id: v.unitId, address: '', secret: newKey() })));
  await insertLessons(
    trx,
    c.lessons.map((l) => ({
      class_id: c.id,
      id: l.id,
      kind: l.kind,
      title: l.title,
      starts_at: iso(l.startsAt),
      ends_at: iso(l.endsAt),
      hours: l.hours,
      grace_minutes: null,
      late_share_percent: null,
      speakers: JSON.stringify(l.speakers),
      materials: JSON.stringify(l.materials),
      venue_ids: JSON.stringify(l.venueIds),
    })),
  );
  const importedAt = new Date(ROSTER_IMPORTED_AT).toISOString();
  await insertParticipants(trx, c.participants.map((p) => ({ class_id: c.id, id: p.id, name: p.name, unit_id: p.unitId, post: p.post, phone: null, code: p.code, created_at: importedAt })));
  await insertCheckins(
    trx,
    c.checkins.map((k) => ({
      class_id: c.id,
      lesson_id: k.lessonId,
      participant_id: k.participantId,
      venue_id: k.venueId,
      status: k.status,
      at: new Date(k.at).toISOString(),
      method: k.method,
      reason: k.reason,
      recorded_by: k.method === 'office' ? 'system' : null,
    })),
  );
  await storeDemoContent(trx, c);
  const names = new Map(c.participants.map((p) => [p.id, p.name]));
  for (const k of c.checkins) {
    if (k.method !== 'office') continue;
    const action = k.status === 'leave' ? 'training.checkin.leave' : 'training.checkin.late-entry';
    await recordAudit(trx, ctx, 'system', action, 'training_checkin', `${c.id}/${k.lessonId}/${k.participantId}`, { name: names.get(k.participantId), status: k.status, venueId: k.venueId, reason: k.reason });
  }
}

/** The 7 topic groups with their members, and the trainees' reflections (jincheng-content.ts). */
async function storeDemoContent(trx: Db, c: JinchengClass): Promise<void> {
  const groupsAt = iso('2022-06-17T11:40');
  await insertTopicGroups(trx, c.groups.map((g) => ({ class_id: c.id, id: g.id, position: g.position, topic: g.topic, reporter_id: g.reporterId, output: g.output, best: g.best ? 1 : 0, updated_at: groupsAt })));
  await insertGroupMembers(trx, c.groups.flatMap((g) => g.memberIds.map((id) => ({ class_id: c.id, participant_id: id, group_id: g.id }))));
  await insertReflections(
    trx,
    c.reflections.map((r) => ({ class_id: c.id, id: r.id, participant_id: r.participantId, lesson_id: r.lessonId, text: r.text, created_at: iso(r.writtenAt), updated_at: iso(r.writtenAt), featured: r.featured ? 1 : 0 })),
  );
}
