/**
 * 等次与比例限制: a grade instrument's grades with their points, and its quota rules per ballot. Each rule is one
 * wrapping row that reads like the rule (“好” at most 40 %), so it fits beside the rule check in either language.
 */
import { Button, Divider, Flex, Input, InputNumber, Select, Space } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import type { GradeInstrument, Instrument, QuotaRule } from './api.js';
import { freshId } from './draft.js';
import { setupMessages } from './messages.js';

export function GradeScale({ instrument, change, disabled }: { instrument: GradeInstrument; change: (fn: (i: Instrument) => void) => void; disabled?: boolean }) {
  const t = useT(setupMessages);
  const grade = (fn: (i: GradeInstrument) => void) => change((i) => i.kind === 'grade' && fn(i));
  const gradeOptions = instrument.grades.map((g) => ({ value: g.key, label: g.label }));
  const rule = (id: string, fn: (r: QuotaRule) => void) => grade((i) => fn(i.quotaRules.find((r) => r.id === id)!));
  const add = () =>
    grade((i) =>
      void i.quotaRules.push({
        id: freshId(`q-${i.id.replace(/^i-/, '')}`, i.quotaRules.map((r) => r.id)),
        label: t('ruleDefault', { grade: i.grades[0]?.label ?? '' }),
        grades: i.grades.slice(0, 1).map((g) => g.key),
        bound: 'max',
        numerator: 40,
        denominator: 100,
        rounding: 'exact',
        base: 'all',
      }),
    );
  return (
    <>
      <Divider titlePlacement="start" plain>{t('grades')}</Divider>
      <Space wrap>
        {instrument.grades.map((g) => (
          <Space.Compact key={g.key}>
            <Input value={g.label} disabled={disabled} style={{ width: 80 }} aria-label={t('gradeLabel')} onChange={(e) => grade((i) => void (i.grades.find((x) => x.key === g.key)!.label = e.target.value))} />
            <InputNumber<string> stringMode value={g.points} disabled={disabled} style={{ width: 90 }} aria-label={t('points')} suffix={t('pointsSuffix')} onChange={(v) => grade((i) => void (i.grades.find((x) => x.key === g.key)!.points = v ?? ''))} />
          </Space.Compact>
        ))}
      </Space>
      <Divider titlePlacement="start" plain>{t('quotaRules')}</Divider>
      <Flex vertical gap={8} data-testid="quota-rules">
        {instrument.quotaRules.map((r, n) => (
          <Flex key={r.id} wrap gap={8} align="center" style={{ padding: 8, border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 4 }}>
            <Input value={r.label} disabled={disabled} placeholder={t('ruleLabel')} aria-label={`${t('ruleLabel')} ${n + 1}`} style={{ width: 200 }} onChange={(e) => rule(r.id, (x) => void (x.label = e.target.value))} />
            <Select mode="multiple" value={r.grades} disabled={disabled} options={gradeOptions} placeholder={t('ruleGrades')} aria-label={t('ruleGrades')} style={{ width: 200 }} onChange={(g) => rule(r.id, (x) => void (x.grades = g))} />
            <Select value={r.bound} disabled={disabled} aria-label={t('bound')} style={{ width: 100 }} onChange={(b) => rule(r.id, (x) => void (x.bound = b))} options={[{ value: 'max', label: t('boundMax') }, { value: 'min', label: t('boundMin') }]} />
            <InputNumber
              min={0}
              max={100}
              disabled={disabled}
              aria-label={t('percent')}
              style={{ width: 90 }}
              value={r.denominator === 100 ? r.numerator : Math.round((r.numerator * 100) / r.denominator)}
              suffix="%"
              onChange={(p) => rule(r.id, (x) => { x.numerator = p ?? 0; x.denominator = 100; })}
            />
            <Space.Compact>
              <Space.Addon>{t('rounding')}</Space.Addon>
              <Select value={r.rounding} disabled={disabled} aria-label={t('rounding')} style={{ width: 210 }} onChange={(x) => rule(r.id, (q) => void (q.rounding = x))} options={[{ value: 'exact', label: t('roundExact') }, { value: 'half-up', label: t('roundHalfUp') }, { value: 'at-least-one', label: t('roundAtLeastOne') }]} />
            </Space.Compact>
            <Space.Compact>
              <Space.Addon>{t('base')}</Space.Addon>
              <Select value={r.base} disabled={disabled} aria-label={t('base')} style={{ width: 230 }} onChange={(x) => rule(r.id, (q) => void (q.base = x))} options={[{ value: 'all', label: t('baseAll') }, { value: 'rated', label: t('baseRated') }]} />
            </Space.Compact>
            <Button type="link" danger size="small" disabled={disabled} onClick={() => grade((i) => void (i.quotaRules = i.quotaRules.filter((x) => x.id !== r.id)))}>{t('remove')}</Button>
          </Flex>
        ))}
        {!disabled && <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={add}>{t('addRule')}</Button>}
      </Flex>
    </>
  );
}
