import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { quotaHolds, ruleBase } from '../../src/domain/quota.js';
import { indexDefinition } from '../../src/domain/definition-index.js';
import { ballotSizes, checkInstrumentRules, describeRules, type RuleFinding } from '../../src/domain/rule-checker.js';
import type { Grade, GradeInstrument, QuotaRule } from '../../src/domain/types.js';
import { definition, gradeInstrument, quotaRule, reportRules } from './factories.js';

const summary = (findings: RuleFinding[]): string[] => findings.map((f) => `${f.code}:${f.ruleIds.join('+')}@${f.n}`).sort();

describe('rule checker: the article’s rules', () => {
  it('finds that 较好或以下 ≥ 25% never binds with 6 subjects when everyone must rate', () => {
    const findings = checkInstrumentRules(gradeInstrument(), [6]);
    assert.deepEqual(summary(findings), ['rule_never_binds:rule-lower-min@6']);
    assert.match(findings[0]!.message.zh, /较好或以下 ≥ 25%/);
    assert.match(findings[0]!.message.en, /never binds/);
  });

  it('finds that both rules bind once abstentions are allowed', () => {
    assert.deepEqual(checkInstrumentRules(gradeInstrument({ allowAbstain: true }), [6, 5]), []);
  });

  it('reports per real ballot size', () => {
    const findings = checkInstrumentRules(gradeInstrument(), [6, 5, 6]);
    assert.deepEqual(summary(findings), ['rule_never_binds:rule-lower-min@5', 'rule_never_binds:rule-lower-min@6']);
  });

  it('finds that 好 ≤ 10% with 6 subjects allows no 好 at all, yet binds', () => {
    const inst = gradeInstrument({ quotaRules: [quotaRule({ label: '好 ≤ 10%', numerator: 10 })] });
    const findings = checkInstrumentRules(inst, [6, 77]);
    assert.deepEqual(summary(findings), ['rule_forbids_all:rule-good-max@6']);
    assert.equal(findings[0]!.message.zh, '「好 ≤ 10%」：6 个对象时最多允许 0 个“好”，即任何对象都不能评为“好”');
  });

  it('finds rules no ballot can satisfy together', () => {
    const inst = gradeInstrument({
      quotaRules: [quotaRule(), quotaRule({ id: 'good-min', label: '好 ≥ 50%', bound: 'min', numerator: 50 })],
    });
    const findings = checkInstrumentRules(inst, [6]);
    assert.deepEqual(summary(findings), ['rules_unsatisfiable:rule-good-max+good-min@6']);
    assert.match(findings[0]!.message.zh, /没有任何选票能同时满足/);
  });

  it('finds a min rule that demands every subject', () => {
    const inst = gradeInstrument({
      quotaRules: [quotaRule({ id: 'all-good', label: '好或较好 = 100%', grades: ['good', 'fair-good'], bound: 'min', numerator: 100 })],
    });
    assert.deepEqual(summary(checkInstrumentRules(inst, [6])), ['rule_demands_all:all-good@6']);
  });

  it('skips the analysis beyond the enumeration cap and says so', () => {
    const findings = checkInstrumentRules(gradeInstrument({ allowAbstain: true }), [1000], { maxVectors: 1000 });
    assert.deepEqual(summary(findings), ['analysis_skipped:rule-good-max+rule-lower-min@1000']);
  });

  it('analyses a province-sized exchange rating within the default cap', () => {
    const inst = gradeInstrument({ quotaRules: [quotaRule({ numerator: 10 })], allowAbstain: true });
    assert.deepEqual(checkInstrumentRules(inst, [1350]), []);
  });

  it('lists the real ballot sizes: 6 counties, 5 for a county-bound rater, 0 for a city-bound one', () => {
    const inst = gradeInstrument({ subjectIds: ['s-county-1', 's-county-2', 's-county-3', 's-county-4', 's-county-5', 's-county-6'] });
    const def = definition({ instruments: [inst] });
    assert.deepEqual(ballotSizes(indexDefinition(def), inst), [6, 5, 0]);
    def.sessions[0]!.agenda = ['s-county-1', 's-county-2', 's-county-3'];
    assert.deepEqual(ballotSizes(indexDefinition(def), inst), [3, 2, 0]);
    const sizes = ballotSizes(indexDefinition(def), inst);
    assert.deepEqual(summary(checkInstrumentRules(inst, sizes)), [
      'rule_forbids_all:rule-good-max@2',
      'rule_never_binds:rule-lower-min@2',
      'rule_never_binds:rule-lower-min@3',
    ]);
  });

  it('describes each rule’s concrete count for a ballot size', () => {
    const described = describeRules(gradeInstrument(), 6);
    assert.deepEqual(described.map((d) => [d.ruleId, d.bound, d.allowed]), [
      ['rule-good-max', 'max', 2],
      ['rule-lower-min', 'min', 2],
    ]);
    assert.equal(described[0]!.message.zh, '本票最多 2 个“好”');
  });
});

/** Every full assignment of a grade (or an abstention) to each of n subjects. */
function bruteForce(inst: GradeInstrument, n: number): { satisfiable: boolean; binds: boolean[] } {
  const options = inst.grades.length + (inst.allowAbstain ? 1 : 0);
  const choice = new Array<number>(n).fill(0);
  const result = { satisfiable: false, binds: inst.quotaRules.map(() => false) };
  for (;;) {
    const abstentions = choice.filter((c) => c === inst.grades.length).length;
    const failing = inst.quotaRules
      .map((rule, j) => {
        const count = choice.filter((c) => c < inst.grades.length && rule.grades.includes(inst.grades[c]!.key)).length;
        return quotaHolds(rule, count, ruleBase(rule, n, abstentions)) ? -1 : j;
      })
      .filter((j) => j >= 0);
    if (failing.length === 0) result.satisfiable = true;
    if (failing.length === 1) result.binds[failing[0]!] = true;
    let i = 0;
    while (i < n && choice[i] === options - 1) choice[i++] = 0;
    if (i === n) break;
    choice[i]!++;
  }
  return result;
}

const gradeKeys = ['a', 'b', 'c', 'd'];
const instrumentArb = fc
  .record({
    gradeCount: fc.integer({ min: 1, max: 4 }),
    allowAbstain: fc.boolean(),
    rules: fc.array(
      fc.record({
        grades: fc.subarray(gradeKeys, { minLength: 1 }),
        bound: fc.constantFrom('max' as const, 'min' as const),
        denominator: fc.constantFrom(100, 10, 3, 7),
        share: fc.integer({ min: 0, max: 100 }),
        rounding: fc.constantFrom('exact' as const, 'half-up' as const, 'at-least-one' as const),
        base: fc.constantFrom('all' as const, 'rated' as const),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map(({ gradeCount, allowAbstain, rules }): GradeInstrument => {
    const grades: Grade[] = gradeKeys.slice(0, gradeCount).map((key, i) => ({ key, label: key.toUpperCase(), points: String(100 - i * 10) }));
    const quotaRules: QuotaRule[] = rules.map((r, j) => ({
      id: `r${j}`,
      label: `rule ${j}`,
      grades: r.grades.filter((g) => gradeKeys.indexOf(g) < gradeCount),
      bound: r.bound,
      numerator: Math.round((r.share * r.denominator) / 100),
      denominator: r.denominator,
      rounding: r.rounding,
      base: r.base,
    }));
    return gradeInstrument({ grades, quotaRules, allowAbstain });
  });

describe('rule checker: properties', () => {
  it('agrees with a brute force over every full assignment (n ≤ 8, ≤ 4 grades)', () => {
    fc.assert(
      fc.property(instrumentArb, fc.integer({ min: 1, max: 8 }), (inst, n) => {
        const options = inst.grades.length + (inst.allowAbstain ? 1 : 0);
        fc.pre(options ** n <= 400_000);
        const brute = bruteForce(inst, n);
        const findings = checkInstrumentRules(inst, [n]);
        const unsat = findings.some((f) => f.code === 'rules_unsatisfiable');
        assert.equal(unsat, !brute.satisfiable);
        const never = findings.filter((f) => f.code === 'rule_never_binds').map((f) => f.ruleIds[0]);
        const expected = brute.satisfiable ? inst.quotaRules.filter((_, j) => !brute.binds[j]).map((r) => r.id) : [];
        assert.deepEqual(never, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the article’s pair: never binds without abstentions, binds with them, for every n up to 8', () => {
    for (let n = 1; n <= 8; n++) {
      const strict = bruteForce(gradeInstrument({ quotaRules: reportRules() }), n);
      const never = checkInstrumentRules(gradeInstrument(), [n]).filter((f) => f.code === 'rule_never_binds');
      assert.equal(never.some((f) => f.ruleIds[0] === 'rule-lower-min'), !strict.binds[1], `n=${n}`);
    }
  });
});
