/** 培训班列表: every class with its dates, lessons, trainees and campaign; the office creates one here. */
import { Button, Card, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { endpoints, training } from '../../api/endpoints.js';
import type { ClassSummary } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ErrorState, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { classDays } from './agenda.js';
import { ClassFormModal } from './ClassFormModal.js';
import { MyReportsCard } from './MyReportsCard.js';
import { trainingMessages } from './messages.js';

export default function TrainingListPage() {
  const t = useT(trainingMessages);
  const { me } = useAuth();
  const navigate = useNavigate();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const classes = useApi(() => training.classes(), []);
  // Only to name a class's campaign; a role that may not list campaigns still sees the classes.
  const campaigns = useApi(() => endpoints.campaigns().catch(() => []), []);
  const campaignName = useMemo(() => new Map((campaigns.data ?? []).map((c) => [c.id, c.name])), [campaigns.data]);
  const [creating, setCreating] = useState(false);

  if (classes.error) return <ErrorState error={classes.error} onRetry={classes.reload} />;
  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('sub')}
        extra={office && <Button type="primary" onClick={() => setCreating(true)} data-testid="new-class">{t('newClass')}</Button>}
      />
      {me?.role === 'viewer' && <MyReportsCard />}
      <Card>
        <Table<ClassSummary>
          rowKey="id"
          loading={classes.loading}
          dataSource={classes.data ?? []}
          pagination={false}
          locale={{ emptyText: t('none') }}
          data-testid="classes-table"
          columns={[
            { title: t('name'), dataIndex: 'name', render: (name: string, c) => <Link to={paths.trainingClass(c.id)}>{name}</Link> },
            {
              title: t('dates'),
              key: 'dates',
              width: 280,
              render: (_: unknown, c) => t('datesValue', { from: c.startsOn, to: c.endsOn, days: classDays(c.startsOn, c.endsOn).length }),
            },
            { title: t('lessons'), dataIndex: 'lessons', width: 90, align: 'right' },
            { title: t('participants'), dataIndex: 'participants', width: 100, align: 'right', render: (n: number) => n.toLocaleString() },
            { title: t('region'), dataIndex: 'rootUnitName', width: 140 },
            {
              title: t('campaign'),
              dataIndex: 'campaignId',
              render: (id: string | null) => (id ? campaignName.get(id) ?? '—' : <Typography.Text type="secondary">{t('standalone')}</Typography.Text>),
            },
          ]}
        />
      </Card>
      {creating && (
        <ClassFormModal
          onDone={(created) => {
            setCreating(false);
            if (created) navigate(paths.trainingClass(created.id));
          }}
        />
      )}
    </>
  );
}
