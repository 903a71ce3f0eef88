/**
 * 加减分项: bonus and deduction items, each with its cap, and the total caps per ballot and subject. A score
 * instrument may turn them on and off (观摩评 亮点加分、不足减分); an adjustments instrument always has them.
 * Every adjustment a rater gives carries a written reason; the editor only says so, the ballot check enforces it.
 */
import { Button, Divider, Flex, InputNumber, Select, Space, Switch, Table, Typography } from 'antd';
import { useRef } from 'react';
import { useT } from '../../i18n/I18nProvider.js';
import type { Instrument } from './api.js';
import { freshId } from './draft.js';
import { Findings, statusOf } from './Findings.js';
import { setupMessages } from './messages.js';
import { pointRowColumns } from './pointRowColumns.js';
import { checkAdjustments, type AdjustmentConfig, type AdjustmentItem } from './rubric.js';

type Direction = AdjustmentItem['direction'];
type Cap = 'maxTotalBonus' | 'maxTotalDeduction';

export function AdjustmentsEditor({ instrument, change, disabled }: { instrument: Instrument; change: (fn: (i: Instrument) => void) => void; disabled?: boolean }) {
  const t = useT(setupMessages);
  const stash = useRef<AdjustmentConfig | null>(null);
  if (instrument.kind === 'grade') return null;
  const config = instrument.adjustments;
  const optional = instrument.kind === 'score';
  const edit = (fn: (c: AdjustmentConfig) => void) => change((i) => i.kind !== 'grade' && i.adjustments && fn(i.adjustments));
  const item = (id: string, fn: (x: AdjustmentItem) => void) => edit((c) => fn(c.items.find((x) => x.id === id)!));

  const toggle = (on: boolean) =>
    change((i) => {
      if (i.kind !== 'score') return;
      if (!on) {
        stash.current = i.adjustments;
        i.adjustments = null;
      } else {
        i.adjustments = stash.current ?? {
          items: [
            { id: 'adj-1', label: t('bonusDefault', { n: 1 }), direction: 'bonus', maxPoints: '2' },
            { id: 'adj-2', label: t('deductionDefault', { n: 1 }), direction: 'deduction', maxPoints: '2' },
          ],
          maxTotalBonus: '5',
          maxTotalDeduction: '5',
          capReading: 'ceiling',
        };
      }
    });
  // Bonus items first, then deductions: a new item goes after the last one of its kind.
  const add = (direction: Direction) =>
    edit((c) => {
      const kinds = c.items.map((x) => x.direction);
      const last = kinds.lastIndexOf(direction);
      const at = last >= 0 ? last + 1 : direction === 'bonus' ? 0 : c.items.length;
      const n = kinds.filter((k) => k === direction).length + 1;
      const label = t(direction === 'bonus' ? 'bonusDefault' : 'deductionDefault', { n });
      c.items.splice(at, 0, { id: freshId('adj', c.items.map((x) => x.id)), label, direction, maxPoints: '1' });
    });

  const { findings, sums } = config ? checkAdjustments(config) : { findings: [], sums: { bonus: null, deduction: null } };
  const cap = (key: Cap) => (
    <Space.Compact key={key}>
      <Space.Addon>{t(key)}</Space.Addon>
      <InputNumber<string>
        stringMode
        min="0"
        value={config?.[key]}
        disabled={disabled}
        status={statusOf(findings, null, key)}
        suffix={t('pointsSuffix')}
        aria-label={t(key)}
        style={{ width: 120 }}
        onChange={(v) => edit((c) => void (c[key] = v ?? ''))}
      />
    </Space.Compact>
  );

  return (
    <>
      <Divider titlePlacement="start" plain>{t('adjustments')}</Divider>
      <Flex vertical gap={8} data-testid="adjustments-editor">
        {optional && (
          <Flex gap={8} align="center">
            <Switch checked={config !== null} disabled={disabled} onChange={toggle} aria-label={t('adjustmentsOn')} data-testid="adjustments-switch" />
            <Typography.Text>{config !== null ? t('adjustmentsOn') : t('adjustmentsOff')}</Typography.Text>
          </Flex>
        )}
        {config && (
          <>
            <Typography.Text type="secondary">{t('adjustmentsHint')}</Typography.Text>
            <Table<AdjustmentItem>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={config.items}
              columns={[
                {
                  title: t('direction'),
                  dataIndex: 'direction',
                  width: 150,
                  render: (v: Direction, x, n) => (
                    <Select<Direction>
                      value={v}
                      disabled={disabled}
                      style={{ width: 130 }}
                      aria-label={`${t('direction')} ${n + 1}`}
                      onChange={(d) => item(x.id, (y) => void (y.direction = d))}
                      options={[{ value: 'bonus', label: <Typography.Text type="success">{t('bonus')}</Typography.Text> }, { value: 'deduction', label: <Typography.Text type="danger">{t('deduction')}</Typography.Text> }]}
                    />
                  ),
                },
                ...pointRowColumns<AdjustmentItem>({
                  t,
                  labelTitle: t('itemLabel'),
                  maxTitle: t('itemMax'),
                  rows: config.items,
                  findings,
                  disabled,
                  update: item,
                  remove: (id) => edit((c) => void (c.items = c.items.filter((y) => y.id !== id))),
                }).flatMap((column) =>
                  column.key === 'remove'
                    ? [
                        {
                          title: t('itemStep'),
                          dataIndex: 'step',
                          width: 150,
                          render: (v: string | undefined, x: AdjustmentItem, n: number) => (
                            <InputNumber<string>
                              stringMode
                              min="0"
                              value={v ?? null}
                              placeholder={t('itemStepAny')}
                              disabled={disabled}
                              status={statusOf(findings, x.id, 'step')}
                              suffix={t('pointsSuffix')}
                              aria-label={`${t('itemStep')} ${n + 1}`}
                              style={{ width: 130 }}
                              onChange={(p) =>
                                item(x.id, (y) => {
                                  if (p === null || p === '') delete y.step;
                                  else y.step = p;
                                })
                              }
                            />
                          ),
                        },
                        column,
                      ]
                    : [column],
                ),
              ]}
            />
            {!disabled && (
              <Space>
                <Button size="small" onClick={() => add('bonus')} data-testid="add-bonus">{t('addBonus')}</Button>
                <Button size="small" onClick={() => add('deduction')} data-testid="add-deduction">{t('addDeduction')}</Button>
              </Space>
            )}
            <Flex gap={16} align="center" wrap>
              {cap('maxTotalBonus')}
              {cap('maxTotalDeduction')}
              <Typography.Text type="secondary">{t('capsHint', { bonus: sums.bonus ?? '—', deduction: sums.deduction ?? '—' })}</Typography.Text>
            </Flex>
            <Flex gap={8} align="center" wrap>
              <Space.Compact>
                <Space.Addon>{t('capReading')}</Space.Addon>
                <Select<'ceiling' | 'strict'>
                  value={config.capReading ?? 'ceiling'}
                  disabled={disabled}
                  style={{ width: 200 }}
                  aria-label={t('capReading')}
                  data-testid="cap-reading"
                  onChange={(v) => edit((c) => void (c.capReading = v))}
                  options={[
                    { value: 'ceiling', label: t('capReadingCeiling') },
                    { value: 'strict', label: t('capReadingStrict') },
                  ]}
                />
              </Space.Compact>
              <Typography.Text type="secondary">{t('capReadingHint')}</Typography.Text>
            </Flex>
            <Findings findings={findings} testId="adjustments-findings" />
          </>
        )}
      </Flex>
    </>
  );
}
