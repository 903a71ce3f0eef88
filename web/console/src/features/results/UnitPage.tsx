/**
 * A unit's page: its total and tier, a bar chart by component, a radar against its level's average, and the
 * explanation. Two small reads (the unit card with the averages, and the explanation), started in main.tsx.
 */
import { Breadcrumb, Card, Col, Descriptions, Row, Statistic } from 'antd';
import { Link, useParams } from 'react-router';
import type { UnitCardView } from '../../api/types.js';
import { usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { cases } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';
import { paths } from '../../paths.js';
import { Chart } from './charts.js';
import { ExplanationTable } from './ExplanationTable.js';
import { numeric, percent } from './format.js';
import { rm } from './messages.js';
import { TierTag } from './TierTag.js';
import { useView, views } from './views.js';

function Charts({ card }: { card: UnitCardView }) {
  const t = useT(rm);
  const { row } = card;
  const averages = card.averages.map((a) => Math.round((numeric(a.average) ?? 0) * 100) / 100);
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
  const punct = usePunctuation();
  const { campaignId = '', rankingId = '', unitId = '' } = useParams();
  const card = useView((fresh) => views.unit(campaignId, rankingId, unitId, fresh), [campaignId, rankingId, unitId]);
  const explanation = useView((fresh) => views.explanation(campaignId, rankingId, unitId, fresh), [campaignId, rankingId, unitId]);
  // 案例评 items that are library cases link to them (a read the explanation does not wait for).
  const links = useApi(() => cases.links(campaignId).catch(() => []), [campaignId]);
  const libraryCases = new Map((links.data ?? []).map((l) => [l.itemId, l]));
  if (card.error) return <ErrorState error={card.error} onRetry={card.reload} />;
  if (!card.data || card.data.row.unitId !== unitId) return <Loading />;
  const { ranking, row } = card.data;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={paths.results(campaignId, rankingId)}>{card.data.name} · {ranking.name}</Link> },
          { title: row.name },
        ]}
      />
      <PageHeader title={row.name} sub={t('rankOf', { rank: row.rank, n: ranking.rowCount })} />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Row gutter={24} align="middle">
          <Col flex="140px"><Statistic title={t('total')} value={row.total.display} /></Col>
          <Col flex="120px"><Statistic title={t('rank')} value={row.rank} suffix={`/ ${ranking.rowCount}`} /></Col>
          <Col flex="auto">
            <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
              <Descriptions.Item label={t('tier')}><TierTag ranking={ranking} row={row} /></Descriptions.Item>
              {row.components.map((c) => (
                <Descriptions.Item key={c.instrumentId} label={`${c.name}${punct.paren(`${percent(c.weight)}%`)}`}>
                  <span className="num">{c.score?.display ?? t('noScore')}</span>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </Col>
        </Row>
      </Card>
      <Charts card={card.data} />
      <Card title={t('explanation')} size="small">
        {explanation.error ? <ErrorState error={explanation.error} onRetry={explanation.reload} /> : explanation.data ? <ExplanationTable root={explanation.data} libraryCases={libraryCases} /> : <Loading />}
      </Card>
    </>
  );
}
