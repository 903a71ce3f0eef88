/**
 * One session unfolded: its verdict with the next step, its counts labelled by what they count (sheets, ballots,
 * subjects), each rater group's turnout, and its invalid ballots by sheet number with their reasons.
 */
import { Alert, Descriptions, Flex, Table, Typography } from 'antd';
import { useApi } from '../../api/useApi.js';
import type { SessionOverview, TallyReport } from '../../api/types.js';
import { useBilingual, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading } from '../../layout/Page.js';
import { sessionApi } from './api.js';
import { countLabels, sessionMessages } from './messages.js';

export const pct = (a: number, b: number) => (b > 0 ? `${Math.round((a * 1000) / b) / 10}%` : '—');

const ALERT = { valid: 'success', 'no-quorum': 'warning', void: 'error' } as const;

/** The verdict in the office's words and, when the session does not count, what to do about it. */
export function VerdictAlert({ session, compact = false }: { session: SessionOverview; compact?: boolean }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const { colon } = usePunctuation();
  const v = session.verdict;
  if (!v) return null;
  return (
    <Alert
      type={ALERT[v.status]}
      showIcon
      data-testid="session-verdict"
      title={compact ? `${session.name}${colon}${pick(v.explanation)}` : pick(v.explanation)}
      description={v.nextStep ? <span data-testid="session-next-step">{t('nextStep')}{pick(v.nextStep)}</span> : undefined}
    />
  );
}

export function SessionDetail({ session }: { session: SessionOverview }) {
  const t = useT(sessionMessages);
  const tc = useT(countLabels);
  const { paren } = usePunctuation();
  const c = session.counts;
  return (
    <Flex vertical gap={12} style={{ padding: '4px 0 8px' }} data-testid="session-detail">
      <VerdictAlert session={session} />
      {c && (
        <Flex gap={16} wrap>
          <Descriptions size="small" bordered column={1} title={t('perSheet')} style={{ width: 420, maxWidth: '100%' }} items={[
            { key: 'expected', label: tc('expected'), children: c.expected },
            { key: 'present', label: tc('present'), children: session.present === null ? `${c.present}${paren(t('presentFromReturned'))}` : c.present },
            { key: 'issued', label: tc('issued'), children: c.issued },
            { key: 'returned', label: tc('returned'), children: c.returned },
            { key: 'sheetsWithInvalid', label: tc('sheetsWithInvalid'), children: c.sheetsWithInvalid },
          ]} />
          <Descriptions size="small" bordered column={1} title={t('perBallot')} style={{ width: 420, maxWidth: '100%' }} items={[
            { key: 'valid', label: tc('validBallots'), children: c.validBallots },
            { key: 'invalid', label: tc('invalidBallots'), children: c.invalidBallots },
            { key: 'abstentions', label: tc('abstentions'), children: c.abstentions },
          ]} />
        </Flex>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tc('countNote')}</Typography.Text>
      <Table
        size="small"
        rowKey="groupId"
        pagination={false}
        dataSource={session.groups}
        title={() => t('byGroup')}
        style={{ maxWidth: 900 }}
        columns={[
          { title: t('group'), dataIndex: 'name' },
          { title: tc('expected'), dataIndex: 'expected', align: 'right' },
          { title: tc('tokensIssued'), key: 'tokens', align: 'right', render: (_: unknown, g) => g.issued - (session.paperIssued[g.groupId] ?? 0) },
          { title: tc('paperIssued'), key: 'paper', align: 'right', render: (_: unknown, g) => session.paperIssued[g.groupId] ?? 0 },
          { title: tc('issued'), dataIndex: 'issued', align: 'right' },
          { title: tc('returned'), dataIndex: 'returned', align: 'right' },
          { title: t('participation'), key: 'p', align: 'right', render: (_: unknown, g) => pct(g.returned, g.expected) },
        ]}
      />
      {session.status !== 'draft' && <InvalidBallots sessionId={session.id} returned={c?.returned ?? 0} />}
    </Flex>
  );
}

/** This session's invalid ballots as the 计票单 lists them: by paper sheet number, never by an internal id. */
function InvalidBallots({ sessionId, returned }: { sessionId: string; returned: number }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  // Reloaded whenever the returned count moves, so a new invalid sheet shows without unfolding again.
  const report = useApi((signal) => sessionApi.tallyReport(sessionId, signal), [sessionId, returned]);
  if (report.error) return <ErrorState error={report.error} onRetry={report.reload} />;
  if (!report.data) return <Loading />;
  // Online ballots keep no identifier here: a row's place in the report is its key.
  const rows = report.data.invalidBallots.map((b, i) => ({ ...b, key: `${i}` }));
  if (rows.length === 0) return <Alert type="success" title={t('noInvalid')} />;
  return (
    <Table<TallyReport['invalidBallots'][number] & { key: string }>
      size="small"
      rowKey="key"
      title={() => t('invalidTitle')}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      style={{ maxWidth: 900 }}
      columns={[
        { title: t('sheetNumber'), dataIndex: 'sheetNumber', width: 110, render: (n: string | null) => n ?? '—' },
        { title: t('channel'), dataIndex: 'channel', width: 80, render: (c: 'online' | 'paper') => t(c) },
        { title: t('instrument'), dataIndex: 'instrumentName', width: 140 },
        // biome-ignore lint/suspicious/noArrayIndexKey: a ballot's read-only reasons; a line holds no state
        { title: t('reasons'), key: 'reasons', render: (_: unknown, b) => b.reasons.map((m, i) => <div key={i}>{pick(m)}</div>) },
      ]}
    />
  );
}
