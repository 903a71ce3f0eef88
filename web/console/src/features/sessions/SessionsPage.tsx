/** 测评会监控: each session's participation, quorum and void status, per-group turnout (returned sheets), and the invalid ballots with reasons. */
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import type { InvalidBallot, SessionOverview } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { defineMessages } from '../../i18n/messages.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { useResults } from '../results/useResults.js';

const m = defineMessages({
  title: { zh: '测评会', en: 'Sessions' },
  name: { zh: '测评会', en: 'Session' },
  status: { zh: '状态', en: 'Status' },
  draft: { zh: '未开始', en: 'Not open' },
  open: { zh: '进行中', en: 'Open' },
  closed: { zh: '已结束', en: 'Closed' },
  expected: { zh: '应到', en: 'Expected' },
  present: { zh: '实到', en: 'Present' },
  issued: { zh: '发出', en: 'Issued' },
  returned: { zh: '收回', en: 'Returned' },
  participation: { zh: '参与率', en: 'Turnout' },
  valid: { zh: '有效票', en: 'Valid' },
  invalid: { zh: '无效票', en: 'Invalid' },
  abstentions: { zh: '弃权', en: 'Abstentions' },
  verdict: { zh: '结论', en: 'Verdict' },
  vValid: { zh: '有效', en: 'Valid' },
  vNoQuorum: { zh: '未达法定人数', en: 'No quorum' },
  vVoid: { zh: '作废（收回多于发出）', en: 'Void (more returned than issued)' },
  provisional: { zh: '暂计', en: 'Provisional' },
  byGroup: { zh: '各测评组', en: 'By rater group' },
  group: { zh: '测评组', en: 'Rater group' },
  invalidTitle: { zh: '无效票及原因', en: 'Invalid ballots and reasons' },
  ballot: { zh: '选票', en: 'Ballot' },
  channel: { zh: '方式', en: 'Channel' },
  online: { zh: '手机', en: 'Phone' },
  paper: { zh: '纸质', en: 'Paper' },
  reasons: { zh: '原因', en: 'Reasons' },
  noInvalid: { zh: '没有无效票', en: 'No invalid ballots' },
  refresh: { zh: '刷新', en: 'Refresh' },
  none: { zh: '尚无测评会', en: 'No sessions yet' },
});

type Row = SessionOverview;

const VERDICT = { valid: ['success', 'vValid'], 'no-quorum': ['warning', 'vNoQuorum'], void: ['error', 'vVoid'] } as const;

export default function SessionsPage() {
  const t = useT(m);
  const pick = useBilingual();
  const { campaignId = '' } = useParams();
  const sessions = useApi(() => endpoints.sessions(campaignId), [campaignId]);
  const results = useResults(campaignId);
  if (sessions.error) return <ErrorState error={sessions.error} onRetry={sessions.reload} />;
  if (!sessions.data) return <Loading />;
  const sessionName = new Map(sessions.data.map((s) => [s.id, s.name]));
  const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a * 1000) / b) / 10}%` : '—');

  return (
    <>
      <PageHeader
        title={`${results.data?.name ?? ''} · ${t('title')}`}
        extra={<Button onClick={() => { sessions.reload(); results.reload(); }}>{t('refresh')}</Button>}
      />
      <Card style={{ marginBottom: 16 }}>
        <Table<Row>
          data-testid="sessions-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={sessions.data}
          locale={{ emptyText: t('none') }}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowRender: (s) => (
              <Table
                size="small"
                rowKey="groupId"
                pagination={false}
                dataSource={s.groups}
                style={{ maxWidth: 640 }}
                columns={[
                  { title: t('group'), dataIndex: 'name' },
                  { title: t('expected'), dataIndex: 'expected', align: 'right' },
                  { title: t('issued'), dataIndex: 'issued', align: 'right' },
                  { title: t('returned'), dataIndex: 'returned', align: 'right' },
                  { title: t('participation'), key: 'p', align: 'right', render: (_: unknown, g: Row['groups'][number]) => pct(g.returned, g.expected) },
                ]}
              />
            ),
          }}
          columns={[
            { title: t('name'), dataIndex: 'name', width: 260 },
            { title: t('status'), dataIndex: 'status', width: 90, render: (st: Row['status']) => <Tag color={st === 'open' ? 'processing' : st === 'closed' ? 'default' : 'warning'}>{t(st)}</Tag> },
            { title: t('expected'), key: 'expected', align: 'right', render: (_: unknown, s) => s.counts?.expected ?? '—' },
            { title: t('issued'), key: 'issued', align: 'right', render: (_: unknown, s) => s.counts?.issued ?? '—' },
            { title: t('returned'), key: 'returned', align: 'right', render: (_: unknown, s) => s.counts?.returned ?? '—' },
            { title: t('present'), key: 'present', align: 'right', render: (_: unknown, s) => s.counts?.present ?? '—' },
            { title: t('participation'), key: 'pct', align: 'right', render: (_: unknown, s) => (s.counts ? pct(s.counts.returned, s.counts.expected) : '—') },
            { title: t('valid'), key: 'valid', align: 'right', render: (_: unknown, s) => s.counts?.validBallots ?? '—' },
            { title: t('invalid'), key: 'invalid', align: 'right', render: (_: unknown, s) => (s.counts?.invalidBallots ? <Typography.Text type="danger">{s.counts.invalidBallots}</Typography.Text> : (s.counts?.invalidBallots ?? '—')) },
            { title: t('abstentions'), key: 'abst', align: 'right', render: (_: unknown, s) => s.counts?.abstentions ?? '—' },
            {
              title: t('verdict'),
              key: 'verdict',
              width: 320,
              render: (_: unknown, s) => {
                if (!s.verdict) return '—';
                const [color, label] = VERDICT[s.verdict.status as keyof typeof VERDICT] ?? ['default', 'vValid'];
                return (
                  <div>
                    <Tag color={color}>{t(label)}</Tag>
                    {s.status !== 'closed' && <Tag>{t('provisional')}</Tag>}
                    <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{pick(s.verdict.explanation)}</Typography.Text></div>
                  </div>
                );
              },
            },
          ]}
        />
      </Card>
      <Card title={t('invalidTitle')}>
        {results.error ? <ErrorState error={results.error} /> : !results.data ? <Loading /> : results.data.invalidBallots.length === 0 ? (
          <Alert type="success" title={t('noInvalid')} />
        ) : (
          <Table<InvalidBallot>
            rowKey="ballotId"
            size="small"
            dataSource={results.data.invalidBallots}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('ballot'), dataIndex: 'ballotId', width: 200, render: (id: string) => <Typography.Text code>{id.slice(0, 12)}</Typography.Text> },
              { title: t('name'), dataIndex: 'sessionId', width: 220, render: (id: string | null) => (id ? (sessionName.get(id) ?? id) : '—') },
              { title: t('channel'), dataIndex: 'channel', width: 80, render: (c: 'online' | 'paper') => t(c) },
              // biome-ignore lint/suspicious/noArrayIndexKey: a ballot's read-only reasons; a line holds no state
              { title: t('reasons'), key: 'reasons', render: (_: unknown, b) => b.problems.map((p, i) => <div key={i}>{pick(p.message)}</div>) },
            ]}
          />
        )}
      </Card>
    </>
  );
}
