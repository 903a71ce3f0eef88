/**
 * 排名榜: one ranking with tiers, shared ranks, tie flags and a column per component, from the board endpoint (display
 * values only). Paged: a province has 1,341 rows, and only the page shown is drawn.
 */
import { Input, Pagination } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { RankingBoardView } from '../../api/types.js';
import { useT } from '../../i18n/I18nProvider.js';
import { paths } from '../../paths.js';
import { percent } from './format.js';
import { rm } from './messages.js';

const PAGE_SIZES = [20, 50, 100, 200];

/**
 * The board itself is a plain table, not antd's Table: a province's page of 50 rows × 7 cells drawn with antd cells,
 * tooltips and tags was most of the first render in an office browser; plain cells with native titles draw in a
 * fraction of it (decision 0008). Pagination and search stay antd's (one of each).
 */
export function RankingBoard({ campaignId, ranking }: { campaignId: string; ranking: RankingBoardView['ranking'] }) {
  const t = useT(rm);
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const rows = useMemo(() => {
    const q = query.trim();
    return q ? ranking.rows.filter((r) => r.name.includes(q)) : ranking.rows;
  }, [ranking, query]);
  const many = ranking.rows.length > 30;
  const shownRows = many ? rows.slice((page - 1) * pageSize, page * pageSize) : rows;
  const tierIndex = useMemo(() => new Map(ranking.tiers.map((tier, i) => [tier.key, i])), [ranking]);

  return (
    <>
      {many && (
        <Input.Search
          allowClear
          placeholder={t('search')}
          style={{ width: 240, marginBottom: 12 }}
          onChange={(e) => {
            setQuery(e.target.value);
            setPage(1);
          }}
        />
      )}
      <div className="board-scroll">
        <table className="board" data-testid="ranking-table">
          <thead>
            <tr>
              <th className="board-num board-sticky" style={{ width: 64 }}>{t('rank')}</th>
              <th className="board-sticky board-name" style={{ left: 64 }}>{t('unit')}</th>
              <th className="board-num" style={{ width: 88 }}>{t('total')}</th>
              <th style={{ width: 168 }}>{t('tier')}</th>
              {ranking.components.map((head) => (
                <th key={head.instrumentId} className="board-num" style={{ width: 120 }}>
                  {head.name}
                  <span className="board-muted"> {percent(head.weight)}%</span>
                </th>
              ))}
              {ranking.hasAdjustments && <th className="board-num" style={{ width: 88 }}>{t('adjustments')}</th>}
            </tr>
          </thead>
          <tbody>
            {shownRows.map((row) => (
              <tr key={row.unitId} data-row-key={row.unitId} className={row.tierTie ? 'board-row row-tie' : 'board-row'}>
                <td className="board-num board-sticky"><b className="num">{row.rank}</b></td>
                <td className="board-sticky board-name" style={{ left: 64 }} title={row.name}>
                  <Link to={paths.unit(campaignId, ranking.rankingId, row.unitId)}>{row.name}</Link>
                </td>
                <td className="board-num" title={row.total.exact}><b className="num">{row.total.display}</b></td>
                <td>
                  {row.tierLabel ? <span className={`board-tag tier-${Math.min(tierIndex.get(row.tier ?? '') ?? 4, 4)}`}>{row.tierLabel}</span> : <span className="board-muted">—</span>}
                  {row.tierTie && <span className="board-tag tie" title={t('tieHelp')} data-testid="tie-flag">{t('tie')}</span>}
                </td>
                {ranking.components.map((head, i) => {
                  const c = row.components[i];
                  return (
                    <td key={head.instrumentId} className="board-num">
                      {!c || c.score === null ? (
                        <span className="board-muted">{t('noScore')}</span>
                      ) : (
                        <span className="num" title={`${t('contribution')} ${c.contribution}${c.source === 'rollup' ? ` · ${t('rollup')}` : ''}`}>{c.score}</span>
                      )}
                    </td>
                  );
                })}
                {ranking.hasAdjustments && <td className="board-num"><span className="num">{row.adjustments}</span></td>}
              </tr>
            ))}
            {shownRows.length === 0 && (
              <tr>
                <td colSpan={4 + ranking.components.length + (ranking.hasAdjustments ? 1 : 0)} className="board-empty">{t('noRows')}</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {many && (
        <Pagination
          style={{ marginTop: 16, justifyContent: 'flex-end' }}
          current={page}
          pageSize={pageSize}
          total={rows.length}
          pageSizeOptions={PAGE_SIZES}
          showSizeChanger
          showTotal={(n) => t('units', { n })}
          onChange={(p, size) => {
            setPage(size !== pageSize ? 1 : p);
            setPageSize(size);
          }}
        />
      )}
    </>
  );
}
