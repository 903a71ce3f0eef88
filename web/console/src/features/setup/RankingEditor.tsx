/** A ranking: its components' weights (must total exactly 100%) and its tiers by forced distribution. */
import { Card, Flex, Input, InputNumber, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import type { CampaignSetup, RankingSpec } from './api.js';
import type { Edit } from './draft.js';
import { setupMessages } from './messages.js';
import { WeightsTable } from './WeightsTable.js';

export function RankingEditor({ setup, ranking, edit, disabled }: { setup: CampaignSetup; ranking: RankingSpec; edit: Edit; disabled?: boolean }) {
  const t = useT(setupMessages);
  const change = (fn: (r: RankingSpec) => void) =>
    edit((d) => {
      const r = d.rankings.find((x) => x.id === ranking.id);
      if (r) fn(r);
    });
  const instruments = setup.instruments.filter((i) => i.kind !== 'adjustments').map((i) => ({ value: i.id, label: i.name }));
  const level = ranking.level === 'county' ? t('levelCounty') : ranking.level === 'township' ? t('levelTownship') : ranking.level;
  return (
    <Card
      size="small"
      data-testid={`ranking-${ranking.id}`}
      title={
        <Space>
          <Input value={ranking.name} disabled={disabled} style={{ width: 260 }} onChange={(e) => change((r) => void (r.name = e.target.value))} />
          <Tag>{level}</Tag>
        </Space>
      }
    >
      <Flex gap={24} wrap>
        <div style={{ flex: '1 1 480px' }}>
          <Typography.Text strong>{t('components')}</Typography.Text>
          <WeightsTable
            disabled={disabled}
            keyTitle={t('instrument')}
            addLabel={t('addComponent')}
            options={instruments}
            rows={ranking.components.map((c) => ({ key: c.instrumentId, weight: c.weight }))}
            onWeight={(key, weight) => change((r) => void (r.components.find((c) => c.instrumentId === key)!.weight = weight))}
            onAdd={(key) => change((r) => void r.components.push({ instrumentId: key, weight: '0' }))}
            onRemove={(key) => change((r) => void (r.components = r.components.filter((c) => c.instrumentId !== key)))}
          />
        </div>
        <div style={{ flex: '0 1 340px' }}>
          <Typography.Text strong>{t('tiers')}</Typography.Text>
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            {ranking.tiers.map((tier, n) => (
              <Space key={tier.key}>
                <Input value={tier.label} disabled={disabled} style={{ width: 90 }} aria-label={t('tierLabel')} onChange={(e) => change((r) => void (r.tiers[n]!.label = e.target.value))} />
                <InputNumber
                  min={0}
                  max={100}
                  suffix="%"
                  addonBefore={t('tierShare')}
                  disabled={disabled}
                  aria-label={t('tierShare')}
                  value={tier.denominator === 100 ? tier.numerator : Math.round((tier.numerator * 100) / tier.denominator)}
                  onChange={(v) => change((r) => { r.tiers[n]!.numerator = v ?? 0; r.tiers[n]!.denominator = 100; })}
                />
              </Space>
            ))}
          </Flex>
        </div>
      </Flex>
    </Card>
  );
}
