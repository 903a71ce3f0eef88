/**
 * 测评会: the one page where a campaign's sessions are run, with the actions the role may take. The office creates,
 * opens and closes sessions, prints code slips, records the head count and the paper sheets issued, and issues the
 * big screen's link; a clerk prints slips, records counts and opens paper entry. Both see the address phones reach the
 * server at, each session's counts labelled by what they count, and — first, before the room does — a verdict that
 * keeps a session from counting, with what to do next. The page refreshes itself while a session is open.
 */
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.js';
import { endpoints } from '../../api/endpoints.js';
import type { SessionOverview } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { currentCampaign } from '../../layout/current-campaign.js';
import { ErrorState, Loading, PageHeader } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { addressApi, sessionApi } from './api.js';
import { CreateSessionDialog } from './CreateSessionDialog.js';
import { HeadCountDialog, PaperIssuedDialog, ScreenLinkDialog, TokenSheetDialog } from './dialogs.js';
import { countLabels, sessionMessages } from './messages.js';
import { PublicAddressCard } from './PublicAddressCard.js';
import { pct, SessionDetail, VerdictAlert } from './SessionDetail.js';

type Dialog = { kind: 'slips' | 'headCount' | 'paper'; session: SessionOverview } | null;

const STATUS_COLOR = { draft: 'default', open: 'processing', closed: 'success' } as const;
const VERDICT = { valid: ['success', 'vValid'], 'no-quorum': ['warning', 'vNoQuorum'], void: ['error', 'vVoid'] } as const;
/** How often an open session's counts are asked for again while the page is in view. */
const REFRESH_MS = 10_000;

/** An open session the office must look at now: more sheets back than issued, or a recorded head count below quorum. */
function needsOffice(s: SessionOverview): boolean {
  if (s.status !== 'open' || !s.verdict) return false;
  return s.verdict.status === 'void' || (s.verdict.status === 'no-quorum' && s.present !== null);
}

export default function SessionsPage() {
  const t = useT(sessionMessages);
  const tc = useT(countLabels);
  const pick = useBilingual();
  const { message, modal } = App.useApp();
  const { campaignId = '' } = useParams();
  const { me } = useAuth();
  const office = me?.role === 'admin' || me?.role === 'organiser';
  const campaign = useApi(() => endpoints.campaign(campaignId), [campaignId]);
  const sessions = useApi(() => endpoints.sessions(campaignId), [campaignId]);
  const address = useApi((signal) => addressApi.get(signal), []);
  const [creating, setCreating] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [screenUrl, setScreenUrl] = useState<string | null>(null);
  const anyOpen = sessions.data?.some((s) => s.status === 'open') ?? false;
  const reloadSessions = sessions.reload;

  useEffect(() => {
    if (campaign.data) currentCampaign.set(campaignId);
  }, [campaign.data, campaignId]);

  useEffect(() => {
    if (!anyOpen) return;
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reloadSessions();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [anyOpen, reloadSessions]);

  if (campaign.error) return <ErrorState error={campaign.error} onRetry={campaign.reload} />;
  if (sessions.error && !sessions.data) return <ErrorState error={sessions.error} onRetry={sessions.reload} />;
  if (!campaign.data || !sessions.data) return <Loading />;
  const definition = campaign.data.definition;
  const instrumentName = new Map(definition.instruments.map((i) => [i.id, i.name]));

  const act = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) message.success(done);
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.messages) : String(e));
    } finally {
      sessions.reload();
    }
  };

  const confirmClose = (s: SessionOverview) => {
    const status = s.verdict?.status ?? 'valid';
    const warning: ReactNode = status === 'valid' ? null : (
      <Typography.Paragraph type={status === 'void' ? 'danger' : 'warning'} strong data-testid="close-warning">
        {s.verdict ? pick(s.verdict.explanation) : ''} {t(status === 'void' ? 'closeVoid' : 'closeNoQuorum')}
      </Typography.Paragraph>
    );
    modal.confirm({
      title: t('closeTitle', { name: s.name }),
      width: 520,
      content: <>{warning}<Typography.Paragraph>{t('closeBody')}</Typography.Paragraph></>,
      okText: status === 'valid' ? t('doClose') : t('closeAnyway'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'close-confirm-ok' } as Record<`data-${string}`, string>) },
      onOk: () => act(() => sessionApi.close(s.id), t('closed_ok')),
    });
  };

  const actions = (s: SessionOverview) => {
    const running = s.status !== 'closed';
    return (
      <Flex wrap gap={4} align="center">
        {office && s.status === 'draft' && (
          <Popconfirm title={t('confirmOpen')} onConfirm={() => act(() => sessionApi.open(s.id), t('opened_ok'))}>
            <Button size="small" type="primary" data-testid="session-open">{t('doOpen')}</Button>
          </Popconfirm>
        )}
        {office && s.status === 'open' && <Button size="small" danger onClick={() => confirmClose(s)} data-testid="session-close">{t('doClose')}</Button>}
        {running && <Button size="small" onClick={() => setDialog({ kind: 'slips', session: s })} data-testid="session-slips">{t('slips')}</Button>}
        {running && <Button size="small" onClick={() => setDialog({ kind: 'headCount', session: s })} data-testid="session-head-count">{t('headCount')}</Button>}
        {running && <Button size="small" onClick={() => setDialog({ kind: 'paper', session: s })} data-testid="session-paper-issued">{t('paperIssuedAction')}</Button>}
        {office && running && (
          <Button size="small" onClick={() => act(async () => setScreenUrl((await sessionApi.screenKey(s.id)).url))} data-testid="session-screen">{t('screen')}</Button>
        )}
        {s.status === 'open' && <Link to={paths.paperEntry(s.id)} data-testid="session-paper-entry">{t('paperEntry')}</Link>}
        {s.status !== 'draft' && <a href={sessionApi.tallyHtml(s.id)} target="_blank" rel="noreferrer">{t('tally')}</a>}
        {s.status !== 'draft' && <a href={sessionApi.tallyXlsx(s.id)} download>{t('tallyXlsx')}</a>}
      </Flex>
    );
  };

  const attention = sessions.data.filter(needsOffice);
  return (
    <>
      <PageHeader
        title={`${campaign.data.campaign.name} · ${t('title')}`}
        extra={
          <>
            <Button onClick={() => { sessions.reload(); address.reload(); }}>{t('refresh')}</Button>
            {office && <Button type="primary" onClick={() => setCreating(true)} data-testid="new-session">{t('create')}</Button>}
          </>
        }
      />
      <PublicAddressCard address={address} office={office} />
      {attention.length > 0 && (
        <Card size="small" title={t('attention')} style={{ marginBottom: 16 }} data-testid="attention">
          <Flex vertical gap={8}>
            {attention.map((s) => <VerdictAlert key={s.id} session={s} compact />)}
          </Flex>
        </Card>
      )}
      <Card>
        <Table<SessionOverview>
          data-testid="sessions-table"
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={sessions.data}
          locale={{ emptyText: t('none') }}
          expandable={{ expandedRowRender: (s) => <SessionDetail session={s} /> }}
          columns={[
            {
              title: t('name'),
              key: 'name',
              width: 220,
              render: (_: unknown, s) => (
                <Flex vertical gap={2}>
                  <Typography.Text strong>{s.name}</Typography.Text>
                  <span>{s.instrumentIds.map((i) => <Tag key={i} style={{ marginBottom: 2 }}>{instrumentName.get(i) ?? ''}</Tag>)}</span>
                </Flex>
              ),
            },
            { title: t('status'), dataIndex: 'status', width: 90, render: (st: SessionOverview['status']) => <Tag color={STATUS_COLOR[st]} data-testid="session-status">{t(st)}</Tag> },
            { title: tc('expected'), key: 'expected', align: 'right', render: (_: unknown, s) => s.counts?.expected ?? '—' },
            {
              title: tc('present'),
              key: 'present',
              align: 'right',
              render: (_: unknown, s) => (s.present === null ? <Typography.Text type="secondary">{t('notRecorded')}</Typography.Text> : <span data-testid="session-present">{s.present}</span>),
            },
            { title: tc('issued'), key: 'issued', align: 'right', render: (_: unknown, s) => <span data-testid="session-issued">{s.counts?.issued ?? '—'}</span> },
            { title: tc('returned'), key: 'returned', align: 'right', render: (_: unknown, s) => <span data-testid="session-returned">{s.counts?.returned ?? '—'}</span> },
            { title: t('participation'), key: 'pct', align: 'right', render: (_: unknown, s) => (s.counts ? pct(s.counts.returned, s.counts.expected) : '—') },
            {
              title: t('verdict'),
              key: 'verdict',
              width: 170,
              render: (_: unknown, s) => {
                if (!s.verdict) return '—';
                const [color, label] = VERDICT[s.verdict.status];
                return (
                  <Flex wrap gap={2} data-testid="session-verdict-cell" title={pick(s.verdict.explanation)}>
                    <Tag color={color}>{t(label)}</Tag>
                    {s.status !== 'closed' && <Tag>{t('provisional')}</Tag>}
                  </Flex>
                );
              },
            },
            { title: t('actions'), key: 'actions', width: 330, render: (_: unknown, s) => actions(s) },
          ]}
        />
      </Card>
      {creating && <CreateSessionDialog campaignId={campaignId} definition={definition} onDone={(created) => { setCreating(false); if (created) sessions.reload(); }} />}
      {dialog?.kind === 'slips' && <TokenSheetDialog session={dialog.session} definition={definition} address={address.data} onClose={() => { setDialog(null); sessions.reload(); }} />}
      {dialog?.kind === 'headCount' && <HeadCountDialog session={dialog.session} onClose={(changed) => { setDialog(null); if (changed) sessions.reload(); }} />}
      {dialog?.kind === 'paper' && <PaperIssuedDialog session={dialog.session} definition={definition} onClose={(changed) => { setDialog(null); if (changed) sessions.reload(); }} />}
      {screenUrl && <ScreenLinkDialog url={screenUrl} address={address.data} onClose={() => setScreenUrl(null)} />}
    </>
  );
}
