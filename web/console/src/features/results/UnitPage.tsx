/** A unit's page: its total and tier, a bar chart by component, a radar against its level's average, and the explanation. */
import { Breadcrumb, Card, Col, Descriptions, Row, Statistic } from 'antd';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import type { Ranking, RankingRow } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../routes.js';
import { Chart } from './charts.js';
import { ExplanationTable } from './ExplanationTable.js';
import { numeric, percent } from './format.js';
import { rm } from './messages.js';
import { TierTag } from './RankingBoard.js';
import { useResults } from './useResults.js';

/** Mean component score over the units of the ranking that have one. */
function levelAverages(ranking: Ranking): number[] {
  const heads = ranking.rows[0]?.components ?? [];
  return heads.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (const row of ranking.rows) {
      const v = numeric(row.components[i]?.score);
      if (v !== null) {
        sum += v;
        n++;
      }
    }
    return n ? Math.round((sum / n) * 100) / 100 : 0;
  });
}

function Charts({ ranking, row }: { ranking: Ranking; row: RankingRow }) {
  const t = useT(rm);
  const averages = useMemo(() => levelAverages(ranking), [ranking]);
  const names = row.components.map((c) => c.name);
  const scores = row.components.map((c) => numeric(c.score) ?? 0);
  const bar = {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('thisUnit'), t('average')], top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: names.map((n, i) => `${n}\n${percent(row.components[i]!.weight)}%`), axisLabel: { interval: 0, lineHeight: 16 } },
    yAxis: { type: 'value', max: 100 },
    series: [
      { name: t('thisUnit'), type: 'bar', data: scores, itemStyle: { color: '#a61d24' }, label: { show: true, position: 'top' }, barMaxWidth: 36 },
      { name: t('average'), type: 'bar', data: averages, itemStyle: { color: '#bfbfbf' }, barMaxWidth: 36 },
    ],
  };
  const min = Math.max(0, Math.floor((Math.min(...scores, ...averages) - 10) / 10) * 10);
  const radar = {
    tooltip: {},
    legend: { data: [t('thisUnit'), t('average')], top: 0 },
    radar: { indicator: names.map((name) => ({ name, max: 100, min })), radius: '68%', center: ['50%', '57%'], axisName: { color: '#444' } },
    series: [
      {
        type: 'radar',
        data: [
          { name: t('thisUnit'), value: scores, itemStyle: { color: '#a61d24' }, areaStyle: { opacity: 0.15 } },
          { name: t('average'), value: averages, itemStyle: { color: '#8c8c8c' }, lineStyle: { type: 'dashed' } },
        ],
      },
    ],
  };
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={13}>
        <Card title={t('breakdown')} size="small"><Chart option={bar} testId="bar-chart" style={{ height: 320 }} /></Card>
      </Col>
      <Col xs={24} xl={11}>
        <Card title={t('radar')} size="small"><Chart option={radar} testId="radar-chart" style={{ height: 320 }} /></Card>
      </Col>
    </Row>
  );
}

export default function UnitPage() {
  const t = useT(rm);
  const { campaignId = '', rankingId = '', unitId = '' } = useParams();
  const results = useResults(campaignId);
  const explanation = useApi(() => endpoints.explanation(campaignId, rankingId, unitId), [campaignId, rankingId, unitId]);
  if (results.error) return <ErrorState error={results.error} onRetry={results.reload} />;
  if (!results.data) return <Loading />;
  const ranking = results.data.rankings.find((r) => r.rankingId === rankingId);
  const row = ranking?.rows.find((r) => r.unitId === unitId);
  if (!ranking || !row) return <ErrorState error={t('notInRanking')} />;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={paths.results(campaignId, rankingId)}>{results.data.name} · {ranking.name}</Link> },
          { title: row.name },
        ]}
      />
      <PageHeader title={row.name} sub={t('rankOf', { rank: row.rank, n: ranking.rows.length })} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle">
          <Col flex="140px"><Statistic title={t('total')} value={row.total.display} /></Col>
          <Col flex="120px"><Statistic title={t('rank')} value={row.rank} suffix={`/ ${ranking.rows.length}`} /></Col>
          <Col flex="auto">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('tier')}><TierTag ranking={ranking} row={row} /></Descriptions.Item>
              {row.components.map((c) => (
                <Descriptions.Item key={c.instrumentId} label={`${c.name}（${percent(c.weight)}%）`}>
                  <span className="num">{c.score?.display ?? t('noScore')}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Col>
        </Row>
      </Card>
      <Charts ranking={ranking} row={row} />
      <Card title={t('explanation')} size="small">
        {explanation.error ? <ErrorState error={explanation.error} onRetry={explanation.reload} /> : explanation.data ? <ExplanationTable root={explanation.data} /> : <Loading />}
      </Card>
    </>
  );
}
