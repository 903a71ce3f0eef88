/**
 * 观摩: one tour on its tabs — 行程 (the itinerary planner), 观摩团 (observers and their personal links), 评分进度
 * (observers × stops while the tour runs) and 调度点评会 (one review meeting per county). The tab is part of the
 * address. The office edits; a clerk reads. Site scores roll up to the counties in the campaign's results, linked here.
 */
import { App, Breadcrumb, Button, Form, Input, Modal, Popconfirm, Tabs, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { endpoints } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { currentCampaign } from '../../layout/current-campaign.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { tourApi } from './api.js';
import { ItineraryTab } from './ItineraryTab.js';
import { statusColor, statusLabel, tourMessages } from './messages.js';
import { ProgressTab } from './ProgressTab.js';
import { ReviewsTab } from './ReviewsTab.js';
import { reviewGroupChoices, scoreScaleOf, type ScoreScale } from './scale.js';
import { TeamTab } from './TeamTab.js';
import type { TourView } from '../../api/types.js';

const TABS = ['itinerary', 'team', 'progress', 'reviews'] as const;
type Tab = (typeof TABS)[number];
const LABEL = { itinerary: 'tabItinerary', team: 'tabTeam', progress: 'tabProgress', reviews: 'tabReviews' } as const;

export default function TourPage() {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { campaignId = '', tourId = '', tab: tabParam } = useParams();
  const { me } = useAuth();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'itinerary';
  const tour = useApi((signal) => tourApi.get(tourId, signal), [tourId]);
  // The instrument's scale and words (criteria, adjustment items) and the ranking its sites roll up in.
  const campaign = useApi(() => endpoints.campaign(campaignId).catch(() => null), [campaignId]);
  const [view, setView] = useState<TourView | null>(null);
  const [renaming, setRenaming] = useState(false);

  useEffect(() => {
    if (tour.data) {
      setView(tour.data);
      currentCampaign.set(tour.data.campaignId);
    }
  }, [tour.data]);

  if (tour.error && !tour.data) return <ErrorState error={tour.error} onRetry={tour.reload} />;
  if (!view || view.id !== tourId) return <Loading />;
  const definition = campaign.data?.definition;
  const scale: ScoreScale | null = definition ? scoreScaleOf(definition, view.instrument.id) : null;
  const ranking = definition?.rankings.find((r) => r.components.some((c) => c.instrumentId === view.instrument.id));
  const stops = view.days.reduce((n, d) => n + d.stops.length, 0);

  const remove = async () => {
    try {
      await tourApi.remove(view.id);
      message.success(t('deleted'));
      navigate(paths.tours(campaignId));
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  return (
    <>
      <Breadcrumb style={{ marginBottom: 8 }} items={[{ title: <Link to={paths.tours(campaignId)}>{t('backToList')}</Link> }, { title: view.name }]} />
      <PageHeader
        title={<span data-testid="tour-title">{view.name}</span>}
        sub={
          <>
            {view.session.name} <Tag color={statusColor[view.session.status]}>{t(statusLabel[view.session.status])}</Tag>
            {t('subInstrument', { name: view.instrument.name })} · {t('planSummary', { days: view.days.length, stops, sites: view.sites.length })}
          </>
        }
        extra={
          <>
            {ranking && <Link to={paths.results(campaignId, ranking.id)} data-testid="tour-results">{t('countyResults')}</Link>}
            {office && <Button onClick={() => setRenaming(true)} data-testid="tour-rename">{t('rename')}</Button>}
            {office && (
              <Popconfirm title={t('deleteTourConfirm', { name: view.name })} description={t('deleteTourHint')} onConfirm={() => void remove()} okButtonProps={{ danger: true }}>
                <Button danger data-testid="tour-delete">{t('deleteTour')}</Button>
              </Popconfirm>
            )}
          </>
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(key) => navigate(paths.tour(campaignId, view.id, key as Tab))}
        items={TABS.map((key) => ({ key, label: <span data-testid={`tour-tab-${key}`}>{t(LABEL[key])}</span> }))}
      />
      {tab === 'itinerary' && <ItineraryTab view={view} office={office} onSaved={setView} />}
      {tab === 'team' && <TeamTab view={view} office={office} onChanged={tour.reload} />}
      {tab === 'progress' && <ProgressTab view={view} scale={scale} rankingId={ranking?.id ?? null} />}
      {tab === 'reviews' && <ReviewsTab view={view} office={office} scale={scale} groups={definition ? reviewGroupChoices(definition, scale, view.raterGroup.id) : []} onView={setView} />}
      {renaming && <RenameModal view={view} onDone={(saved) => { setRenaming(false); if (saved) setView(saved); }} />}
    </>
  );
}

function RenameModal({ view, onDone }: { view: TourView; onDone(saved: TourView | null): void }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [name, setName] = useState(view.name);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    if (name.trim() === '') return;
    setBusy(true);
    try {
      const saved = await tourApi.patch(view.id, { name: name.trim() });
      message.success(t('saved'));
      onDone(saved);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('renameTitle')} onCancel={() => onDone(null)} onOk={() => void save()} okText={t('save')} confirmLoading={busy} okButtonProps={{ disabled: name.trim() === '' }}>
      <Form layout="vertical" onFinish={() => void save()}>
        <Form.Item label={t('tourName')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus data-testid="tour-rename-input" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
