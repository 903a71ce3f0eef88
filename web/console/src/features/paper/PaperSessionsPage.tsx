/**
 * 纸质票录入 · 选择测评会 (/console/paper): where a clerk lands after logging in — every session of the campaigns still
 * taking ballots, with its issued and returned sheets and the way into paper entry for each session that has opened.
 */
import { Card, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { SessionOverview } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ErrorState, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { paperApi } from './api.js';
import { paperMessages } from './messages.js';

interface Row {
  campaignName: string;
  session: SessionOverview;
}

const STATUS_COLOR = { draft: 'warning', open: 'processing', closed: 'default' } as const;

async function loadRows(): Promise<Row[]> {
  const campaigns = (await paperApi.campaigns()).filter((c) => c.status !== 'published');
  const lists = await Promise.all(campaigns.map(async (c) => (await paperApi.sessions(c.id)).map((session) => ({ campaignName: c.name, session }))));
  // Open sessions first: they are the ones being counted now.
  const order = { open: 0, closed: 1, draft: 2 } as const;
  return lists.flat().sort((a, b) => order[a.session.status] - order[b.session.status]);
}

export default function PaperSessionsPage() {
  const t = useT(paperMessages);
  const rows = useApi(loadRows, []);
  if (rows.error) return <ErrorState error={rows.error} onRetry={rows.reload} />;
  return (
    <>
      <PageHeader title={t('pickTitle')} sub={t('pickHint')} />
      <Card>
        <Table<Row>
          data-testid="paper-sessions"
          rowKey={(r) => r.session.id}
          loading={rows.loading}
          dataSource={rows.data ?? []}
          pagination={false}
          locale={{ emptyText: t('noSessions') }}
          columns={[
            { title: t('campaign'), dataIndex: 'campaignName', width: 280 },
            { title: t('session'), key: 'name', render: (_: unknown, r) => r.session.name },
            { title: t('status'), key: 'status', width: 100, render: (_: unknown, r) => <Tag color={STATUS_COLOR[r.session.status]}>{t(r.session.status)}</Tag> },
            { title: t('issued'), key: 'issued', width: 80, align: 'right', render: (_: unknown, r) => r.session.counts?.issued ?? '—' },
            { title: t('returned'), key: 'returned', width: 80, align: 'right', render: (_: unknown, r) => r.session.counts?.returned ?? '—' },
            {
              title: '',
              key: 'enter',
              width: 160,
              render: (_: unknown, r) =>
                r.session.status === 'draft' ? (
                  <Typography.Text type="secondary">{t('notOpenYet')}</Typography.Text>
                ) : (
                  <Link to={paths.paperEntry(r.session.id)}>{t('enter')}</Link>
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
