/**
 * 排名榜: one ranking with tiers, shared ranks, tie flags and a column per component, from the board endpoint (display
 * values only). Paged: a province has 1,341 rows, and antd draws only the page shown.
 */
import { Input, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { BoardRow, Ranking, RankingBoardView, RankingRow } from '../../api/types.js';
import { useT } from '../../i18n/I18nProvider.js';
import { paths } from '../../routes.js';
import { percent } from './format.js';
import { rm } from './messages.js';

const TIER_COLORS = ['red', 'volcano', 'gold', 'blue', 'default'];

export function tierColor(ranking: Pick<Ranking, 'tiers'>, key: string | null): string {
  const i = ranking.tiers.findIndex((t) => t.key === key);
  return i < 0 ? 'default' : (TIER_COLORS[i] ?? 'default');
}

export function TierTag({ ranking, row }: { ranking: Pick<Ranking, 'tiers'>; row: Pick<RankingRow, 'tier' | 'tierLabel' | 'tierTie'> }) {
  const t = useT(rm);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {row.tierLabel ? <Tag color={tierColor(ranking, row.tier)}>{row.tierLabel}</Tag> : <Typography.Text type="secondary">—</Typography.Text>}
      {row.tierTie && (
        <Tooltip title={t('tieHelp')}>
          <Tag color="magenta" data-testid="tie-flag">{t('tie')}</Tag>
        </Tooltip>
      )}
    </span>
  );
}

export function RankingBoard({ campaignId, ranking }: { campaignId: string; ranking: RankingBoardView['ranking'] }) {
  const t = useT(rm);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => (query ? ranking.rows.filter((r) => r.name.includes(query.trim())) : ranking.rows), [ranking, query]);
  const componentHeads = ranking.components;
  const hasAdjustments = ranking.hasAdjustments;
  const many = ranking.rows.length > 30;

  const columns: ColumnsType<BoardRow> = [
    { title: t('rank'), dataIndex: 'rank', width: 64, align: 'right', fixed: 'left', render: (rank: number) => <b className="num">{rank}</b> },
    {
      title: t('unit'),
      dataIndex: 'name',
      width: 200,
      fixed: 'left',
      ellipsis: true,
      render: (name: string, row) => <Link to={paths.unit(campaignId, ranking.rankingId, row.unitId)}>{name}</Link>,
    },
    {
      title: t('total'),
      key: 'total',
      width: 88,
      align: 'right',
      render: (_: unknown, row) => (
        <Tooltip title={row.total.exact}>
          <b className="num">{row.total.display}</b>
        </Tooltip>
      ),
    },
    { title: t('tier'), key: 'tier', width: 168, render: (_: unknown, row) => <TierTag ranking={ranking} row={row} /> },
    ...componentHeads.map((head, i) => ({
      title: (
        <span>
          {head.name}
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', marginInlineStart: 4 }}>{percent(head.weight)}%</Typography.Text>
        </span>
      ),
      key: head.instrumentId,
      width: 120,
      align: 'right' as const,
      render: (_: unknown, row: BoardRow) => {
        const c = row.components[i];
        if (!c || c.score === null) return <Typography.Text type="secondary">{t('noScore')}</Typography.Text>;
        return (
          <Tooltip title={`${t('contribution')} ${c.contribution}${c.source === 'rollup' ? ` · ${t('rollup')}` : ''}`}>
            <span className="num">{c.score}</span>
          </Tooltip>
        );
      },
    })),
    ...(hasAdjustments
      ? [{ title: t('adjustments'), key: 'adj', width: 88, align: 'right' as const, render: (_: unknown, row: BoardRow) => <span className="num">{row.adjustments}</span> }]
      : []),
  ];

  return (
    <>
      {many && (
        <Input.Search allowClear placeholder={t('search')} style={{ width: 240, marginBottom: 12 }} onChange={(e) => setQuery(e.target.value)} />
      )}
      <Table<BoardRow>
        data-testid="ranking-table"
        rowKey="unitId"
        size="middle"
        columns={columns}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        pagination={many ? { defaultPageSize: 50, pageSizeOptions: [20, 50, 100, 200], showSizeChanger: true, showTotal: (n) => t('units', { n }) } : false}
        rowClassName={(row) => (row.tierTie ? 'row-tie' : '')}
      />
    </>
  );
}
