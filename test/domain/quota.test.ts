import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  allowedCount,
  describeRuleForBallot,
  quotaHolds,
  quotaViolationMessage,
  ruleBase,
} from '../../src/domain/quota.js';
import type { QuotaRule } from '../../src/domain/types.js';
import { fourGrades, quotaRule, reportRules } from './factories.js';

const labels = new Map(fourGrades().map((g) => [g.key, g.label]));
const [goodMax40, lowerMin25] = reportRules() as [QuotaRule, QuotaRule];

describe('quota: exact ratio rules', () => {
  it('allows at most 2 好 of 6 under 好 ≤ 40%', () => {
    assert.equal(allowedCount(goodMax40, 6), 2);
    assert.ok(quotaHolds(goodMax40, 2, 6));
    assert.ok(!quotaHolds(goodMax40, 3, 6));
  });

  it('needs at least 2 of 6 rated 较好 or below under ≥ 25%', () => {
    assert.equal(allowedCount(lowerMin25, 6), 2);
    assert.ok(quotaHolds(lowerMin25, 2, 6));
    assert.ok(!quotaHolds(lowerMin25, 1, 6));
  });

  it('refuses 3 好 of 7 (42.9%)', () => {
    assert.equal(allowedCount(goodMax40, 7), 2);
    assert.ok(!quotaHolds(goodMax40, 3, 7));
  });

  it('allows at most 7 好 of 77 townships under 10% (7.7 rounds down)', () => {
    const rule = quotaRule({ numerator: 10 });
    assert.equal(allowedCount(rule, 77), 7);
    assert.ok(quotaHolds(rule, 7, 77));
    assert.ok(!quotaHolds(rule, 8, 77));
  });

  it('handles shares whose floating-point product is inexact', () => {
    // 0.07 * 100 = 7.000000000000001, 0.29 * 100 = 28.999999999999996, 0.57 * 100 = 56.99999999999999
    assert.equal(allowedCount(quotaRule({ numerator: 7 }), 100), 7);
    assert.equal(allowedCount(quotaRule({ numerator: 7, bound: 'min' }), 100), 7);
    assert.equal(allowedCount(quotaRule({ numerator: 29 }), 100), 29);
    assert.equal(allowedCount(quotaRule({ numerator: 29, bound: 'min' }), 100), 29);
    for (const n of [100, 200, 300, 1000]) {
      assert.equal(allowedCount(quotaRule({ numerator: 57 }), n), (57 * n) / 100);
      assert.equal(allowedCount(quotaRule({ numerator: 57, bound: 'min' }), n), (57 * n) / 100);
    }
    assert.ok(quotaHolds(quotaRule({ numerator: 7, bound: 'min' }), 7, 100));
  });

  it('treats 0% and 100% at the edges', () => {
    assert.equal(allowedCount(quotaRule({ numerator: 0 }), 6), 0);
    assert.equal(allowedCount(quotaRule({ numerator: 100 }), 6), 6);
    assert.equal(allowedCount(quotaRule({ numerator: 100, bound: 'min' }), 6), 6);
    assert.equal(allowedCount(goodMax40, 0), 0);
    assert.equal(allowedCount(lowerMin25, 0), 0);
  });

  it('refuses a rule with a zero denominator instead of dividing by it', () => {
    assert.throws(() => allowedCount(quotaRule({ denominator: 0 }), 6), RangeError);
  });
});

describe('quota: declared rounding modes', () => {
  it('half-up rounds 2.4 down and 2.5 up', () => {
    const rule = quotaRule({ rounding: 'half-up' });
    assert.equal(allowedCount(rule, 6), 2); // 2.4
    assert.equal(allowedCount(quotaRule({ rounding: 'half-up', numerator: 25 }), 10), 3); // 2.5
    assert.equal(allowedCount(quotaRule({ rounding: 'half-up', numerator: 10 }), 77), 8); // 7.7
    assert.equal(allowedCount(quotaRule({ rounding: 'half-up', numerator: 25, bound: 'min' }), 6), 2); // 1.5
    assert.equal(allowedCount(quotaRule({ rounding: 'half-up', numerator: 20, bound: 'min' }), 6), 1); // 1.2
  });

  it('at-least-one lets a max rule allow one 好 where exact allows none', () => {
    const exact = quotaRule({ numerator: 10 });
    const atLeastOne = quotaRule({ numerator: 10, rounding: 'at-least-one' });
    assert.equal(allowedCount(exact, 6), 0);
    assert.equal(allowedCount(atLeastOne, 6), 1);
    assert.equal(allowedCount(atLeastOne, 77), 7);
    assert.equal(allowedCount(atLeastOne, 0), 0);
  });

  it('at-least-one makes a min rule demand one where exact demands none', () => {
    const rule = quotaRule({ numerator: 0, bound: 'min', rounding: 'at-least-one' });
    assert.equal(allowedCount(rule, 6), 1);
    assert.equal(allowedCount(rule, 0), 0);
    assert.equal(allowedCount(quotaRule({ numerator: 10, bound: 'min', rounding: 'at-least-one' }), 5), 1);
  });
});

describe('quota: denominators', () => {
  it('counts abstentions in the base by default', () => {
    assert.equal(ruleBase(goodMax40, 6, 2), 6);
  });

  it('counts only rated subjects for a rated base', () => {
    const rated = quotaRule({ base: 'rated' });
    assert.equal(ruleBase(rated, 6, 2), 4);
    assert.equal(allowedCount(rated, ruleBase(rated, 6, 2)), 1);
  });
});

describe('quota: messages', () => {
  it('names the rule, the allowed and the actual count', () => {
    const m = quotaViolationMessage(goodMax40, 6, 3, labels);
    assert.equal(m.zh, '「好 ≤ 40%」：本票 6 个对象最多 2 个“好”，实际 3 个');
    assert.equal(m.en, 'Rule “好 ≤ 40%”: at most 2 of 6 subjects may be 好; this ballot has 3');
  });

  it('lists every grade of a min rule', () => {
    const m = quotaViolationMessage(lowerMin25, 6, 1, labels);
    assert.equal(m.zh, '「较好或以下 ≥ 25%」：本票 6 个对象至少 2 个“较好”“一般”或“差”，实际 1 个');
    assert.equal(m.en, 'Rule “较好或以下 ≥ 25%”: at least 2 of 6 subjects must be 较好, 一般 or 差; this ballot has 1');
  });

  it('tells the rater the concrete count for this ballot', () => {
    assert.deepEqual(describeRuleForBallot(goodMax40, 6, labels), {
      zh: '本票最多 2 个“好”',
      en: 'At most 2 × 好 on this ballot',
    });
    assert.equal(describeRuleForBallot(lowerMin25, 6, labels).zh, '本票至少 2 个“较好”“一般”或“差”');
  });

  it('builds a title from the ratio when the label is blank', () => {
    const m = quotaViolationMessage(quotaRule({ label: '' }), 6, 3, labels);
    assert.ok(m.zh.startsWith('「好 ≤ 40%」'));
  });
});

const ruleArb = fc.record({
  id: fc.constant('r'),
  label: fc.constant('r'),
  grades: fc.constant(['good']),
  bound: fc.constantFrom('max' as const, 'min' as const),
  denominator: fc.integer({ min: 1, max: 1000 }),
  numerator: fc.nat(),
  rounding: fc.constantFrom('exact' as const, 'half-up' as const, 'at-least-one' as const),
  base: fc.constantFrom('all' as const, 'rated' as const),
}).map((r): QuotaRule => ({ ...r, grades: ['good'], numerator: r.numerator % (r.denominator + 1) }));

/** The definition, with BigInt cross-multiplication. */
function bruteHolds(rule: QuotaRule, count: number, n: number): boolean {
  const c = BigInt(count);
  const num = BigInt(rule.numerator) * BigInt(n);
  const den = BigInt(rule.denominator);
  if (rule.rounding === 'half-up') {
    // num/den rounded half up is floor(num/den + 1/2) = floor((2·num + den) / (2·den))
    const k = (2n * num + den) / (2n * den);
    return rule.bound === 'max' ? c <= k : c >= k;
  }
  let holds = rule.bound === 'max' ? c * den <= num : c * den >= num;
  if (rule.rounding === 'at-least-one' && n > 0) holds = rule.bound === 'max' ? holds || c <= 1n : holds && c >= 1n;
  return holds;
}

describe('quota: properties', () => {
  it('quotaHolds equals the integer cross-multiplication for every rule, count and n', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 5000 }), (rule, a, b) => {
        const n = Math.max(a, b);
        const count = Math.min(a, b);
        assert.equal(quotaHolds(rule, count, n), bruteHolds(rule, count, n));
      }),
      { numRuns: 5000 },
    );
  });

  it('exact max/min allowed counts are the floor/ceil of num·n/den', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 100000 }), (rule, n) => {
        const exact: QuotaRule = { ...rule, rounding: 'exact' };
        const q = (BigInt(rule.numerator) * BigInt(n)) / BigInt(rule.denominator);
        const r = (BigInt(rule.numerator) * BigInt(n)) % BigInt(rule.denominator);
        const expected = rule.bound === 'max' || r === 0n ? q : q + 1n;
        assert.equal(allowedCount(exact, n), Number(expected));
      }),
      { numRuns: 3000 },
    );
  });

  it('is exact for bases too large for floating point', () => {
    const rule = quotaRule({ numerator: 999_999_999, denominator: 1_000_000_007 });
    const n = 9_000_000_000;
    const expected = (999_999_999n * 9_000_000_000n) / 1_000_000_007n;
    assert.equal(allowedCount(rule, n), Number(expected));
  });
});
