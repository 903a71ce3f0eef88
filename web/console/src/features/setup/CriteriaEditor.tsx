/**
 * 评分细则: a score instrument's rubric. On, the score is the sum of the criteria and their maxima must total the
 * scale's maximum; off (null), raters give one score. Turning it off and on again in the same visit brings the rows back.
 */
import { Button, Divider, Flex, Switch, Table, Typography } from 'antd';
import { useRef } from 'react';
import { useT } from '../../i18n/I18nProvider.js';
import type { Instrument } from './api.js';
import { freshId } from './draft.js';
import { Findings } from './Findings.js';
import { setupMessages } from './messages.js';
import { pointRowColumns } from './pointRowColumns.js';
import { checkCriteria, nextCriterionMax, type Criterion } from './rubric.js';

type ScoreInstrument = Extract<Instrument, { kind: 'score' }>;

export function CriteriaEditor({ instrument, change, disabled }: { instrument: ScoreInstrument; change: (fn: (i: ScoreInstrument) => void) => void; disabled?: boolean }) {
  const t = useT(setupMessages);
  const stash = useRef<Criterion[] | null>(null);
  const criteria = instrument.criteria;
  const { findings, sum } = criteria ? checkCriteria(criteria, instrument) : { findings: [], sum: null };
  const sumBad = findings.some((f) => f.message === 'criteriaSumBad');
  const row = (id: string, fn: (c: Criterion) => void) => change((i) => void fn(i.criteria!.find((c) => c.id === id)!));

  const toggle = (on: boolean) =>
    change((i) => {
      if (!on) {
        stash.current = i.criteria;
        i.criteria = null;
      } else {
        i.criteria = stash.current ?? [{ id: 'crit-1', label: t('criterionDefault', { n: 1 }), maxPoints: i.max }];
      }
    });
  const add = () =>
    change((i) => {
      const list = i.criteria!;
      list.push({ id: freshId('crit', list.map((c) => c.id)), label: t('criterionDefault', { n: list.length + 1 }), maxPoints: nextCriterionMax(list, i) });
    });

  return (
    <>
      <Divider titlePlacement="start" plain>{t('criteria')}</Divider>
      <Flex vertical gap={8} data-testid="criteria-editor">
        <Flex gap={8} align="center">
          <Switch checked={criteria !== null} disabled={disabled} onChange={toggle} aria-label={t('criteriaOn')} data-testid="criteria-switch" />
          <Typography.Text>{criteria !== null ? t('criteriaOn') : t('criteriaOff')}</Typography.Text>
        </Flex>
        {criteria && (
          <>
            <Typography.Text type="secondary">{t('criteriaHint')}</Typography.Text>
            <Table<Criterion>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={criteria}
              columns={[
                { title: '#', key: 'n', width: 48, render: (_: unknown, _c, n) => n + 1 },
                ...pointRowColumns<Criterion>({
                  t,
                  labelTitle: t('criterionLabel'),
                  maxTitle: t('criterionMax'),
                  rows: criteria,
                  findings,
                  disabled,
                  update: row,
                  remove: (id) => change((i) => void (i.criteria = i.criteria!.filter((x) => x.id !== id))),
                }),
              ]}
            />
            <Flex justify="space-between" align="center" gap={8} wrap>
              {!disabled ? <Button size="small" onClick={add} data-testid="add-criterion">{t('addCriterion')}</Button> : <span />}
              {sum !== null && (
                <Flex gap={8} align="center" data-testid="criteria-sum">
                  {sumBad ? (
                    <>
                      <Typography.Text type="danger">{t('criteriaSumBad', { sum, max: instrument.max })}</Typography.Text>
                      {!disabled && <Button size="small" type="link" onClick={() => change((i) => void (i.max = sum))}>{t('useSumAsMax', { sum })}</Button>}
                    </>
                  ) : (
                    <Typography.Text type="success">{t('criteriaSumOk', { sum })}</Typography.Text>
                  )}
                </Flex>
              )}
            </Flex>
            <Findings findings={findings.filter((f) => f.message !== 'criteriaSumBad')} testId="criteria-findings" />
          </>
        )}
      </Flex>
    </>
  );
}
