/**
 * One instrument: name, group weights, aggregation, and its scale — grades with points and quota rules, or a score
 * range with its criteria and adjustment items.
 */
import { Checkbox, Descriptions, Divider, Flex, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import type { CampaignSetup, Instrument } from './api.js';
import { AdjustmentsEditor } from './AdjustmentsEditor.js';
import { CriteriaEditor } from './CriteriaEditor.js';
import type { Edit } from './draft.js';
import { GradeScale } from './GradeScale.js';
import { setupMessages } from './messages.js';
import { WeightsTable } from './WeightsTable.js';

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
      {/* One column: two did not fit the trimmed-mean k or the longer English labels beside the rule check. */}
      <Descriptions size="small" column={1} bordered styles={{ label: { width: 150, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('instrumentName')}>
          <Input value={instrument.name} disabled={disabled} onChange={(e) => change((i) => void (i.name = e.target.value))} style={{ width: 280 }} />
        </Descriptions.Item>
        <Descriptions.Item label={t('aggregation')}>
          <Space>
            <Select
              value={instrument.aggregation.method}
              disabled={disabled}
              style={{ width: 280 }}
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
            style={{ width: 280 }}
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
            style={{ width: 280 }}
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
        relative
        disabled={disabled}
        keyTitle={t('tabGroups')}
        addLabel={t('addWeight')}
        options={groups}
        rows={instrument.groupWeights.map((g) => ({ key: g.groupId, weight: g.weight }))}
        onWeight={(key, weight) => change((i) => void (i.groupWeights.find((g) => g.groupId === key)!.weight = weight))}
        onAdd={(key) => change((i) => void i.groupWeights.push({ groupId: key, weight: '0' }))}
        onRemove={(key) => change((i) => void (i.groupWeights = i.groupWeights.filter((g) => g.groupId !== key)))}
      />

      {instrument.kind === 'grade' && <GradeScale instrument={instrument} change={change} disabled={disabled} />}
      {instrument.kind === 'score' && (
        <>
          <Divider titlePlacement="start" plain>{t('scale')}</Divider>
          <Space>
            {(['min', 'max', 'step'] as const).map((k) => (
              <InputNumber<string>
                key={k}
                stringMode
                addonBefore={t(k)}
                aria-label={t(k)}
                disabled={disabled}
                value={instrument[k]}
                onChange={(v) => change((i) => void (i.kind === 'score' && (i[k] = v ?? '')))}
                style={{ width: 150 }}
              />
            ))}
          </Space>
        </>
      )}
      {instrument.kind === 'score' && <CriteriaEditor instrument={instrument} disabled={disabled} change={(fn) => change((i) => i.kind === 'score' && fn(i))} />}
      {instrument.kind !== 'grade' && <AdjustmentsEditor instrument={instrument} change={change} disabled={disabled} />}
    </Flex>
  );
}
