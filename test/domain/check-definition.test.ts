import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDefinition, type DefinitionProblem } from '../../src/domain/check-definition.js';
import type { CampaignDefinition, RankingSpec } from '../../src/domain/types.js';
import { adjustmentsInstrument, definition, gradeInstrument, quotaRule, scoreInstrument } from './factories.js';

const counties = ['s-county-1', 's-county-2', 's-county-3', 's-county-4', 's-county-5', 's-county-6'];

function ranking(overrides: Partial<RankingSpec> = {}): RankingSpec {
  return {
    id: 'county-ranking',
    name: '县（市、区）排名',
    level: 'county',
    scopeUnitId: 'city',
    components: [
      { instrumentId: 'report', weight: '40' },
      { instrumentId: 'observe', weight: '60' },
    ],
    adjustmentInstrumentIds: ['adjust'],
    missingComponent: 'zero',
    tieBreaks: [{ instrumentId: 'report' }],
    tiers: [
      { key: 'good', label: '好', numerator: 40, denominator: 100, rounding: 'exact' },
      { key: 'rest', label: '较好', numerator: 0, denominator: 1, rounding: 'exact' },
    ],
    ...overrides,
  };
}

function campaign(mutate: (def: CampaignDefinition) => void = () => {}): CampaignDefinition {
  const def = definition({
    instruments: [
      gradeInstrument({ subjectIds: [...counties] }),
      scoreInstrument({ subjectIds: [...counties] }),
      adjustmentsInstrument({ subjectIds: [...counties] }),
    ],
  });
  def.rankings.push(ranking());
  mutate(def);
  return def;
}

const pairs = (problems: DefinitionProblem[]): string[] => problems.map((p) => `${p.code} ${p.path}`).sort();

describe('checkDefinition', () => {
  it('accepts a complete Jincheng set-up', () => {
    assert.deepEqual(checkDefinition(campaign()), []);
  });

  it('accepts component weights whose float sum is not 100 but whose exact sum is', () => {
    // 0.1 + 0.2 + 99.7 in floating point is 100.00000000000001
    const def = campaign((d) => {
      d.rankings[0]!.components = [
        { instrumentId: 'report', weight: '0.1' },
        { instrumentId: 'observe', weight: '0.2' },
        { instrumentId: 'report-2', weight: '99.7' },
      ];
      d.instruments.push(gradeInstrument({ id: 'report-2', subjectIds: [...counties] }));
    });
    assert.deepEqual(checkDefinition(def), []);
  });

  it('refuses weights that sum to 99.99 and names the sum', () => {
    const problems = checkDefinition(campaign((d) => (d.rankings[0]!.components[1]!.weight = '59.99')));
    assert.deepEqual(pairs(problems), ['weights_not_100 rankings[0].components']);
    assert.equal(problems[0]!.params.sum, '99.99');
    assert.match(problems[0]!.message.zh, /合计为 99\.99，须恰好等于 100/);
  });

  it('refuses duplicate ids and dangling references', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.subjects.push({ ...d.subjects[0]! });
        d.subjects.push({ id: 'orphan', kind: 'site', unitId: 'nowhere', name: '无主实训点' });
        d.instruments[0]!.subjectIds.push('ghost', counties[0]!);
        d.instruments[0]!.groupWeights.push({ groupId: 'ghost', weight: '1' });
        d.rankings[0]!.components.push({ instrumentId: 'ghost', weight: '0' });
        d.sessions[0]!.instrumentIds.push('ghost');
        d.sessions[0]!.expected.ghost = 3;
        d.units.push({ id: 'lost', code: null, name: '失联镇', level: 'township', parentId: 'nowhere' });
      }),
    );
    assert.deepEqual(pairs(problems), [
      'duplicate_id subjects[19].id',
      'duplicate_reference instruments[0].subjectIds[7]',
      'unknown_reference instruments[0].groupWeights[1]',
      'unknown_reference instruments[0].subjectIds[6]',
      'unknown_reference rankings[0].components[2]',
      'unknown_reference sessions[0].expected.ghost',
      'unknown_reference sessions[0].instrumentIds[3]',
      'unknown_reference subjects[20].unitId',
      'unknown_reference units[19].parentId',
    ]);
    const dangling = problems.find((p) => p.path === 'subjects[20].unitId')!;
    assert.equal(dangling.message.zh, '测评对象「无主实训点」的所属单位：引用了不存在的单位「nowhere」');
  });

  it('says where a problem is in the words on the screen, never by path or field name', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.rankings[0]!.components[1]!.weight = '59.99';
        d.instruments[0]!.subjectIds = [];
        d.instruments[0]!.groupWeights[0]!.weight = '0';
      }),
    );
    const instrument = campaign(() => {}).instruments[0]!;
    for (const p of problems) {
      assert.doesNotMatch(p.message.zh, /\[\d+\]|[a-z][A-Z]|subjectIds|groupWeights|components/, p.message.zh);
      assert.doesNotMatch(p.message.en, /\[\d+\]|subjectIds|groupWeights/, p.message.en);
    }
    const weights = problems.find((p) => p.code === 'weights_not_100')!;
    assert.match(weights.message.zh, /^排名「[^」]+」的计权项：各评价方式权重合计为 99\.99/);
    const zero = problems.find((p) => p.path.startsWith('instruments[0].groupWeights'));
    assert.ok(zero, JSON.stringify(problems.map((p) => p.path)));
    assert.ok(zero.message.zh.startsWith(`评价方式「${instrument.name}」的测评组「`), zero.message.zh);
  });

  it('refuses a unit tree with a cycle', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.units.push({ id: 'x', code: null, name: 'x', level: 'township', parentId: 'y' });
        d.units.push({ id: 'y', code: null, name: 'y', level: 'township', parentId: 'x' });
        d.units.push({ id: 'z', code: null, name: 'z', level: 'village', parentId: 'x' });
      }),
    );
    assert.deepEqual(pairs(problems), ['unit_cycle units[19].parentId', 'unit_cycle units[20].parentId']);
  });

  it('refuses non-positive group weights and a bad trimmed k', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.instruments[0]!.groupWeights[0]!.weight = '0';
        d.instruments[1]!.groupWeights[0]!.weight = 'one';
        d.instruments[1]!.aggregation = { method: 'trimmed', k: 0 };
      }),
    );
    assert.deepEqual(pairs(problems), [
      'group_weight_not_positive instruments[0].groupWeights[0].weight',
      'not_decimal instruments[1].groupWeights[0].weight',
      'trimmed_k_invalid instruments[1].aggregation.k',
    ]);
  });

  it('refuses bad grade scales and quota rules', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.instruments[0] = gradeInstrument({
          subjectIds: [...counties],
          grades: [
            { key: 'good', label: '好', points: '0' },
            { key: 'good', label: '好', points: '-5' },
            { key: 'bad', label: '差', points: '5%' },
          ],
          quotaRules: [
            quotaRule({ numerator: 140 }),
            quotaRule({ id: 'r2', denominator: 0 }),
            quotaRule({ id: 'r3', numerator: 2.5 }),
            quotaRule({ id: 'r4', grades: [] }),
            quotaRule({ id: 'r5', grades: ['great'] }),
          ],
        });
      }),
    );
    assert.deepEqual(pairs(problems), [
      'duplicate_id instruments[0].grades[1].key',
      'grade_points_negative instruments[0].grades[1].points',
      'not_decimal instruments[0].grades[2].points',
      'quota_denominator_invalid instruments[0].quotaRules[1].denominator',
      'quota_grades_empty instruments[0].quotaRules[3].grades',
      'quota_numerator_invalid instruments[0].quotaRules[0].numerator',
      'quota_numerator_invalid instruments[0].quotaRules[2].numerator',
      'unknown_reference instruments[0].quotaRules[4].grades[0]',
    ]);
    const emptyScale = checkDefinition(campaign((d) => (d.instruments[0] = gradeInstrument({ subjectIds: [...counties], grades: [], quotaRules: [] }))));
    assert.deepEqual(pairs(emptyScale), ['grades_empty instruments[0].grades']);
  });

  it('refuses score scales that are empty, unstepped or whose criteria do not add up', () => {
    const check = (o: Parameters<typeof scoreInstrument>[0]): string[] =>
      pairs(checkDefinition(campaign((d) => (d.instruments[1] = scoreInstrument({ subjectIds: [...counties], ...o })))));
    assert.deepEqual(check({ min: '100', max: '100' }), ['score_range_invalid instruments[1].max']);
    assert.deepEqual(check({ min: '-10', max: '0' }), ['score_max_not_positive instruments[1].max']);
    assert.deepEqual(check({ step: '0' }), ['step_not_positive instruments[1].step']);
    assert.deepEqual(check({ step: '0.3' }), ['step_not_dividing_range instruments[1].step']);
    assert.deepEqual(check({ step: '0.25', min: '60' }), []);
    assert.deepEqual(
      check({ criteria: [{ id: 'a', label: '组织建设', maxPoints: '30' }, { id: 'b', label: '工作成效', maxPoints: '60' }] }),
      ['criteria_sum_mismatch instruments[1].criteria'],
    );
    assert.deepEqual(check({ criteria: [] }), ['criteria_empty instruments[1].criteria']);
  });

  it('refuses adjustment caps that are not positive', () => {
    const problems = checkDefinition(
      campaign((d) => {
        const inst = d.instruments[2]!;
        if (inst.kind !== 'adjustments') throw new Error('factory changed');
        inst.adjustments.items[0]!.maxPoints = '0';
        inst.adjustments.maxTotalDeduction = '-1';
      }),
    );
    assert.deepEqual(pairs(problems), [
      'adjustment_cap_not_positive instruments[2].adjustments.items[0].maxPoints',
      'adjustment_cap_not_positive instruments[2].adjustments.maxTotalDeduction',
    ]);
  });

  it('keeps adjustments instruments out of the weighted components', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.rankings[0]!.components = [
          { instrumentId: 'report', weight: '40' },
          { instrumentId: 'adjust', weight: '60' },
        ];
        d.rankings[0]!.adjustmentInstrumentIds = ['observe'];
        d.rankings[0]!.tieBreaks = [{ instrumentId: 'observe' }];
      }),
    );
    assert.deepEqual(pairs(problems), [
      'adjustments_as_component rankings[0].components[1].instrumentId',
      'not_adjustments_instrument rankings[0].adjustmentInstrumentIds[0]',
      'tie_break_not_component rankings[0].tieBreaks[0].instrumentId',
    ]);
  });

  it('refuses tiers that are missing or not shares', () => {
    assert.deepEqual(pairs(checkDefinition(campaign((d) => (d.rankings[0]!.tiers = [])))), ['tiers_empty rankings[0].tiers']);
    const problems = checkDefinition(campaign((d) => (d.rankings[0]!.tiers[0]!.numerator = 140)));
    assert.deepEqual(pairs(problems), ['tier_share_invalid rankings[0].tiers[0]']);
    assert.match(problems[0]!.message.en, /140\/100/);
  });

  it('refuses an agenda naming unknown subjects or subjects no instrument of the session rates', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.sessions.push({ ...d.sessions[0]!, id: 's2', instrumentIds: ['report'], agenda: ['s-county-1', 'ghost', 's-county-1-town-1'] });
      }),
    );
    assert.deepEqual(pairs(problems), ['agenda_subject_not_rated sessions[1].agenda[2]', 'unknown_reference sessions[1].agenda[1]']);
    assert.deepEqual(checkDefinition(campaign((d) => (d.sessions[0]!.agenda = ['s-county-1']))), []);
  });

  it('refuses a precision outside 0–6 and negative session counts', () => {
    const problems = checkDefinition(
      campaign((d) => {
        d.precision = 7;
        d.sessions[0]!.issued.office = -1;
        d.sessions[0]!.present = 1.5;
      }),
    );
    assert.deepEqual(pairs(problems), ['count_invalid sessions[0].issued.office', 'count_invalid sessions[0].present', 'precision_invalid precision']);
  });
});
