/** 等次分布: per grade instrument, how many of each grade every subject got (stacked bars). */
import { Alert, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { InstrumentResult } from '../../api/types.js';
import { usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { DataZoomComponent } from 'echarts/components';
import { Chart, echarts } from './charts.js';

echarts.use([DataZoomComponent]);
import { rm } from './messages.js';
import { useResults } from './useResults.js';

const GRADE_COLORS = ['#a61d24', '#e8684a', '#f6bd16', '#5b8ff9', '#8c8c8c', '#5d7092'];
const VISIBLE = 25;

function Distribution({ instrument }: { instrument: InstrumentResult }) {
  const t = useT(rm);
  const punct = usePunctuation();
  const subjects = instrument.subjects.filter((s) => s.gradeCounts);
  const grades = subjects[0]?.gradeCounts ?? [];
  const totals = grades.map((_g, i) => subjects.reduce((n, s) => n + (s.gradeCounts?.[i]?.count ?? 0), 0));
  const many = subjects.length > VISIBLE;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: many ? 48 : 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: subjects.map((s) => s.name), inverse: true, axisLabel: { width: 220, overflow: 'truncate' } },
    dataZoom: many ? [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: VISIBLE - 1, right: 8, width: 16 }, { type: 'inside', yAxisIndex: 0 }] : [],
    series: grades.map((g, i) => ({
      name: g.label,
      type: 'bar',
      stack: 'grades',
      itemStyle: { color: GRADE_COLORS[i % GRADE_COLORS.length] },
      data: subjects.map((s) => s.gradeCounts?.[i]?.count ?? 0),
    })),
  };
  const height = Math.min(subjects.length, VISIBLE) * 26 + 72;
  return (
    <Card
      size="small"
      title={instrument.name}
      extra={<span>{t('allSubjects')}{punct.colon}{grades.map((g, i) => `${g.label} ${totals[i]}`).join(' · ')}</span>}
      style={{ marginBottom: 16 }}
    >
      <Chart option={option} style={{ height }} testId="distribution-chart" />
    </Card>
  );
}

export default function DistributionsPage() {
  const t = useT(rm);
  const { campaignId = '' } = useParams();
  const { data, error, reload } = useResults(campaignId);
  const [only, setOnly] = useState<string>('all');
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const graded = data.instruments.filter((i) => i.kind === 'grade');
  const shownInstruments = only === 'all' ? graded : graded.filter((i) => i.instrumentId === only);
  return (
    <>
      <PageHeader
        title={`${data.name} · ${t('distributions')}`}
        extra={graded.length > 1 && (
          <Segmented value={only} onChange={(v) => setOnly(String(v))} options={[{ value: 'all', label: '全部 / All' }, ...graded.map((i) => ({ value: i.instrumentId, label: i.name }))]} />
        )}
      />
      {graded.length === 0 && <Alert type="info" title={t('noGrades')} />}
      {shownInstruments.map((i) => <Distribution key={i.instrumentId} instrument={i} />)}
    </>
  );
}
