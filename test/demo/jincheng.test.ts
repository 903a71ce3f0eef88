import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDecimal, parseDecimal, sum } from '../../src/domain/exact.js';
import type { Ballot, Instrument } from '../../src/domain/types.js';
import { quotaBreaches } from '../../src/demo/quota.js';
import {
  GROUP_IDS,
  INSTRUMENT_IDS,
  JINCHENG_INVALID_BALLOT_ID,
  buildJinchengDemo,
} from '../../src/demo/jincheng.js';

const demo = buildJinchengDemo();
const { definition: def, ballots } = demo;
const instruments = new Map(def.instruments.map((i) => [i.id, i]));
const subjects = new Map(def.subjects.map((s) => [s.id, s]));
const units = new Map(def.units.map((u) => [u.id, u]));

function instrumentOf(b: Ballot): Instrument {
  const inst = instruments.get(b.instrumentId);
  assert.ok(inst, `ballot ${b.id} names an unknown instrument`);
  return inst;
}

describe('Jincheng demo definition', () => {
  it('is rooted at 晋城市 with its 6 county-level units and 77 townships from the division data', () => {
    const roots = def.units.filter((u) => u.parentId === null);
    assert.deepEqual(roots.map((u) => u.name), ['晋城市']);
    const counties = def.units.filter((u) => u.level === 'county');
    assert.deepEqual(counties.map((u) => u.name).sort(), ['城区', '沁水县', '泽州县', '阳城县', '陵川县', '高平市'].sort());
    assert.equal(def.units.filter((u) => u.level === 'township').length, 77);
  });

  it('has 22 observation sites with at least 2 in every county, and one case per county', () => {
    const sites = def.subjects.filter((s) => s.kind === 'site');
    assert.equal(sites.length, 22);
    const perCounty = new Map<string, number>();
    for (const s of sites) perCounty.set(s.unitId, (perCounty.get(s.unitId) ?? 0) + 1);
    assert.equal(perCounty.size, 6);
    for (const [county, n] of perCounty) assert.ok(n >= 2, `${county} has ${n} sites`);
    const cases = def.subjects.filter((s) => s.kind === 'case');
    assert.equal(cases.length, 6);
    assert.equal(new Set(cases.map((c) => c.unitId)).size, 6);
    for (const s of [...sites, ...cases]) assert.equal(units.get(s.unitId)?.level, 'county');
  });

  it('declares ranking weights that sum to exactly 100', () => {
    for (const r of def.rankings) {
      const total = sum(r.components.map((c) => parseDecimal(c.weight)));
      assert.ok(total.equals(100), `${r.id} weights sum to ${total.toString()}`);
      for (const c of r.components) assert.ok(instruments.has(c.instrumentId));
    }
  });

  it('rates the 6 counties on 汇报评 with 好 ≤ 40% and 较好或以下 ≥ 25%', () => {
    const report = instruments.get(INSTRUMENT_IDS.report);
    assert.ok(report && report.kind === 'grade');
    assert.equal(report.subjectIds.length, 6);
    assert.deepEqual(
      report.quotaRules.map((r) => [r.bound, r.grades.length, r.numerator, r.denominator]),
      [['max', 1, 40, 100], ['min', 3, 25, 100]],
    );
    assert.equal(report.visibility, 'live');
  });

  it('never names a person: named groups sign with role names only', () => {
    const named = new Set(def.raterGroups.filter((g) => g.mode === 'named').map((g) => g.id));
    for (const b of ballots) {
      if (named.has(b.raterGroupId)) assert.match(b.raterName ?? '', /专班|观摩团成员\d+/);
      else assert.equal(b.raterName, null, `anonymous ballot ${b.id} carries a name`);
    }
  });
});

describe('Jincheng demo ballots', () => {
  it('keeps every grade ballot within its quota, except the one deliberately broken paper ballot', () => {
    const breaking: string[] = [];
    for (const b of ballots) {
      const inst = instrumentOf(b);
      if (inst.kind === 'grade' && quotaBreaches(inst, b.ratings).length > 0) breaking.push(b.id);
    }
    assert.deepEqual(breaking, [JINCHENG_INVALID_BALLOT_ID]);
  });

  it('shows an invalid paper ballot with 3 × 好 of 6 on 汇报评', () => {
    const invalid = ballots.find((b) => b.id === JINCHENG_INVALID_BALLOT_ID);
    assert.ok(invalid);
    assert.equal(invalid.channel, 'paper');
    assert.equal(invalid.instrumentId, INSTRUMENT_IDS.report);
    assert.equal(invalid.ratings.filter((r) => r.grade === 'good').length, 3);
    assert.equal(invalid.ratings.length, 6);
  });

  it('puts scores on the instrument step and adjustments within caps, each with a Chinese reason', () => {
    for (const b of ballots) {
      const inst = instrumentOf(b);
      if (inst.kind !== 'score') continue;
      const step = parseDecimal(inst.step);
      for (const r of b.ratings) {
        assert.ok(r.score !== undefined && isDecimal(r.score));
        const score = parseDecimal(r.score);
        assert.ok(score.gte(parseDecimal(inst.min)) && score.lte(parseDecimal(inst.max)));
        assert.equal(BigInt(score.div(step).d), 1n, `${r.score} is off step ${inst.step}`);
        if (inst.opinion === 'required') assert.match(r.opinion ?? '', /[\u4e00-\u9fff]/);
        const config = inst.adjustments;
        if (!config) continue;
        const items = new Map(config.items.map((i) => [i.id, i]));
        let bonus = parseDecimal('0');
        let deduction = parseDecimal('0');
        for (const a of r.adjustments ?? []) {
          const item = items.get(a.itemId);
          assert.ok(item, `unknown adjustment item ${a.itemId}`);
          assert.match(a.reason, /[\u4e00-\u9fff]/);
          const points = parseDecimal(a.points);
          assert.ok(points.gt(0) && points.lte(parseDecimal(item.maxPoints)));
          if (item.direction === 'bonus') bonus = bonus.add(points);
          else deduction = deduction.add(points);
        }
        assert.ok(bonus.lte(parseDecimal(config.maxTotalBonus)));
        assert.ok(deduction.lte(parseDecimal(config.maxTotalDeduction)));
        assert.ok(score.add(bonus).lte(100) && score.sub(deduction).gte(0));
      }
    }
  });

  it('leaves each township secretary’s own township off their 交流评 ballot (76 subjects)', () => {
    const secretaries = ballots.filter((b) => b.raterGroupId === GROUP_IDS.secretaries);
    assert.equal(secretaries.length, 77);
    for (const b of secretaries) {
      assert.equal(b.ratings.length, 76);
      assert.ok(b.ratings.every((r) => subjects.get(r.subjectId)?.unitId !== b.boundUnitId));
    }
  });

  it('rates each subject at most once per ballot and only the instrument’s subjects', () => {
    for (const b of ballots) {
      const allowed = new Set(instrumentOf(b).subjectIds);
      const ids = b.ratings.map((r) => r.subjectId);
      assert.equal(new Set(ids).size, ids.length, b.id);
      assert.ok(ids.every((id) => allowed.has(id)), b.id);
    }
  });

  it('returns no more sheets than were issued, and more than half of those expected, in every session', () => {
    for (const s of def.sessions) {
      assert.equal(s.status, 'closed');
      const sheets = new Map<string, Set<string>>();
      for (const b of ballots.filter((x) => x.sessionId === s.id)) {
        assert.ok(s.instrumentIds.includes(b.instrumentId), `${b.id} is not on ${s.id}'s agenda`);
        (sheets.get(b.raterGroupId) ?? sheets.set(b.raterGroupId, new Set()).get(b.raterGroupId)!).add(b.sheetId);
      }
      const expected = Object.values(s.expected).reduce((a, n) => a + n, 0);
      let returned = 0;
      for (const [group, set] of sheets) {
        assert.ok(set.size <= (s.issued[group] ?? 0), `${s.id}/${group} over-returned`);
        returned += set.size;
      }
      assert.ok(2 * returned > expected, `${s.id}: ${returned} of ${expected}`);
    }
  });

  it('has unique ballot ids, a couple of paper ballots, and is identical for the same seed', () => {
    assert.equal(new Set(ballots.map((b) => b.id)).size, ballots.length);
    assert.ok(ballots.filter((b) => b.channel === 'paper').length >= 2);
    assert.deepEqual(buildJinchengDemo(), demo);
    assert.notDeepEqual(buildJinchengDemo({ seed: 7 }).ballots, ballots);
  });

  it('gives the counties different 汇报评 means, so the ranking is not a tie', () => {
    const points = new Map([['good', 100], ['fairly-good', 85], ['average', 70], ['poor', 50]]);
    const totals = new Map<string, number[]>();
    for (const b of ballots) {
      if (b.instrumentId !== INSTRUMENT_IDS.report || b.id === JINCHENG_INVALID_BALLOT_ID) continue;
      for (const r of b.ratings) if (r.grade) (totals.get(r.subjectId) ?? totals.set(r.subjectId, []).get(r.subjectId)!).push(points.get(r.grade) ?? 0);
    }
    const means = [...totals.values()].map((v) => v.reduce((a, x) => a + x, 0) / v.length);
    assert.equal(new Set(means.map((m) => m.toFixed(4))).size, 6);
  });
});
