/** 活动: every campaign with its status and the ways into it. */
import { Button, Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import type { CampaignSummary } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { defineMessages } from '../../i18n/messages.js';
import { useLang, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';

const m = defineMessages({
  title: { zh: '活动', en: 'Campaigns' },
  name: { zh: '活动名称', en: 'Name' },
  status: { zh: '状态', en: 'Status' },
  updated: { zh: '更新时间', en: 'Updated' },
  open: { zh: '进入', en: 'Open' },
  newCampaign: { zh: '新建活动', en: 'New campaign' },
  draft: { zh: '筹备中', en: 'Draft' },
  active: { zh: '进行中', en: 'Active' },
  published: { zh: '已公示', en: 'Published' },
  results: { zh: '结果', en: 'Results' },
  sessions: { zh: '测评会', en: 'Sessions' },
  setup: { zh: '设置', en: 'Set-up' },
});

const STATUS_COLOR = { draft: 'default', active: 'processing', published: 'success' } as const;

export default function CampaignList() {
  const t = useT(m);
  const { lang } = useLang();
  const { me } = useAuth();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const { data, error, loading, reload } = useApi(() => endpoints.campaigns(), []);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  return (
    <>
      <PageHeader title={t('title')} extra={office && <Link to={paths.newCampaign()}><Button type="primary">{t('newCampaign')}</Button></Link>} />
      <Card>
        <Table<CampaignSummary>
          rowKey="id"
          loading={loading}
          dataSource={data ?? []}
          pagination={false}
          columns={[
            { title: t('name'), dataIndex: 'name', render: (name: string, c) => <Link to={paths.results(c.id)}>{name}</Link> },
            { title: t('status'), dataIndex: 'status', width: 120, render: (s: CampaignSummary['status']) => <Tag color={STATUS_COLOR[s]}>{t(s)}</Tag> },
            { title: t('updated'), dataIndex: 'updatedAt', width: 200, render: (d: string) => new Date(d).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') },
            {
              title: '',
              key: 'actions',
              width: 240,
              render: (_: unknown, c) => (
                <Space>
                  <Link to={paths.results(c.id)}>{t('results')}</Link>
                  {me?.role !== 'viewer' && <Link to={paths.sessions(c.id)}>{t('sessions')}</Link>}
                  {office && <Link to={paths.setup(c.id)}>{t('setup')}</Link>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
