/**
 * 得分说明: the explanation tree as an expandable table — total → components → subjects → groups → ballots. A ballot
 * shows its adjustments with their reasons, and a value the trimmed mean dropped is struck through and says so.
 */
import { Button, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { PresentedExplanation } from '../../api/types.js';
import { useBilingual, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { paths } from '../../paths.js';
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

/** Keys of every row that has rows below it: "expand all" opens the tree down to each ballot. */
function allKeys(row: Row, out: string[] = []): string[] {
  if (row.children) {
    out.push(row.key);
    row.children.forEach((c) => { allKeys(c, out); });
  }
  return out;
}

/** A ballot's 加减分, one line each: direction, item, points and the written reason. */
function Adjustments({ node }: { node: PresentedExplanation }) {
  const t = useT(rm);
  const punct = usePunctuation();
  if (node.adjustments.length === 0) return null;
  return (
    <ul className="explanation-adjustments" data-testid="ballot-adjustments" style={{ margin: 0, paddingInlineStart: 18 }}>
      {node.adjustments.map((a, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a ballot's adjustments keep the order they were cast in and never change
        <li key={i}>
          <Tag color={a.direction === 'bonus' ? 'green' : 'orange'} style={{ marginInlineEnd: 4 }}>{t(a.direction === 'bonus' ? 'bonus' : 'deduction')}</Tag>
          {a.item} <span className="num">{a.direction === 'bonus' ? '+' : '−'}{a.points}</span>{punct.colon}{a.reason}
        </li>
      ))}
      {(node.cappedTotals ?? []).map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: read-only lines in the order the explanation gives them
        <li key={`cap-${i}`} data-testid="capped-total">
          <Typography.Text type="warning">
            {t(c.direction === 'bonus' ? 'cappedBonus' : 'cappedDeduction', { total: c.total, counted: c.counted })}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

/** `libraryCases`: the 案例评 items that are library cases, by item id — their rows link to the case. */
export function ExplanationTable({ root, libraryCases }: { root: PresentedExplanation; libraryCases?: ReadonlyMap<string, { caseId: string; caseTitle: string }> }) {
  const t = useT(rm);
  const pick = useBilingual();
  const data = useMemo(() => [toRows(root, 'r')], [root]);
  const [expanded, setExpanded] = useState<readonly React.Key[]>(() => ['r', ...(data[0]!.children ?? []).map((c) => c.key)]);

  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Tooltip title={t('expandAllHelp')}>
          <Button size="small" onClick={() => setExpanded(allKeys(data[0]!))} data-testid="expand-all">{t('expandAll')}</Button>
        </Tooltip>
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
                {node.kind === 'subject' && libraryCases?.has(node.id) && (
                  <Link to={paths.caseDetail(libraryCases.get(node.id)!.caseId)} style={{ marginInlineStart: 8 }} data-testid="explanation-library-case">
                    {t('libraryCase', { title: libraryCases.get(node.id)!.caseTitle })}
                  </Link>
                )}
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
                  {node.dropped ? (
                    <Typography.Text delete type="secondary" className="num" data-testid="dropped-value">{node.value?.display ?? '—'}</Typography.Text>
                  ) : (
                    <span className="num">{node.value?.display ?? '—'}</span>
                  )}
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
                <>
                  <Typography.Text type={node.dropped ? 'warning' : 'secondary'}>{pick(node.note)}</Typography.Text>
                  <Adjustments node={node} />
                </>
              ),
          },
        ]}
      />
    </>
  );
}
