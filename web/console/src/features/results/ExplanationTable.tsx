/** 得分说明: the explanation tree as an expandable table — total → components → subjects → groups → ballots. */
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { PresentedExplanation } from '../../api/types.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { percent } from './format.js';
import { rm } from './messages.js';

interface Row {
  key: string;
  node: PresentedExplanation;
  children?: Row[];
}

const KIND: Record<PresentedExplanation['kind'], keyof typeof rm> = {
  total: 'kindTotal',
  component: 'kindComponent',
  adjustments: 'kindAdjustments',
  rollup: 'kindRollup',
  subject: 'kindSubject',
  group: 'kindGroup',
  ballot: 'kindBallot',
};
const KIND_COLOR: Partial<Record<PresentedExplanation['kind'], string>> = { total: 'red', component: 'volcano', subject: 'blue', group: 'cyan', rollup: 'geekblue' };

function toRows(node: PresentedExplanation, key: string): Row {
  return { key, node, children: node.children.length ? node.children.map((c, i) => toRows(c, `${key}.${i}`)) : undefined };
}

/** Keys of rows down to (not including) ballots: "expand all" stops above the ballot lists. */
function keysAboveBallots(row: Row, out: string[] = []): string[] {
  if (row.children && row.node.kind !== 'group') {
    out.push(row.key);
    row.children.forEach((c) => { keysAboveBallots(c, out); });
  }
  return out;
}

export function ExplanationTable({ root }: { root: PresentedExplanation }) {
  const t = useT(rm);
  const pick = useBilingual();
  const data = useMemo(() => [toRows(root, 'r')], [root]);
  const [expanded, setExpanded] = useState<readonly React.Key[]>(() => ['r', ...(data[0]!.children ?? []).map((c) => c.key)]);

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Button size="small" onClick={() => setExpanded(keysAboveBallots(data[0]!))} data-testid="expand-all">{t('expandAll')}</Button>
        <Button size="small" onClick={() => setExpanded(['r'])}>{t('collapse')}</Button>
      </Space>
      <Table<Row>
        data-testid="explanation-table"
        size="small"
        pagination={false}
        dataSource={data}
        expandable={{ expandedRowKeys: expanded, onExpandedRowsChange: setExpanded, indentSize: 20 }}
        columns={[
          {
            title: t('item'),
            key: 'label',
            render: (_: unknown, { node }) => (
              <span>
                <Tag color={KIND_COLOR[node.kind]} style={{ marginInlineEnd: 6 }}>{t(KIND[node.kind])}</Tag>
                {node.label}
              </span>
            ),
          },
          {
            title: t('value'),
            key: 'value',
            width: 110,
            align: 'right',
            render: (_: unknown, { node }) =>
              node.hiddenForAnonymity ? (
                <Tag>{t('hidden')}</Tag>
              ) : (
                <Tooltip title={node.value?.exact}>
                  <span className="num">{node.value?.display ?? '—'}</span>
                </Tooltip>
              ),
          },
          {
            title: t('weight'),
            key: 'weight',
            width: 100,
            align: 'right',
            render: (_: unknown, { node }) =>
              node.kind === 'total' ? '' : (
                <Tooltip title={node.weight.exact}>
                  <span className="num">{percent(node.weight)}%</span>
                </Tooltip>
              ),
          },
          {
            title: t('note'),
            key: 'note',
            render: (_: unknown, { node }) =>
              node.hiddenForAnonymity ? (
                <Typography.Text type="warning">{t('hiddenWhy')}{node.note ? `；${pick(node.note)}` : ''}</Typography.Text>
              ) : (
                <Typography.Text type="secondary">{pick(node.note)}</Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}
