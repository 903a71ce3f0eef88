/**
 * A list of weights with the live total under it: a ranking's component weights must total exactly 100%; rater-group
 * weights (`relative`) count in proportion, each above 0, with each group's share beside it.
 */
import { Button, Flex, InputNumber, Select, Table, Typography } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import { setupMessages } from './messages.js';
import { checkRelativeWeights, checkWeights, parseDecimal } from './weights.js';

export interface WeightRow {
  key: string;
  weight: string;
}

export function WeightTotal({ weights, relative = false }: { weights: string[]; relative?: boolean }) {
  const t = useT(setupMessages);
  if (relative) {
    const check = checkRelativeWeights(weights);
    if (!check.ok) return <Typography.Text type="danger" data-testid="weight-total">{check.reason === 'invalid' ? t('sumInvalid') : t('weightNotPositive')}</Typography.Text>;
    return (
      <Typography.Text type="success" data-testid="weight-total">
        {parseDecimal(check.sum) === 100_000_000n ? t('sumOk') : t('sumRelative', { sum: check.sum })}
      </Typography.Text>
    );
  }
  const check = checkWeights(weights);
  if (check.ok) return <Typography.Text type="success" data-testid="weight-total">{t('sumOk')}</Typography.Text>;
  return (
    <Typography.Text type="danger" data-testid="weight-total">
      {check.reason === 'invalid' ? t('sumInvalid') : t('sumBad', { sum: check.sum ?? '' })}
    </Typography.Text>
  );
}

export function WeightsTable({
  rows,
  options,
  onWeight,
  onAdd,
  onRemove,
  keyTitle,
  addLabel,
  disabled,
  relative = false,
}: {
  rows: WeightRow[];
  /** Every choosable key with its label. */
  options: { value: string; label: string }[];
  onWeight(key: string, weight: string): void;
  onAdd(key: string): void;
  onRemove(key: string): void;
  keyTitle: string;
  addLabel: string;
  disabled?: boolean;
  /** Weights that count in proportion (rater groups), not percentages that total 100 (a ranking's components). */
  relative?: boolean;
}) {
  const t = useT(setupMessages);
  const label = new Map(options.map((o) => [o.value, o.label]));
  const relativeCheck = relative ? checkRelativeWeights(rows.map((r) => r.weight)) : null;
  const shareOf = new Map(relativeCheck?.ok ? rows.map((r, i) => [r.key, relativeCheck.shares[i]!]) : []);
  const unused = options.filter((o) => !rows.some((r) => r.key === o.value));
  return (
    <>
      <Table<WeightRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: keyTitle, dataIndex: 'key', render: (k: string) => label.get(k) ?? k },
          {
            title: relative ? t('weightRelative') : t('weight'),
            dataIndex: 'weight',
            width: 160,
            render: (w: string, row) => (
              <InputNumber<string>
                stringMode
                min="0"
                max={relative ? undefined : '100'}
                value={w}
                disabled={disabled}
                status={parseDecimal(w) === null ? 'error' : undefined}
                aria-label={`${relative ? t('weightRelative') : t('weight')} ${label.get(row.key) ?? row.key}`}
                onChange={(v) => onWeight(row.key, v ?? '')}
                style={{ width: 120 }}
              />
            ),
          },
          ...(relative
            ? [{ title: t('share'), key: 'share', width: 100, render: (_: unknown, row: WeightRow) => (shareOf.has(row.key) ? `${shareOf.get(row.key)}%` : '—') }]
            : []),
          {
            title: '',
            key: 'remove',
            width: 80,
            render: (_: unknown, row) => (
              <Button type="link" danger size="small" disabled={disabled || rows.length <= 1} onClick={() => onRemove(row.key)}>
                {t('remove')}
              </Button>
            ),
          },
        ]}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        {unused.length > 0 && !disabled ? (
          <Select<string> size="small" placeholder={addLabel} style={{ width: 240 }} value={null as unknown as string} options={unused} onChange={onAdd} />
        ) : <span />}
        <WeightTotal weights={rows.map((r) => r.weight)} relative={relative} />
      </Flex>
    </>
  );
}
