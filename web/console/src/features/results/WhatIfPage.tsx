/** 假设分析 and 名次稳定性: preview a ranking under other weights or methods; the published ranking is never touched. */
import { Alert, Button, Card, Col, Flex, InputNumber, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import type { Ranking, StabilityResult, WhatIfResult } from '../../api/types.js';
import { useBilingual, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, isMissingApi, Loading, PageHeader } from '../../layout/Page.js';
import { messages } from '../../i18n/messages.js';
import { paths } from '../../paths.js';
import { percent } from './format.js';
import { rm } from './messages.js';
import { TierTag } from './TierTag.js';
import { useResults } from './useResults.js';

type Method = 'declared' | 'mean' | 'median' | 'trimmed';

function ChangeTag({ change }: { change: number }) {
  if (change > 0) return <Typography.Text style={{ color: '#cf1322' }}>↑ {change}</Typography.Text>;
  if (change < 0) return <Typography.Text style={{ color: '#1677ff' }}>↓ {-change}</Typography.Text>;
  return <Typography.Text type="secondary">—</Typography.Text>;
}

function Unavailable({ error }: { error: unknown }) {
  const pick = useBilingual();
  return isMissingApi(error) ? <Alert type="warning" showIcon title={pick(messages.notAvailable)} /> : <ErrorState error={error} />;
}

function Stability({ campaignId, ranking }: { campaignId: string; ranking: Ranking }) {
  const t = useT(rm);
  const [state, setState] = useState<{ data?: StabilityResult; error?: unknown; loading: boolean }>({ loading: false });
  const run = () => {
    setState({ loading: true });
    endpoints.stability(campaignId, ranking.rankingId).then((data) => setState({ data, loading: false }), (error: unknown) => setState({ error, loading: false }));
  };
  const tierLabel = new Map(ranking.tiers.map((x) => [x.key, x.label]));
  return (
    <Card title={t('stability')} size="small" extra={<Button onClick={run} loading={state.loading}>{t('loadStability')}</Button>}>
      {state.error ? <Unavailable error={state.error} /> : null}
      {state.data && (
        <>
          <Typography.Paragraph type="secondary">{t('stabilityIntro', { step: state.data.step, points: state.data.points })}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="unitId"
            dataSource={state.data.units}
            pagination={state.data.units.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: t('rank'), dataIndex: 'rank', width: 64, align: 'right' },
              { title: t('unit'), dataIndex: 'name' },
              { title: t('best'), dataIndex: 'bestRank', width: 90, align: 'right' },
              { title: t('worst'), dataIndex: 'worstRank', width: 90, align: 'right' },
              {
                title: t('spread'),
                key: 'spread',
                width: 110,
                render: (_: unknown, u) => (u.bestRank === u.worstRank ? <Tag color="green">{t('stable')}</Tag> : <span>{u.bestRank}–{u.worstRank}</span>),
              },
              {
                title: t('tier'),
                key: 'tiers',
                render: (_: unknown, u) => (
                  <Space size={4} wrap>
                    {u.tiers.map((k) => <Tag key={k}>{tierLabel.get(k) ?? k}</Tag>)}
                    {u.tierCanChange && <Tag color="orange">{t('tierCanChange')}</Tag>}
                    {u.tierTieSomewhere && <Tag color="magenta">{t('tie')}</Tag>}
                  </Space>
                ),
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}

export default function WhatIfPage() {
  const t = useT(rm);
  const punct = usePunctuation();
  const { campaignId = '' } = useParams();
  const results = useResults(campaignId);
  const [rankingId, setRankingId] = useState<string | null>(null);
  const ranking = results.data?.rankings.find((r) => r.rankingId === (rankingId ?? results.data?.rankings[0]?.rankingId));
  const declared = useMemo(() => (ranking?.rows[0]?.components ?? []).map((c) => ({ instrumentId: c.instrumentId, name: c.name, weight: Number(percent(c.weight)) })), [ranking]);
  const [weights, setWeights] = useState<Record<string, number>>({});
  const [methods, setMethods] = useState<Record<string, { method: Method; k: number }>>({});
  const [preview, setPreview] = useState<{ data?: WhatIfResult; error?: unknown; loading: boolean }>({ loading: false });

  useEffect(() => {
    setWeights(Object.fromEntries(declared.map((d) => [d.instrumentId, d.weight])));
    setMethods({});
    setPreview({ loading: false });
  }, [declared]);

  if (results.error) return <ErrorState error={results.error} onRetry={results.reload} />;
  if (!results.data || !ranking) return <Loading />;
  const sum = Math.round(declared.reduce((s, d) => s + (weights[d.instrumentId] ?? 0), 0) * 100) / 100;
  const methodOf = (id: string) => methods[id] ?? { method: 'declared' as Method, k: 1 };

  const run = () => {
    const aggregation = Object.fromEntries(
      Object.entries(methods)
        .filter(([, m]) => m.method !== 'declared')
        .map(([id, m]) => [id, m.method === 'trimmed' ? { method: 'trimmed' as const, k: m.k } : { method: m.method as 'mean' | 'median' }]),
    );
    setPreview({ loading: true });
    endpoints
      .whatIf(campaignId, {
        rankingId: ranking.rankingId,
        weights: declared.map((d) => ({ instrumentId: d.instrumentId, weight: String(weights[d.instrumentId] ?? 0) })),
        ...(Object.keys(aggregation).length ? { aggregation } : {}),
      })
      .then((data) => setPreview({ data, loading: false }), (error: unknown) => setPreview({ error, loading: false }));
  };

  return (
    <>
      <PageHeader
        title={`${results.data.name} · ${t('whatIf')}`}
        sub={t('whatIfIntro')}
        extra={<Link to={paths.results(campaignId, ranking.rankingId)}><Button>{t('rankingBoard')}</Button></Link>}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={16} align="center" style={{ marginBottom: 12 }}>
          <span>{t('ranking')}</span>
          <Select style={{ width: 240 }} value={ranking.rankingId} onChange={setRankingId} options={results.data.rankings.map((r) => ({ value: r.rankingId, label: r.name }))} />
        </Flex>
        <Row gutter={[16, 12]}>
          {declared.map((d) => {
            const m = methodOf(d.instrumentId);
            return (
              <Col key={d.instrumentId} xs={24} md={12} xl={8}>
                <Card size="small" type="inner" title={d.name}>
                  <Flex gap={8} align="center" wrap>
                    <span>{t('weight')}</span>
                    <InputNumber min={0} max={100} step={5} value={weights[d.instrumentId]} onChange={(v) => setWeights((w) => ({ ...w, [d.instrumentId]: Number(v ?? 0) }))} suffix="%" style={{ width: 110 }} />
                    <Typography.Text type="secondary">{punct.paren(`${d.weight}%`)}</Typography.Text>
                  </Flex>
                  <Flex gap={8} align="center" wrap style={{ marginTop: 8 }}>
                    <span>{t('method')}</span>
                    <Select
                      style={{ width: 150 }}
                      value={m.method}
                      onChange={(method: Method) => setMethods((all) => ({ ...all, [d.instrumentId]: { ...m, method } }))}
                      options={[
                        { value: 'declared', label: '—' },
                        { value: 'mean', label: t('mean') },
                        { value: 'median', label: t('median') },
                        { value: 'trimmed', label: t('trimmed') },
                      ]}
                    />
                    {m.method === 'trimmed' && (
                      <InputNumber min={1} max={20} value={m.k} onChange={(k) => setMethods((all) => ({ ...all, [d.instrumentId]: { ...m, k: Number(k ?? 1) } }))} prefix={t('trimK')} style={{ width: 130 }} />
                    )}
                  </Flex>
                </Card>
              </Col>
            );
          })}
        </Row>
        <Flex gap={12} align="center" style={{ marginTop: 12 }}>
          <Button type="primary" onClick={run} loading={preview.loading} disabled={sum !== 100}>{t('preview')}</Button>
          <Button onClick={() => { setWeights(Object.fromEntries(declared.map((d) => [d.instrumentId, d.weight]))); setMethods({}); setPreview({ loading: false }); }}>{t('reset')}</Button>
          <Typography.Text type={sum === 100 ? 'secondary' : 'danger'}>{t('sum', { sum })}{sum !== 100 ? ` · ${t('sumMustBe100')}` : ''}</Typography.Text>
        </Flex>
      </Card>
      {preview.error ? <div style={{ marginBottom: 16 }}><Unavailable error={preview.error} /></div> : null}
      {preview.data && (
        <Card size="small" title={<span>{ranking.name} <Tag color="orange">{t('previewOnly')}</Tag></span>} style={{ marginBottom: 16 }}>
          <Table
            data-testid="what-if-table"
            size="small"
            rowKey="unitId"
            dataSource={preview.data.rows}
            pagination={preview.data.rows.length > 50 ? { pageSize: 50 } : false}
            columns={[
              { title: t('rank'), dataIndex: 'rank', width: 64, align: 'right', render: (r: number) => <b>{r}</b> },
              { title: t('change'), dataIndex: 'change', width: 90, render: (c: number) => <ChangeTag change={c} /> },
              { title: t('unit'), dataIndex: 'name' },
              { title: t('total'), key: 'total', width: 90, align: 'right', render: (_: unknown, r) => r.total.display },
              { title: t('tier'), key: 'tier', width: 170, render: (_: unknown, r) => <TierTag ranking={ranking} row={r} /> },
              { title: t('before'), dataIndex: 'baselineRank', width: 80, align: 'right' },
              { title: t('beforeTotal'), key: 'bt', width: 90, align: 'right', render: (_: unknown, r) => r.baselineTotal.display },
            ]}
          />
        </Card>
      )}
      <Stability key={ranking.rankingId} campaignId={campaignId} ranking={ranking} />
    </>
  );
}
