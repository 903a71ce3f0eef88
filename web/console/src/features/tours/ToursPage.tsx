/** 观摩: a campaign's observation tours with their days, stops, team and sheets received; the office creates one here. */
import { Button, Card, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useT } from '../../i18n/I18nProvider.js';
import { currentCampaign } from '../../layout/current-campaign.js';
import { ErrorState, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { tourApi } from './api.js';
import { statusColor, statusLabel, tourMessages } from './messages.js';
import { NewTourModal } from './NewTourModal.js';
import type { TourSummary } from '../../api/types.js';

export default function ToursPage() {
  const t = useT(tourMessages);
  const { campaignId = '' } = useParams();
  const { me } = useAuth();
  const navigate = useNavigate();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const tours = useApi((signal) => tourApi.list(campaignId, signal), [campaignId]);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    if (tours.data) currentCampaign.set(campaignId);
  }, [tours.data, campaignId]);

  if (tours.error && !tours.data) return <ErrorState error={tours.error} onRetry={tours.reload} />;
  return (
    <>
      <PageHeader
        title={t('title')}
        sub={t('sub')}
        extra={office && <Button type="primary" onClick={() => setCreating(true)} data-testid="new-tour">{t('newTour')}</Button>}
      />
      <Card>
        <Table<TourSummary>
          rowKey="id"
          loading={tours.loading}
          dataSource={tours.data?.tours ?? []}
          pagination={false}
          locale={{ emptyText: t('none') }}
          data-testid="tours-table"
          columns={[
            { title: t('name'), dataIndex: 'name', render: (name: string, r) => <Link to={paths.tour(campaignId, r.id)} data-testid="tour-link">{name}</Link> },
            {
              title: t('session'),
              key: 'session',
              render: (_: unknown, r) => <>{r.sessionName} <Tag color={statusColor[r.status]}>{t(statusLabel[r.status])}</Tag></>,
            },
            { title: t('days'), dataIndex: 'days', width: 80, align: 'right' },
            { title: t('stops'), dataIndex: 'stops', width: 90, align: 'right' },
            { title: t('observers'), dataIndex: 'observers', width: 110, align: 'right' },
            { title: t('sheetsReceived'), dataIndex: 'sheets', width: 120, align: 'right' },
          ]}
        />
      </Card>
      {creating && (
        <NewTourModal
          campaignId={campaignId}
          onDone={(created) => {
            setCreating(false);
            if (created) navigate(paths.tour(campaignId, created.id));
          }}
        />
      )}
    </>
  );
}
