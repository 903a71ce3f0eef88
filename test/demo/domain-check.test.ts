import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkBallot } from '../../src/domain/check-ballot.js';
import { checkDefinition } from '../../src/domain/check-definition.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { tallyCampaign } from '../../src/domain/tally.js';
import { JINCHENG_INVALID_BALLOT_ID, buildJinchengDemo } from '../../src/demo/jincheng.js';
import { buildProvinceFixture } from '../../src/demo/province.js';

const { definition, ballots } = buildJinchengDemo();

describe('the demo against the domain’s own checks', () => {
  it('passes checkDefinition: the Jincheng demo and the province fixture', () => {
    assert.deepEqual(checkDefinition(definition), []);
    assert.deepEqual(checkDefinition(buildProvinceFixture({ seed: 1, ballots: 200 }).definition), []);
  });

  it('passes checkBallot on every ballot but the invalid paper one, which breaks 好 ≤ 40% only', () => {
    const index = indexDefinition(definition);
    const problems = ballots.map((b) => ({ id: b.id, problems: checkBallot(index, b) })).filter((x) => x.problems.length > 0);
    assert.deepEqual(problems.map((x) => x.id), [JINCHENG_INVALID_BALLOT_ID]);
    const only = problems[0]?.problems ?? [];
    assert.deepEqual(only.map((p) => [p.code, p.severity, p.params.allowed, p.params.actual, p.params.n]), [
      ['quota_exceeded', 'rule', 2, 3, 6],
    ]);
  });

  it('tallies into valid sessions, one invalid ballot, and a county ranking without a tie', () => {
    const tally = tallyCampaign(definition, ballots);
    assert.deepEqual(tally.sessions.map((s) => s.status), definition.sessions.map(() => 'valid'));
    assert.deepEqual(tally.invalidBallots.map((b) => [b.ballotId, b.channel]), [[JINCHENG_INVALID_BALLOT_ID, 'paper']]);
    const county = tally.rankings.find((r) => r.rankingId === 'r-county');
    assert.ok(county);
    assert.equal(county.rows.length, 6);
    assert.deepEqual(county.rows.map((r) => r.rank).sort(), [1, 2, 3, 4, 5, 6]);
    const township = tally.rankings.find((r) => r.rankingId === 'r-township');
    assert.equal(township?.rows.length, 77);
  });
});
