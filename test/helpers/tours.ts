/**
 * A campaign made for tours (观摩): a city with 6 counties and 22 observation sites (4, 4, 4, 4, 3, 3), the 观摩评
 * instrument of the 亮晒评 template over them (0–100 on steps of 0.5, 加分/减分 capped at 5 each), weighed for the
 * observers (观摩团, named) and — when `reviewWeight` is given — for a review group (调度点评会, named); a county
 * ranking of it, and the tour's session, open. Plus the calls a test makes through the API.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Database } from '../../src/db/database.js';
import { createCampaign } from '../../src/db/repositories/campaigns.js';
import { saveDefinitionParts } from '../../src/db/repositories/definition.js';
import { createSession, updateSessionStatus } from '../../src/db/repositories/sessions.js';
import { insertUnits } from '../../src/db/repositories/units.js';
import { observationInstrument } from '../../src/domain/liangshaiping/instruments.js';
import type { Rating, Subject, Unit } from '../../src/domain/types.js';
import type { TestApp } from './app.js';

export const TOUR_CAMPAIGN = 'c-tour';
export const TOUR_SESSION = 'sess-tour';
export const OBSERVERS = 'g-observers';
export const REVIEW = 'g-review';

export const TOUR_CITY: Unit = { id: 'u-city', code: '140500', name: '晋城市', level: 'city', parentId: null };
export const TOUR_COUNTIES: Unit[] = ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'].map((name, i) => ({
  id: `u-k${i + 1}`,
  code: `14050${i + 1}`,
  name,
  level: 'county' as const,
  parentId: 'u-city',
}));

/** 22 sites: 4 in each of the first four counties, 3 in the last two. */
export const TOUR_SITES: Subject[] = TOUR_COUNTIES.flatMap((county, c) =>
  Array.from({ length: c < 4 ? 4 : 3 }, (_, i) => ({ id: `site-${c + 1}-${i + 1}`, kind: 'site' as const, unitId: county.id, name: `${county.name}实训点${i + 1}` })),
);

export async function seedTourCampaign(database: Database, options: { reviewWeight?: string; sessionStatus?: 'draft' | 'open' } = {}): Promise<void> {
  const { db } = database;
  const now = new Date('2022-06-01T00:00:00Z');
  await insertUnits(db, [TOUR_CITY, ...TOUR_COUNTIES]);
  await createCampaign(db, { id: TOUR_CAMPAIGN, name: '观摩测试活动', rootUnitId: TOUR_CITY.id }, now);
  const weights = [{ groupId: OBSERVERS, weight: '1' }, ...(options.reviewWeight ? [{ groupId: REVIEW, weight: options.reviewWeight }] : [])];
  const observation = observationInstrument(TOUR_SITES.map((s) => s.id), weights);
  // A plain mean, so a changed score moves the site's result visibly.
  observation.aggregation = { method: 'mean' };
  await saveDefinitionParts(db, TOUR_CAMPAIGN, {
    subjects: [...TOUR_COUNTIES.map((u) => ({ id: `s-${u.id}`, kind: 'unit' as const, unitId: u.id, name: u.name })), ...TOUR_SITES],
    raterGroups: [
      { id: OBSERVERS, name: '观摩团', mode: 'named' },
      { id: REVIEW, name: '调度点评会', mode: 'named' },
      { id: 'g-office', name: '专项行动办公室', mode: 'anonymous' },
    ],
    instruments: [observation],
    rankings: [
      {
        id: 'r-county',
        name: '县级排名',
        level: 'county',
        scopeUnitId: TOUR_CITY.id,
        components: [{ instrumentId: observation.id, weight: '100' }],
        adjustmentInstrumentIds: [],
        missingComponent: 'zero',
        tieBreaks: [],
        tiers: [{ key: 'all', label: '全部', numerator: 100, denominator: 100, rounding: 'exact' }],
      },
    ],
  });
  await createSession(db, { id: TOUR_SESSION, campaignId: TOUR_CAMPAIGN, name: '现场观摩', instrumentIds: [observation.id], expected: { [OBSERVERS]: 12 } });
  if ((options.sessionStatus ?? 'open') === 'open') assert.ok(await updateSessionStatus(db, TOUR_SESSION, 'draft', 'open', now));
}

export function json<T = unknown>(res: LightMyRequestResponse, status: number): T {
  assert.equal(res.statusCode, status, `${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Creates the tour, plans every site (county by county, one day each) and adds `observers` members: their links. */
export async function planTour(t: TestApp, observers: number): Promise<{ tourId: string; stops: { id: string; subjectId: string }[]; links: string[]; observerIds: string[] }> {
  const tour = json<{ id: string }>(await t.call('organiser', { method: 'POST', url: `/api/campaigns/${TOUR_CAMPAIGN}/tours`, payload: { name: '现场观摩', sessionId: TOUR_SESSION, raterGroupId: OBSERVERS } }), 201);
  const days = TOUR_COUNTIES.map((county, d) => ({
    date: `2022-06-${String(6 + d).padStart(2, '0')}`,
    label: `第${d + 1}天`,
    stops: TOUR_SITES.filter((s) => s.unitId === county.id).map((s, i) => ({ subjectId: s.id, theme: `${s.name}主题`, address: `${county.name}某村`, plannedTime: `${String(8 + i).padStart(2, "0")}:30` })),
  }));
  const view = json<{ days: { stops: { id: string; subjectId: string }[] }[] }>(await t.call('organiser', { method: 'PUT', url: `/api/tours/${tour.id}/itinerary`, payload: { days } }), 200);
  const links: string[] = [];
  const observerIds: string[] = [];
  for (let i = 1; i <= observers; i++) {
    const made = json<{ observer: { id: string }; link: string }>(
      await t.call('organiser', { method: 'POST', url: `/api/tours/${tour.id}/observers`, payload: { name: `观摩团成员${String(i).padStart(2, '0')}`, roleName: '市委组织部副部长' } }),
      201,
    );
    links.push(made.link);
    observerIds.push(made.observer.id);
  }
  return { tourId: tour.id, stops: view.days.flatMap((d) => d.stops), links, observerIds };
}

export function rating(subjectId: string, score = '85', adjustments: Rating['adjustments'] = []): Rating {
  return { subjectId, score, adjustments };
}

/** A sheet as the phone queues it. */
export function sheet(stop: { id: string; subjectId: string }, score = '85', adjustments: Rating['adjustments'] = []) {
  return { id: randomUUID(), stopId: stop.id, scoredAt: '2022-06-06T02:05:00.000Z', rating: rating(stop.subjectId, score, adjustments) };
}

export function sendSheet(t: TestApp, link: string, body: unknown): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/tour-phone/sheets', payload: { link, sheet: body } });
}

export async function countRows(database: Database, table: 'tour_sheets' | 'tour_stops' | 'tour_days' | 'tour_observers' | 'tours' | 'tour_reviews'): Promise<number> {
  const row = await database.db.selectFrom(table).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
