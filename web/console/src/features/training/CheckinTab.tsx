/**
 * 签到: one lesson's check-in as it happens — by default the lesson running now, else the next. Counts in total, per
 * venue and per county move live (server-sent events). The office opens each venue's screen (the rotating QR code)
 * and records 请假; the office and clerks enter 补签; every role may open a venue's liaison list.
 */
import { Alert, App, Badge, Button, Card, Col, Empty, Flex, Row, Select, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { LessonAttendance, ScreenLink, TrainingClass, VenueRoster } from '../../api/types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useLang, useT } from '../../i18n/I18nProvider.js';
import { ErrorState, Loading } from '../../layout/Page.js';
import { agendaByDay, beijingNow, clockOf, currentOrNextLesson, dayLabel } from './agenda.js';
import { presentRate } from './attendance.js';
import { MarkDialog, type PickedParticipant, ScreenLinkDialog } from './CheckinDialogs.js';
import { trainingMessages } from './messages.js';
import { rolesOf } from './roles.js';
import { useLiveAttendance, type LiveMode } from './useLiveAttendance.js';
import { VenueRosterDrawer } from './VenueRosterDrawer.js';

type Counts = LessonAttendance['total'];
type Mark = { kind: 'leave' | 'late'; preset?: { participant: PickedParticipant; venueId?: string } } | null;

const WINDOW = { not_yet: ['default', 'windowNotYet'], open: ['processing', 'windowOpen'], closed: ['default', 'windowClosed'] } as const;
const LIVE = { live: ['success', 'live'], connecting: ['warning', 'reconnecting'], polling: ['default', 'polling'] } as const;

export function CheckinTab({ cls }: { cls: TrainingClass }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { lang } = useLang();
  const { message } = App.useApp();
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const [search, setSearch] = useSearchParams();
  const fallback = useMemo(() => currentOrNextLesson(cls.agenda, beijingNow()), [cls.agenda]);
  const lesson = cls.agenda.find((l) => l.id === search.get('lesson')) ?? fallback;
  const live = useLiveAttendance(cls.id, lesson?.id);
  const [rosterVenue, setRosterVenue] = useState<{ id: string; name: string } | null>(null);
  const [mark, setMark] = useState<Mark>(null);
  const [screen, setScreen] = useState<{ venueName: string; link: ScreenLink } | null>(null);

  if (!lesson) return <Empty description={t('noLessonsYet')} />;
  const a = live.data;
  const missingLabel = a?.window === 'closed' ? t('missingAbsent') : t('missingPending');
  // Changes with every count, so the liaison's list is read again when someone checks in.
  const version = a ? JSON.stringify(a.total) + a.window : '';

  const openScreen = async (venue: { venueId: string; name: string }) => {
    try {
      setScreen({ venueName: venue.name, link: await training.screenLink(cls.id, lesson.id, venue.venueId) });
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  const countColumns = [
    { title: t('expected'), dataIndex: 'expected', width: 80, align: 'right' as const },
    { title: t('onTime'), dataIndex: 'onTime', width: 80, align: 'right' as const },
    { title: t('late'), dataIndex: 'late', width: 80, align: 'right' as const },
    { title: t('leave'), dataIndex: 'leave', width: 80, align: 'right' as const },
    { title: missingLabel, dataIndex: 'missing', width: 90, align: 'right' as const, render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
    { title: t('rate'), key: 'rate', width: 90, align: 'right' as const, render: (_: unknown, c: Counts) => presentRate(c) ?? '—' },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} align="center" wrap>
        <Select<string>
          style={{ minWidth: 420 }}
          value={lesson.id}
          onChange={(id) => setSearch((s) => { s.set('lesson', id); return s; }, { replace: true })}
          aria-label={t('pickLesson')}
          data-testid="checkin-lesson"
          // The chosen lesson shows with its day; in the list, the day heads its group.
          labelRender={() => `${dayLabel(lesson.day, lang)} ${clockOf(lesson.startsAt)}–${clockOf(lesson.endsAt)} ${pick(lesson.kindLabel)} · ${lesson.title}`}
          options={agendaByDay(cls.startsOn, cls.endsOn, cls.agenda)
            .filter((d) => d.lessons.length > 0)
            .map((d) => ({
              label: `${dayLabel(d.day, lang)} · ${d.day}`,
              title: d.day,
              options: d.lessons.map((l) => ({ value: l.id, label: `${clockOf(l.startsAt)}–${clockOf(l.endsAt)} ${pick(l.kindLabel)} · ${l.title}` })),
            }))}
        />
        {a && <Tag color={WINDOW[a.window][0]} data-testid="checkin-window">{t(WINDOW[a.window][1])}</Tag>}
        <LiveBadge mode={live.mode} />
        <span style={{ flex: 1 }} />
        {can.edit && <Button onClick={() => setMark({ kind: 'leave' })} data-testid="record-leave">{t('recordLeave')}</Button>}
        {can.counting && <Button type="primary" onClick={() => setMark({ kind: 'late' })} data-testid="record-late-entry">{t('recordLateEntry')}</Button>}
      </Flex>
      {live.error !== null && !a && <ErrorState error={live.error} onRetry={live.reload} />}
      {live.error !== null && a && <Alert type="warning" showIcon title={errorText(live.error, pick)} />}
      {!a && live.error === null && <Loading />}
      {a && (
        <>
          <Card size="small" data-testid="checkin-totals">
            <Row gutter={16}>
              <Col flex="1"><Statistic title={t('expected')} value={a.total.expected} /></Col>
              <Col flex="1"><Statistic title={t('onTime')} value={a.total.onTime} styles={{ content: { color: '#389e0d' } }} data-testid="total-on-time" /></Col>
              <Col flex="1"><Statistic title={t('late')} value={a.total.late} styles={{ content: { color: '#d48806' } }} data-testid="total-late" /></Col>
              <Col flex="1"><Statistic title={t('leave')} value={a.total.leave} data-testid="total-leave" /></Col>
              <Col flex="1"><Statistic title={missingLabel} value={a.total.missing} styles={{ content: { color: a.total.missing > 0 ? '#cf1322' : undefined } }} data-testid="total-missing" /></Col>
              <Col flex="1"><Statistic title={t('rate')} value={presentRate(a.total) ?? '—'} /></Col>
            </Row>
          </Card>
          <Card size="small" title={t('byVenue')}>
            <Table<LessonAttendance['venues'][number]>
              rowKey="venueId"
              size="small"
              pagination={false}
              dataSource={a.venues}
              data-testid="checkin-venues"
              columns={[
                { title: t('venue'), dataIndex: 'name', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
                ...countColumns,
                {
                  title: t('actions'),
                  key: 'actions',
                  width: 240,
                  render: (_: unknown, v) => (
                    <Flex gap={0}>
                      <Button size="small" type="link" onClick={() => setRosterVenue({ id: v.venueId, name: v.name })} data-testid="venue-liaison">{t('liaisonRoster')}</Button>
                      {can.edit && <Button size="small" type="link" onClick={() => void openScreen(v)} data-testid="venue-screen">{t('screen')}</Button>}
                    </Flex>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('byUnit')}>
            <Table<LessonAttendance['units'][number]>
              rowKey="unitId"
              size="small"
              pagination={false}
              dataSource={a.units}
              data-testid="checkin-units"
              columns={[{ title: t('unit'), dataIndex: 'name', render: (n: string) => <Typography.Text strong>{n}</Typography.Text> }, ...countColumns]}
            />
          </Card>
        </>
      )}
      {rosterVenue && (
        <VenueRosterDrawer
          classId={cls.id}
          lesson={lesson}
          venue={rosterVenue}
          version={version}
          can={can}
          onClose={() => setRosterVenue(null)}
          onMark={(kind, row: VenueRoster['rows'][number]) =>
            setMark({ kind, preset: { participant: { id: row.participantId, name: row.name, unitPath: row.unitName }, venueId: rosterVenue.id } })
          }
        />
      )}
      {mark && (
        <MarkDialog
          kind={mark.kind}
          cls={cls}
          lesson={lesson}
          preset={mark.preset}
          onDone={(record) => {
            setMark(null);
            if (record) live.reload();
          }}
        />
      )}
      {screen && <ScreenLinkDialog venueName={screen.venueName} link={screen.link} onClose={() => setScreen(null)} />}
    </Flex>
  );
}

function LiveBadge({ mode }: { mode: LiveMode }) {
  const t = useT(trainingMessages);
  const [status, label] = LIVE[mode];
  return <Badge status={status} text={t(label)} data-testid="checkin-live" />;
}
