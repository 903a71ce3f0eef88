/** One instrument: name, group weights, aggregation, and its scale — grades with points and quota rules, or a score range. */
import { Button, Checkbox, Descriptions, Divider, Flex, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import type { CampaignSetup, GradeInstrument, Instrument, QuotaRule } from './api.js';
import type { Edit } from './draft.js';
import { freshId } from './draft.js';
import { setupMessages } from './messages.js';
import { WeightsTable } from './WeightsTable.js';

type T = ReturnType<typeof useT<typeof setupMessages>>;

export function InstrumentEditor({ setup, instrument, edit, disabled }: { setup: CampaignSetup; instrument: Instrument; edit: Edit; disabled?: boolean }) {
  const t = useT(setupMessages);
  const change = (fn: (i: Instrument) => void) =>
    edit((d) => {
      const i = d.instruments.find((x) => x.id === instrument.id);
      if (i) fn(i);
    });
  const groups = setup.raterGroups.map((g) => ({ value: g.id, label: g.name }));
  return (
    <Flex vertical gap={12}>
      <Descriptions size="small" column={2} bordered styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('instrumentName')}>
          <Input value={instrument.name} disabled={disabled} onChange={(e) => change((i) => void (i.name = e.target.value))} style={{ width: 180 }} />
        </Descriptions.Item>
        <Descriptions.Item label={t('aggregation')}>
          <Space>
            <Select
              value={instrument.aggregation.method}
              disabled={disabled}
              style={{ width: 200 }}
              onChange={(m) => change((i) => void (i.aggregation = m === 'trimmed' ? { method: 'trimmed', k: 1 } : { method: m }))}
              options={[
                { value: 'mean', label: t('mean') },
                { value: 'median', label: t('median') },
                { value: 'trimmed', label: t('trimmed') },
              ]}
            />
            {instrument.aggregation.method === 'trimmed' && (
              <InputNumber
                min={1}
                max={100}
                addonBefore="k"
                disabled={disabled}
                value={instrument.aggregation.k}
                onChange={(k) => change((i) => void (i.aggregation = { method: 'trimmed', k: k ?? 1 }))}
                style={{ width: 100 }}
              />
            )}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('visibility')}>
          <Select
            value={instrument.visibility}
            disabled={disabled}
            style={{ width: 170 }}
            onChange={(v) => change((i) => void (i.visibility = v))}
            options={[
              { value: 'live', label: t('visLive') },
              { value: 'after-all-voted', label: t('visAllVoted') },
              { value: 'after-close', label: t('visClose') },
            ]}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('missingGroup')}>
          <Select
            value={instrument.missingGroup}
            disabled={disabled}
            style={{ width: 200 }}
            onChange={(v) => change((i) => void (i.missingGroup = v))}
            options={[
              { value: 'renormalize', label: t('renormalize') },
              { value: 'zero', label: t('zero') },
            ]}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('allowAbstain')}>
          <Checkbox checked={instrument.allowAbstain} disabled={disabled} onChange={(e) => change((i) => void (i.allowAbstain = e.target.checked))} />
        </Descriptions.Item>
        <Descriptions.Item label={t('subjects')}>
          {instrument.subjectIds.length > 0 ? t('subjectsCount', { n: instrument.subjectIds.length }) : <Typography.Text type="warning">{t('noSubjects')}</Typography.Text>}
        </Descriptions.Item>
      </Descriptions>

      <Typography.Text strong>{t('groupWeights')}</Typography.Text>
      <WeightsTable
        disabled={disabled}
        keyTitle={t('tabGroups')}
        addLabel={t('addWeight')}
        options={groups}
        rows={instrument.groupWeights.map((g) => ({ key: g.groupId, weight: g.weight }))}
        onWeight={(key, weight) => change((i) => void (i.groupWeights.find((g) => g.groupId === key)!.weight = weight))}
        onAdd={(key) => change((i) => void i.groupWeights.push({ groupId: key, weight: '0' }))}
        onRemove={(key) => change((i) => void (i.groupWeights = i.groupWeights.filter((g) => g.groupId !== key)))}
      />

      {instrument.kind === 'grade' && <GradeScale instrument={instrument} change={change} disabled={disabled} t={t} />}
      {instrument.kind === 'score' && (
        <>
          <Divider titlePlacement="start" plain>{t('scale')}</Divider>
          <Space>
            {(['min', 'max', 'step'] as const).map((k) => (
              <InputNumber<string>
                key={k}
                stringMode
                addonBefore={t(k)}
                disabled={disabled}
                value={instrument[k]}
                onChange={(v) => change((i) => void (i.kind === 'score' && (i[k] = v ?? '')))}
                style={{ width: 150 }}
              />
            ))}
          </Space>
        </>
      )}
      {(instrument.kind === 'adjustments' || (instrument.kind === 'score' && instrument.adjustments)) && (
        <>
          <Divider titlePlacement="start" plain>{t('adjustments')}</Divider>
          <Flex wrap gap={8}>
            {(instrument.kind === 'adjustments' ? instrument.adjustments : instrument.adjustments!).items.map((a) => (
              <Tag key={a.id} color={a.direction === 'bonus' ? 'green' : 'volcano'}>
                {t(a.direction)}：{a.label}（{t('cap')} {a.maxPoints}）
              </Tag>
            ))}
          </Flex>
        </>
      )}
    </Flex>
  );
}

function GradeScale({ instrument, change, disabled, t }: { instrument: GradeInstrument; change: (fn: (i: Instrument) => void) => void; disabled?: boolean; t: T }) {
  const grade = (fn: (i: GradeInstrument) => void) => change((i) => i.kind === 'grade' && fn(i));
  const gradeOptions = instrument.grades.map((g) => ({ value: g.key, label: g.label }));
  const rule = (id: string, fn: (r: QuotaRule) => void) => grade((i) => fn(i.quotaRules.find((r) => r.id === id)!));
  return (
    <>
      <Divider titlePlacement="start" plain>{t('grades')}</Divider>
      <Space wrap>
        {instrument.grades.map((g) => (
          <Space.Compact key={g.key}>
            <Input value={g.label} disabled={disabled} style={{ width: 80 }} aria-label={t('gradeLabel')} onChange={(e) => grade((i) => void (i.grades.find((x) => x.key === g.key)!.label = e.target.value))} />
            <InputNumber<string> stringMode value={g.points} disabled={disabled} style={{ width: 90 }} aria-label={t('points')} suffix="分" onChange={(v) => grade((i) => void (i.grades.find((x) => x.key === g.key)!.points = v ?? ''))} />
          </Space.Compact>
        ))}
      </Space>
      <Divider titlePlacement="start" plain>{t('quotaRules')}</Divider>
      <Table<QuotaRule>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={instrument.quotaRules}
        columns={[
          { title: t('ruleLabel'), dataIndex: 'label', width: 220, render: (v: string, r) => <Input value={v} disabled={disabled} onChange={(e) => rule(r.id, (x) => void (x.label = e.target.value))} /> },
          {
            title: t('ruleGrades'),
            dataIndex: 'grades',
            width: 220,
            render: (v: string[], r) => <Select mode="multiple" value={v} disabled={disabled} options={gradeOptions} style={{ width: '100%' }} onChange={(g) => rule(r.id, (x) => void (x.grades = g))} />,
          },
          {
            title: t('bound'),
            dataIndex: 'bound',
            width: 100,
            render: (v: QuotaRule['bound'], r) => (
              <Select value={v} disabled={disabled} onChange={(b) => rule(r.id, (x) => void (x.bound = b))} options={[{ value: 'max', label: t('boundMax') }, { value: 'min', label: t('boundMin') }]} />
            ),
          },
          {
            title: t('percent'),
            dataIndex: 'numerator',
            width: 100,
            render: (_: number, r) => (
              <InputNumber
                min={0}
                max={100}
                disabled={disabled}
                value={r.denominator === 100 ? r.numerator : Math.round((r.numerator * 100) / r.denominator)}
                suffix="%"
                onChange={(n) => rule(r.id, (x) => { x.numerator = n ?? 0; x.denominator = 100; })}
              />
            ),
          },
          {
            title: t('rounding'),
            dataIndex: 'rounding',
            width: 190,
            render: (v: QuotaRule['rounding'], r) => (
              <Select value={v} disabled={disabled} style={{ width: '100%' }} onChange={(x) => rule(r.id, (q) => void (q.rounding = x))} options={[{ value: 'exact', label: t('roundExact') }, { value: 'half-up', label: t('roundHalfUp') }, { value: 'at-least-one', label: t('roundAtLeastOne') }]} />
            ),
          },
          {
            title: t('base'),
            dataIndex: 'base',
            width: 160,
            render: (v: QuotaRule['base'], r) => (
              <Select value={v} disabled={disabled} style={{ width: '100%' }} onChange={(x) => rule(r.id, (q) => void (q.base = x))} options={[{ value: 'all', label: t('baseAll') }, { value: 'rated', label: t('baseRated') }]} />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 70,
            render: (_: unknown, r) => <Button type="link" danger size="small" disabled={disabled} onClick={() => grade((i) => void (i.quotaRules = i.quotaRules.filter((x) => x.id !== r.id)))}>{t('remove')}</Button>,
          },
        ]}
      />
      {!disabled && (
        <Button
          size="small"
          style={{ alignSelf: 'flex-start' }}
          onClick={() =>
            grade((i) =>
              void i.quotaRules.push({
                id: freshId(`q-${i.id.replace(/^i-/, '')}`, i.quotaRules.map((r) => r.id)),
                label: `“${i.grades[0]?.label ?? ''}”不超过40%`,
                grades: i.grades.slice(0, 1).map((g) => g.key),
                bound: 'max',
                numerator: 40,
                denominator: 100,
                rounding: 'exact',
                base: 'all',
              }),
            )
          }
        >
          {t('addRule')}
        </Button>
      )}
    </>
  );
}
