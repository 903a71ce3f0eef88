/**
 * 评分进度: a tour in progress as the office follows it — observers × stops (未收 / 已收 with its revisions and time /
 * 已评（选票） for a seat whose ballot already counts), each phone's last contact and last sync (to tell a phone with
 * no signal from an idle one), the sheets still missing, and per county the sites scored and whether its review
 * meeting is held. Refreshes every 10 s while the page is in view; a cell opens that sheet's every revision.
 */
import { Alert, Button, Card, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useApi } from '../../api/useApi.js';
import { useBilingual, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading } from '../../layout/Page.js';
import { paths } from '../../paths.js';
import { tourApi } from './api.js';
import { tourMessages } from './messages.js';
import { cellOf, missingByObserver } from './progress.js';
import type { ScoreScale } from './scale.js';
import { SeenAt } from './SeenAt.js';
import { SheetHistoryDrawer } from './SheetHistoryDrawer.js';
import { shortTime } from './time.js';
import type { TourProgress, TourView } from '../../api/types.js';

/** How often the progress is asked for again while the page is in view. */
const REFRESH_MS = 10_000;

type Observer = TourProgress['observers'][number];
type Stop = TourProgress['stops'][number];

export function ProgressTab({ view, scale, rankingId }: { view: TourView; scale: ScoreScale | null; rankingId: string | null }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { colon, paren } = usePunctuation();
  const progress = useApi((signal) => tourApi.progress(view.id, signal), [view.id]);
  // A failed refresh keeps the last answer on screen (with the error above it) rather than blanking the matrix.
  const [last, setLast] = useState<{ data: TourProgress; at: number } | null>(null);
  const [opened, setOpened] = useState<{ observer: Observer; stop: Stop } | null>(null);
  const reload = progress.reload;

  useEffect(() => {
    if (progress.data) setLast({ data: progress.data, at: Date.now() });
  }, [progress.data]);

  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, REFRESH_MS);
    const onVisible = () => document.visibilityState === 'visible' && reload();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [reload]);

  const dayIndex = useMemo(() => new Map(view.days.map((d, i) => [d.id, i])), [view.days]);

  if (!last) return progress.error ? <ErrorState error={progress.error} onRetry={reload} /> : <Loading />;
  const p = last.data;
  const now = last.at;
  const observerName = new Map(p.observers.map((o) => [o.id, o]));
  const stopOf = new Map(p.stops.map((s) => [s.stopId, s]));
  const missing = missingByObserver(p);

  const days = view.days.filter((d) => p.stops.some((s) => s.dayId === d.id));
  const stopColumn = (s: Stop) => ({
    key: s.stopId,
    width: 104,
    align: 'center' as const,
    title: (
      <Flex vertical align="center" gap={2} style={{ fontWeight: 'normal', fontSize: 12 }}>
        <Typography.Text strong style={{ fontSize: 12 }} ellipsis={{ tooltip: `${s.siteName}${paren(s.unitName)}` }}>{s.siteName}</Typography.Text>
        <span>
          <Tag color={s.visited ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{s.visited ? t('visited') : t('notVisited')}</Tag>
        </span>
        <span data-testid="stop-received">{t('stopReceived', { received: s.received, expected: s.expected })}</span>
      </Flex>
    ),
    render: (_: unknown, o: Observer) => <Cell observer={o} stop={s} now={now} onOpen={() => setOpened({ observer: o, stop: s })} />,
  });

  return (
    <Flex vertical gap={16}>
      {p.session.status !== 'open' && (
        <Alert type={p.session.status === 'closed' ? 'info' : 'warning'} showIcon title={t(p.session.status === 'closed' ? 'sessionClosed' : 'sessionNotOpen')} />
      )}
      {progress.error ? <ErrorState error={progress.error} onRetry={reload} /> : null}
      <Card
        size="small"
        title={t('tabProgress')}
        extra={
          <Space>
            <Typography.Text type="secondary">{t('autoRefresh')} · {shortTime(new Date(now).toISOString(), now)}</Typography.Text>
            <Button size="small" onClick={reload} loading={progress.loading} data-testid="progress-refresh">{t('refresh')}</Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }} data-testid="sync-help">{t('syncHelp')}</Typography.Paragraph>
        <Table<Observer>
          rowKey="id"
          size="small"
          bordered
          pagination={false}
          dataSource={p.observers}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('noObservers') }}
          data-testid="progress-matrix"
          columns={[
            {
              title: t('observers'),
              key: 'observer',
              fixed: 'left',
              width: 220,
              render: (_: unknown, o: Observer) => (
                <Flex vertical gap={2} style={{ fontSize: 12 }} data-testid="progress-observer">
                  <Typography.Text strong>{o.name}</Typography.Text>
                  {o.roleName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{o.roleName}</Typography.Text>}
                  <span>{t('lastSeen')}{colon}<SeenAt at={o.lastSeenAt} now={now} /></span>
                  <span>{t('lastSynced')}{colon}<SeenAt at={o.lastSyncedAt} now={now} /></span>
                </Flex>
              ),
            },
            ...days.map((d) => ({
              key: d.id,
              title: `${t('dayN', { n: (dayIndex.get(d.id) ?? 0) + 1 })} · ${d.date}${d.label ? ` · ${d.label}` : ''}`,
              children: p.stops.filter((s) => s.dayId === d.id).map(stopColumn),
            })),
          ]}
        />
      </Card>
      <Flex gap={16} wrap align="start">
        <Card size="small" title={t('missingTitle', { n: p.missing.length })} style={{ flex: '1 1 480px' }} data-testid="progress-missing">
          {missing.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('missingNone')} />
          ) : (
            <Flex vertical gap={6}>
              {missing.map((m) => (
                <div key={m.observerId}>
                  <Typography.Text strong>{observerName.get(m.observerId)?.name ?? m.observerId}</Typography.Text>
                  {colon}
                  {m.stopIds.map((id) => stopOf.get(id)?.siteName ?? id).join(pick({ zh: '、', en: ', ' }))}
                </div>
              ))}
            </Flex>
          )}
        </Card>
        <Card size="small" title={t('countiesTitle')} style={{ flex: '1 1 480px' }}>
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            dataSource={p.counties}
            data-testid="progress-counties"
            columns={[
              {
                title: t('county'),
                dataIndex: 'unitName',
                render: (name: string, c: TourProgress['counties'][number]) =>
                  rankingId ? <Link to={paths.unit(view.campaignId, rankingId, c.unitId)}>{name}</Link> : name,
              },
              { title: t('sitesScored'), key: 'scored', render: (_: unknown, c: TourProgress['counties'][number]) => `${c.sitesScored} / ${c.stops}` },
              {
                title: t('reviewHeld'),
                dataIndex: 'reviewHeld',
                render: (held: boolean) => <Tag color={held ? 'green' : 'default'}>{held ? t('held') : t('notHeld')}</Tag>,
              },
            ]}
          />
        </Card>
      </Flex>
      {opened && (
        <SheetHistoryDrawer tourId={view.id} observer={opened.observer} stop={opened.stop} scale={scale} onClose={() => setOpened(null)} />
      )}
    </Flex>
  );
}

function Cell({ observer, stop, now, onOpen }: { observer: Observer; stop: Stop; now: number; onOpen(): void }) {
  const t = useT(tourMessages);
  const cell = cellOf(observer, stop.stopId);
  const label = t('cellTitle', { observer: observer.name, site: stop.siteName });
  if (cell.kind === 'ballot') {
    return <Tag color="blue" title={t('viaBallotHint')} style={{ marginInlineEnd: 0 }} data-testid="cell-ballot">{t('viaBallot')}</Tag>;
  }
  return (
    <Button
      type="text"
      size="small"
      onClick={onOpen}
      aria-label={label}
      style={{ height: 'auto', padding: '2px 4px', whiteSpace: 'normal' }}
      data-testid={cell.kind === 'received' ? 'cell-received' : 'cell-missing'}
    >
      {cell.kind === 'missing' ? (
        <Typography.Text type="secondary">{t('notReceived')}</Typography.Text>
      ) : (
        <Flex vertical align="center" style={{ fontSize: 12, lineHeight: 1.3 }}>
          <Typography.Text type="success" strong>{t('received')} {cell.score}{cell.adjusted && <sup title={t('adjustedHint')}>±</sup>}</Typography.Text>
          {cell.revisions > 1 && <Tag color="orange" style={{ marginInlineEnd: 0, fontSize: 11 }}>{t('revisions', { n: cell.revisions })}</Tag>}
          <Typography.Text type="secondary" style={{ fontSize: 11 }}>{shortTime(cell.receivedAt, now)}</Typography.Text>
        </Flex>
      )}
    </Button>
  );
}
