import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quotaBreaches } from '../../src/demo/quota.js';
import { buildProvinceFixture, shanxiUnits } from '../../src/demo/province.js';

describe('buildProvinceFixture', () => {
  it('keeps Shanxi’s 117 real county-level units and their townships, dropping development zones', () => {
    const units = shanxiUnits();
    const counties = units.filter((u) => u.level === 'county');
    assert.equal(counties.length, 117);
    assert.ok(!counties.some((u) => /示范区|开发区|风景名胜区/.test(u.name)));
    const townships = units.filter((u) => u.level === 'township').length;
    assert.ok(townships > 1300 && townships < 1400, `${townships} townships`);
  });

  // How fast it is generated is printed by `npm run bench:tally`, not asserted here (timed tests flake).
  it('generates exactly 150,000 ballots, every grade ballot within its quotas', () => {
    const { definition, ballots, agendas } = buildProvinceFixture({ seed: 42, ballots: 150_000 });
    assert.equal(ballots.length, 150_000);

    const instruments = new Map(definition.instruments.map((i) => [i.id, i]));
    let breaking = 0;
    for (const b of ballots) {
      const inst = instruments.get(b.instrumentId);
      if (inst?.kind === 'grade' && quotaBreaches(inst, b.ratings).length > 0) breaking++;
      if (b.sessionId === null) continue;
      const agenda = new Set(agendas[b.sessionId]);
      assert.ok(b.ratings.every((r) => agenda.has(r.subjectId) && inst?.subjectIds.includes(r.subjectId) !== false));
    }
    assert.equal(breaking, 0);
    assert.equal(definition.subjects.filter((s) => s.kind === 'site').length, 3 * 117);
    assert.equal(definition.subjects.filter((s) => s.kind === 'case').length, 117);
  });

  it('rates one county’s townships per 交流评 ballot, leaving the secretary’s own township off', () => {
    const { definition, ballots } = buildProvinceFixture({ seed: 1, ballots: 5000 });
    const subjects = new Map(definition.subjects.map((s) => [s.id, s]));
    const units = new Map(definition.units.map((u) => [u.id, u]));
    const exchange = ballots.filter((b) => b.instrumentId === 'i-exchange');
    let sizes = 0;
    for (const b of exchange) {
      const parents = new Set(b.ratings.map((r) => units.get(subjects.get(r.subjectId)?.unitId ?? '')?.parentId));
      assert.equal(parents.size, 1, `${b.id} spans counties`);
      if (b.boundUnitId) assert.ok(b.ratings.every((r) => subjects.get(r.subjectId)?.unitId !== b.boundUnitId));
      sizes += b.ratings.length;
    }
    const mean = sizes / exchange.length;
    assert.ok(mean > 8 && mean < 16, `mean ballot size ${mean}`);
  });

  it('records closed sessions that were neither over-returned nor short of quorum', () => {
    const { definition, ballots } = buildProvinceFixture({ seed: 3, ballots: 20_000 });
    const sheets = new Map<string, Set<string>>();
    for (const b of ballots) {
      if (b.sessionId === null) continue;
      const key = `${b.sessionId}|${b.raterGroupId}`;
      (sheets.get(key) ?? sheets.set(key, new Set()).get(key)!).add(b.sheetId);
    }
    for (const s of definition.sessions) {
      assert.equal(s.status, 'closed');
      let returned = 0;
      let expected = 0;
      for (const [group, issued] of Object.entries(s.issued)) {
        const back = sheets.get(`${s.id}|${group}`)?.size ?? 0;
        assert.ok(back <= issued, `${s.id}/${group}: ${back} of ${issued}`);
        returned += back;
        expected += s.expected[group] ?? 0;
      }
      assert.ok(2 * returned > expected, s.id);
    }
  });

  it('is deterministic for a seed', () => {
    const a = buildProvinceFixture({ seed: 9, ballots: 1000 });
    const b = buildProvinceFixture({ seed: 9, ballots: 1000 });
    assert.deepEqual(a.ballots, b.ballots);
    assert.equal(new Set(a.ballots.map((x) => x.id)).size, 1000);
  });
});
