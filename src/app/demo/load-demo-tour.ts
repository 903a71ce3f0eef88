/**
 * Stores the demo's observation tour (demo/jincheng-tour.ts) on the 观摩评 session: its days and stops, its team —
 * each observer's personal link a fresh secret nobody is shown (the office renews a link to hand it out) — and the six
 * review meetings. No sheet: the team's scores are the session's ballots, so every observer shows as 已评（选票）.
 */
import type { Db } from '../../db/database.js';
import { insertTour, insertTourDays, insertTourObservers, insertTourStops, saveTourReview } from '../../db/repositories/tours.js';
import type { DemoTour } from '../../demo/jincheng-tour.js';
import { GROUP_IDS } from '../../domain/liangshaiping/rater-groups.js';
import { INSTRUMENT_IDS } from '../../domain/liangshaiping/instruments.js';
import type { AppContext } from '../context.js';
import { newSecret, sha256Hex } from '../kernel/secrets.js';
import { recordAudit } from '../kernel/record-audit.js';

export async function storeDemoTour(trx: Db, ctx: AppContext, tour: DemoTour, campaignId: string, sessionId: string, createdAt: string): Promise<void> {
  await insertTour(trx, {
    id: tour.id,
    campaign_id: campaignId,
    name: tour.name,
    session_id: sessionId,
    instrument_id: INSTRUMENT_IDS.observation,
    rater_group_id: GROUP_IDS.observers,
    review_group_id: null,
    created_at: createdAt,
    updated_at: createdAt,
  });
  const base = { tour_id: tour.id, campaign_id: campaignId };
  await insertTourDays(trx, tour.days.map((d, i) => ({ ...base, id: `${tour.id}-day-${i + 1}`, date: d.date, label: d.label, position: i + 1 })));
  await insertTourStops(
    trx,
    tour.days.flatMap((d, i) =>
      d.stops.map((s, j) => ({ ...base, id: `${tour.id}-stop-${s.subjectId}`, day_id: `${tour.id}-day-${i + 1}`, position: j + 1, subject_id: s.subjectId, theme: s.theme, address: s.address, planned_time: s.plannedTime })),
    ),
  );
  await insertTourObservers(
    trx,
    tour.observers.map((o, i) => ({ ...base, id: `${tour.id}-observer-${String(i + 1).padStart(2, '0')}`, name: o.name, role_name: o.roleName, key_hash: sha256Hex(newSecret()), last_seen_at: null, last_synced_at: null, position: i + 1 })),
  );
  for (const r of tour.reviews) {
    await saveTourReview(trx, {
      ...base,
      unit_id: r.unitId,
      held_on: r.heldOn,
      place: r.place,
      attendees: JSON.stringify(r.attendees),
      site_comments: JSON.stringify(r.siteComments),
      remarks: r.remarks,
      score: null,
      updated_at: `${r.heldOn}T10:00:00.000Z`,
    });
  }
  await recordAudit(trx, ctx, 'system', 'demo.load', 'tour', tour.id, { stops: tour.days.reduce((n, d) => n + d.stops.length, 0), observers: tour.observers.length });
}
