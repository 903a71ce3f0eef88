/**
 * 调度点评会: one review meeting per county on the tour, after its stops — date, place, attendees, a comment on each
 * of the county's sites, the overall remarks and, optionally, a score. Whether that score counts in 观摩评 is the
 * server's word (`counts`: the instrument weighs a review group), said plainly beside it. Printed as the minutes.
 */
import { Alert, App, Button, Collapse, DatePicker, Empty, Flex, Form, Input, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { errorLines, errorText } from '../../api/error-text.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, usePunctuation, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading } from '../../layout/Page.js';
import { downloadFile } from '../training/files.js';
import { tourApi } from './api.js';
import { tourMessages } from './messages.js';
import { type reviewGroupChoices, type ScoreScale, scoreFits } from './scale.js';
import type { TourReview, TourView } from '../../api/types.js';

const DAY = 'YYYY-MM-DD';

interface Props {
  view: TourView;
  office: boolean;
  scale: ScoreScale | null;
  groups: ReturnType<typeof reviewGroupChoices>;
  onView(view: TourView): void;
}

export function ReviewsTab({ view, office, scale, groups, onView }: Props) {
  const t = useT(tourMessages);
  const reviews = useApi((signal) => tourApi.reviews(view.id, signal), [view.id, view.reviewGroup?.id]);
  const [saved, setSaved] = useState<Map<string, TourReview>>(new Map());

  if (reviews.error && !reviews.data) return <ErrorState error={reviews.error} onRetry={reviews.reload} />;
  if (!reviews.data) return <Loading />;
  const list = reviews.data.reviews.map((r) => saved.get(r.unitId) ?? r);

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('reviewsHint')}</Typography.Paragraph>
      <ReviewGroup view={view} office={office} groups={groups} onView={(next) => { setSaved(new Map()); onView(next); }} />
      {list.length === 0 ? (
        <Empty description={t('noReviews')} />
      ) : (
        <Collapse
          data-testid="reviews"
          items={list.map((r) => ({
            key: r.unitId,
            label: (
              <Space data-testid={`review-${r.unitId}`}>
                <Typography.Text strong>{r.unitName}</Typography.Text>
                <Tag color={r.held ? 'green' : 'default'}>{r.held ? t('held') : t('notHeld')}</Tag>
                <Typography.Text type="secondary">{t('reviewSites', { n: r.siteComments.length })}</Typography.Text>
                {r.held && r.heldOn && <Typography.Text type="secondary">{r.heldOn}</Typography.Text>}
              </Space>
            ),
            children: <ReviewForm view={view} review={r} office={office} scale={scale} onSaved={(next) => setSaved((m) => new Map(m).set(next.unitId, next))} />,
          }))}
        />
      )}
    </Flex>
  );
}

/** Whether and as which group review scores count; the office changes it (PATCH the tour's reviewGroupId). */
function ReviewGroup({ view, office, groups, onView }: Omit<Props, 'scale'>) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { paren } = usePunctuation();
  const [busy, setBusy] = useState(false);
  const change = async (reviewGroupId: string | null) => {
    setBusy(true);
    try {
      onView(await tourApi.patch(view.id, { reviewGroupId }));
      message.success(t('saved'));
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  const label = (g: { name: string; weighed: boolean }) => `${g.name}${paren(t(g.weighed ? 'reviewGroupWeighed' : 'reviewGroupNotWeighed'))}`;
  return (
    <Flex gap={8} align="center" wrap data-testid="review-group">
      <Typography.Text strong>{t('reviewGroup')}</Typography.Text>
      {office ? (
        <Select
          value={view.reviewGroup?.id ?? ''}
          loading={busy}
          disabled={busy}
          style={{ minWidth: 320 }}
          onChange={(v: string) => void change(v === '' ? null : v)}
          options={[{ value: '', label: t('reviewGroupNone') }, ...groups.map((g) => ({ value: g.id, label: label(g) }))]}
          data-testid="review-group-select"
        />
      ) : (
        <span>{view.reviewGroup ? label({ name: view.reviewGroup.name, weighed: view.reviewGroup.counts }) : t('reviewGroupNone')}</span>
      )}
      <Typography.Text type="secondary" style={{ flexBasis: '100%' }}>{t('reviewGroupHint')}</Typography.Text>
    </Flex>
  );
}

interface Draft {
  heldOn: Dayjs | null;
  place: string;
  attendees: string[];
  comments: Record<string, string>;
  remarks: string;
  score: string;
}

function draftOf(r: TourReview): Draft {
  return {
    heldOn: r.heldOn ? dayjs(r.heldOn, DAY) : null,
    place: r.place,
    attendees: r.attendees,
    comments: Object.fromEntries(r.siteComments.map((c) => [c.subjectId, c.comment])),
    remarks: r.remarks,
    score: r.score ?? '',
  };
}

function ReviewForm({ view, review: r, office, scale, onSaved }: { view: TourView; review: TourReview; office: boolean; scale: ScoreScale | null; onSaved(r: TourReview): void }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>(() => draftOf(r));
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);
  // The server lists every site of the county on the tour, in itinerary order.
  const sites = r.siteComments;
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const scoreBad = draft.score.trim() !== '' && scale !== null && !scoreFits(draft.score, scale);
  const dirty = JSON.stringify(draft) !== JSON.stringify(draftOf(r));

  const save = async () => {
    if (!draft.heldOn || scoreBad) return;
    setBusy(true);
    setRefusal(null);
    try {
      const next = await tourApi.saveReview(view.id, r.unitId, {
        heldOn: draft.heldOn.format(DAY),
        place: draft.place.trim(),
        attendees: draft.attendees.map((a) => a.trim()).filter(Boolean),
        siteComments: sites.map((s) => ({ subjectId: s.subjectId, comment: (draft.comments[s.subjectId] ?? '').trim() })).filter((c) => c.comment !== ''),
        remarks: draft.remarks.trim(),
        score: draft.score.trim() === '' ? null : draft.score.trim(),
      });
      message.success(t('reviewSaved'));
      onSaved(next);
      setDraft(draftOf(next));
    } catch (e) {
      setRefusal(e instanceof ApiError ? { title: pick(e.messages), lines: errorLines(e, pick) } : { title: String(e), lines: [] });
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    setPrinting(true);
    try {
      await downloadFile(tourApi.reviewPdfUrl(view.id, r.unitId), `${r.unitName}-调度点评会纪要.pdf`);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setPrinting(false);
    }
  };

  return (
    // No submit on Enter: Enter adds an attendee or picks a date here, and saving is the button's alone.
    <Form layout="vertical" disabled={!office} data-testid="review-form">
      <Flex gap={16} wrap>
        <Form.Item label={t('heldOn')} required validateStatus={office && !draft.heldOn ? 'warning' : undefined}>
          <DatePicker value={draft.heldOn} onChange={(v) => set({ heldOn: v })} format={DAY} data-testid="review-date" />
        </Form.Item>
        <Form.Item label={t('place')} style={{ flex: '1 1 280px' }}>
          <Input value={draft.place} onChange={(e) => set({ place: e.target.value })} maxLength={200} data-testid="review-place" />
        </Form.Item>
      </Flex>
      <Form.Item label={t('attendees')} extra={office ? t('attendeesHint') : undefined}>
        <Select
          mode="tags"
          value={draft.attendees}
          onChange={(v: string[]) => set({ attendees: v })}
          tokenSeparators={['、', ',', '，']}
          open={false}
          suffixIcon={null}
          data-testid="review-attendees"
        />
      </Form.Item>
      <Form.Item label={t('siteComments')}>
        <Flex vertical gap={8}>
          {sites.map((s) => (
            <Flex key={s.subjectId} gap={8} align="start">
              <Typography.Text style={{ width: 220, flex: 'none', paddingTop: 4 }}>{s.siteName}</Typography.Text>
              <Input.TextArea
                value={draft.comments[s.subjectId] ?? ''}
                onChange={(e) => set({ comments: { ...draft.comments, [s.subjectId]: e.target.value } })}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                aria-label={`${t('siteComments')} ${s.siteName}`}
                data-testid="review-site-comment"
              />
            </Flex>
          ))}
        </Flex>
      </Form.Item>
      <Form.Item label={t('remarks')}>
        <Input.TextArea value={draft.remarks} onChange={(e) => set({ remarks: e.target.value })} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="review-remarks" />
      </Form.Item>
      <Form.Item
        label={t('reviewScore')}
        validateStatus={scoreBad ? 'error' : undefined}
        help={scale ? t('scoreRange', { min: scale.min, max: scale.max, step: scale.step }) : undefined}
      >
        <Input value={draft.score} onChange={(e) => set({ score: e.target.value })} style={{ width: 160 }} inputMode="decimal" data-testid="review-score" />
      </Form.Item>
      <Alert
        type={r.counts ? 'info' : 'warning'}
        showIcon
        title={r.counts ? t('scoreCounts') : view.reviewGroup ? t('scoreRecordOnly', { group: view.reviewGroup.name }) : t('scoreNoGroup')} style={{ marginBottom: 12 }} data-testid="review-counts" />
      {refusal && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={refusal.title}
          description={refusal.lines.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.lines.map((l) => <li key={l}>{l}</li>)}</ul>}
          data-testid="review-refusal"
        />
      )}
      <Space wrap>
        {office && (
          <Button type="primary" onClick={() => void save()} loading={busy} disabled={!draft.heldOn || scoreBad || !dirty} data-testid="review-save">{t('saveReview')}</Button>
        )}
        {/* Its own `disabled` wins over the form's, so a clerk (a read-only form) still prints the minutes. */}
        <Button
          disabled={!r.held}
          onClick={() => void print()}
          loading={printing}
          title={!r.held ? t('printNeedsSave') : undefined}
          data-testid="review-pdf"
        >
          {t('printMinutes')}
        </Button>
        {dirty && r.held && <Typography.Text type="secondary">{t('downloadUnsaved')}</Typography.Text>}
      </Space>
    </Form>
  );
}
