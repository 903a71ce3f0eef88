/**
 * 评分记录: every revision of one observer's sheet for one stop, oldest first, as the phone sent it (append-only: a
 * second score is a new revision, never an edit). The latest counts; the ones before it are marked superseded.
 */
import { Descriptions, Drawer, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { useApi } from '../../api/useApi.js';
import { useLang, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading } from '../../layout/Page.js';
import { tourApi } from './api.js';
import { tourMessages } from './messages.js';
import { ratingParts } from './progress.js';
import type { ScoreScale } from './scale.js';
import { shortTime } from './time.js';
import type { SheetRevision, TourProgress } from '../../api/types.js';

interface Props {
  tourId: string;
  observer: TourProgress['observers'][number];
  stop: TourProgress['stops'][number];
  scale: ScoreScale | null;
  onClose(): void;
}

export function SheetHistoryDrawer({ tourId, observer, stop, scale, onClose }: Props) {
  const t = useT(tourMessages);
  const sheets = useApi((signal) => tourApi.sheets(tourId, observer.id, stop.stopId, signal), [tourId, observer.id, stop.stopId]);
  const list = sheets.data?.sheets ?? [];
  return (
    <Drawer open size={560} title={t('historyTitle', { observer: observer.name, site: stop.siteName })} onClose={onClose} data-testid="sheet-history">
      <Typography.Paragraph type="secondary">{t('historyHint')}</Typography.Paragraph>
      {sheets.error ? <ErrorState error={sheets.error} onRetry={sheets.reload} /> : null}
      {sheets.loading && !sheets.data ? <Loading /> : null}
      {sheets.data && list.length === 0 && <Empty description={t('noRevisions')} />}
      {list.length > 0 && (
        <Timeline
          items={list.map((r) => ({
            color: r.counts ? 'green' : 'gray',
            content: <Revision revision={r} scale={scale} />,
          }))}
        />
      )}
    </Drawer>
  );
}

function Revision({ revision: r, scale }: { revision: SheetRevision; scale: ScoreScale | null }) {
  const t = useT(tourMessages);
  const { lang } = useLang();
  const { colon } = usePunctuation();
  const rating = ratingParts(r.rating);
  const { criteria, adjustments } = rating;
  return (
    <Flex vertical gap={4} data-testid="sheet-revision">
      <Flex gap={8} align="center">
        <Typography.Text strong>{t('revision', { n: r.revision })}</Typography.Text>
        <Tag color={r.counts ? 'green' : 'default'}>{r.counts ? t('counting') : t('superseded')}</Tag>
      </Flex>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('score')}>{rating.score ?? '—'}</Descriptions.Item>
        {criteria.length > 0 && (
          <Descriptions.Item label={t('criteria')}>
            {criteria.map(([id, v]) => `${scale?.criteria.get(id) ?? id} ${v}`).join(lang === 'zh' ? '；' : '; ')}
          </Descriptions.Item>
        )}
        {adjustments.length > 0 && (
          <Descriptions.Item label={t('adjustments')}>
            <Flex vertical gap={2}>
              {adjustments.map((a) => {
                const item = scale?.items.get(a.itemId);
                const sign = item?.direction === 'deduction' ? '−' : '+';
                return <span key={`${a.itemId}:${a.points}:${a.reason}`}>{item?.label ?? a.itemId} {sign}{a.points}{colon}{a.reason}</span>;
              })}
            </Flex>
          </Descriptions.Item>
        )}
        {rating.opinion && <Descriptions.Item label={t('opinion')}>{rating.opinion}</Descriptions.Item>}
        <Descriptions.Item label={t('scoredAt')}>{shortTime(r.scoredAt)}</Descriptions.Item>
        <Descriptions.Item label={t('receivedAt')}>{shortTime(r.receivedAt)}</Descriptions.Item>
      </Descriptions>
    </Flex>
  );
}
