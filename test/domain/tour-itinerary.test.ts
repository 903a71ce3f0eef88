import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { checkItinerary, type ItineraryDay, type ItinerarySite } from '../../src/domain/tours/itinerary.js';

const COUNTIES = ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'];
/** 22 sites over 6 counties: 4, 4, 4, 4, 3, 3. */
const SITES: ItinerarySite[] = COUNTIES.flatMap((unitName, c) =>
  Array.from({ length: c < 4 ? 4 : 3 }, (_, i) => ({ subjectId: `site-${c}-${i}`, siteName: `${unitName}实训点${i + 1}`, unitId: `u-${c}`, unitName })),
);

const day = (n: number, subjectIds: string[], times: (string | null)[] = []): ItineraryDay => ({
  id: `d${n}`,
  date: `2022-06-${String(6 + n).padStart(2, '0')}`,
  label: `第${n + 1}天`,
  stops: subjectIds.map((subjectId, i) => ({ subjectId, plannedTime: times[i] ?? null })),
});

/** Cuts `ids` into `cuts.length + 1` consecutive days (some possibly empty) at the given positions. */
function split(ids: string[], cuts: number[]): ItineraryDay[] {
  const at = [...cuts].sort((a, b) => a - b);
  const days: ItineraryDay[] = [];
  let from = 0;
  [...at, ids.length].forEach((to, n) => {
    days.push(day(n, ids.slice(from, Math.max(from, to))));
    from = Math.max(from, to);
  });
  return days;
}

const codes = (days: ItineraryDay[]) => checkItinerary(SITES, days).map((p) => p.code);

describe('itinerary check (观摩行程)', () => {
  it('finds nothing wrong with the 22 sites over 3 days, 2 counties a day, times in order', () => {
    const byCounty = (c: number) => SITES.filter((s) => s.unitId === `u-${c}`).map((s) => s.subjectId);
    const days = [0, 1, 2].map((d) => {
      const ids = [...byCounty(2 * d), ...byCounty(2 * d + 1)];
      return day(d, ids, ids.map((_, i) => `${String(8 + i).padStart(2, '0')}:00`));
    });
    assert.deepEqual(checkItinerary(SITES, days), []);
  });

  it('names each missing site, each uncovered county, empty days, times and dates out of order', () => {
    const problems = checkItinerary(SITES, [
      day(0, ['site-0-0', 'site-0-1'], ['10:00', '09:30']),
      { ...day(1, []), date: '2022-06-06' },
    ]);
    const missing = problems.filter((p) => p.code === 'site_missing').map((p) => p.subjectId);
    assert.equal(missing.length, 20);
    assert.ok(!missing.includes('site-0-0') && !missing.includes('site-0-1'));
    assert.deepEqual(problems.filter((p) => p.code === 'county_uncovered').map((p) => p.unitId), ['u-1', 'u-2', 'u-3', 'u-4', 'u-5']);
    const times = problems.find((p) => p.code === 'times_out_of_order')!;
    assert.equal(times.dayId, 'd0');
    assert.match(times.message.zh, /09:30 早于前一站的 10:00/);
    assert.deepEqual(problems.filter((p) => p.code === 'day_empty').map((p) => p.dayId), ['d1']);
    const dates = problems.find((p) => p.code === 'day_dates_out_of_order')!;
    assert.equal(dates.dayId, 'd1');
    assert.match(dates.message.en, /not after the previous day's \(2022-06-06\)/);
  });

  it('leaves stops without a planned time out of the time order', () => {
    assert.deepEqual(codes([day(0, SITES.map((s) => s.subjectId), ['09:00', null, '08:00'])]), ['times_out_of_order']);
    assert.deepEqual(codes([day(0, SITES.map((s) => s.subjectId), ['09:00', null, '10:00'])]), []);
  });

  it('property: every permutation of all sites over any days lacks no site and no county', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(SITES.map((s) => s.subjectId), { minLength: SITES.length }), fc.array(fc.nat({ max: SITES.length }), { maxLength: 8 }), (ids, cuts) => {
        const found = codes(split(ids, cuts));
        assert.ok(!found.includes('site_missing') && !found.includes('county_uncovered'), found.join(', '));
      }),
    );
  });

  it('property: dropping one site always yields exactly that site missing (and its county uncovered only when it was the last)', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(SITES.map((s) => s.subjectId), { minLength: SITES.length }),
        fc.nat({ max: SITES.length - 1 }),
        fc.array(fc.nat({ max: SITES.length }), { maxLength: 8 }),
        (ids, drop, cuts) => {
          const dropped = ids[drop]!;
          const problems = checkItinerary(SITES, split(ids.filter((id) => id !== dropped), cuts));
          assert.deepEqual(problems.filter((p) => p.code === 'site_missing').map((p) => p.subjectId), [dropped]);
          const county = SITES.find((s) => s.subjectId === dropped)!.unitId;
          const alone = SITES.filter((s) => s.unitId === county).length === 1;
          assert.deepEqual(problems.filter((p) => p.code === 'county_uncovered').map((p) => p.unitId), alone ? [county] : []);
        },
      ),
    );
  });

  it('property: a county whose every site is dropped is uncovered, whatever the days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: COUNTIES.length - 1 }), fc.array(fc.nat({ max: SITES.length }), { maxLength: 6 }), (c, cuts) => {
        const kept = SITES.filter((s) => s.unitId !== `u-${c}`).map((s) => s.subjectId);
        const problems = checkItinerary(SITES, split(kept, cuts));
        assert.deepEqual(problems.filter((p) => p.code === 'county_uncovered').map((p) => p.unitId), [`u-${c}`]);
      }),
    );
  });
});
