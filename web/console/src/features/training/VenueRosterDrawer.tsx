/**
 * 联络员名单: who is expected at one venue for one lesson, each with their status and time, for the venue's liaison to
 * go through the room with; filtered to those not yet checked in. The office and clerks enter 补签 (and the office
 * 请假) from a row. Read again whenever the lesson's counts move.
 */
import { Button, Drawer, Flex, Input, Segmented, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { training } from '../../api/endpoints.js';
import type { Lesson, VenueRoster } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { isMissing, STATUS_COLOR } from './attendance.js';
import { attendanceLabels, trainingMessages } from './messages.js';
import type { TrainingRights } from './roles.js';

type Row = VenueRoster['rows'][number];

export function VenueRosterDrawer({
  classId,
  lesson,
  venue,
  version,
  can,
  onMark,
  onClose,
}: {
  classId: string;
  lesson: Lesson;
  venue: { id: string; name: string };
  /** Changes whenever the lesson's counts change: the list is read again. */
  version: string;
  can: TrainingRights;
  onMark(kind: 'leave' | 'late', row: Row): void;
  onClose(): void;
}) {
  const t = useT(trainingMessages);
  const ta = useT(attendanceLabels);
  const roster = useApi((signal) => training.venueRoster(classId, lesson.id, venue.id, signal), [classId, lesson.id, venue.id, version]);
  const [filter, setFilter] = useState<'all' | 'missing'>('all');
  const [text, setText] = useState('');
  const rows = useMemo(() => {
    const q = text.trim();
    return (roster.data?.rows ?? []).filter((r) => (filter === 'all' || isMissing(r.status)) && (!q || r.name.includes(q) || r.unitName.includes(q)));
  }, [roster.data, filter, text]);
  const missing = (roster.data?.rows ?? []).filter((r) => isMissing(r.status)).length;

  return (
    <Drawer open size={860} title={t('liaisonTitle', { venue: venue.name, lesson: lesson.title })} onClose={onClose} destroyOnHidden>
      {roster.error && !roster.data ? (
        <ErrorState error={roster.error} onRetry={roster.reload} />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            <Segmented<'all' | 'missing'>
              value={filter}
              onChange={setFilter}
              options={[
                { value: 'all', label: `${t('all')} ${roster.data?.rows.length ?? ''}` },
                { value: 'missing', label: `${t('onlyMissing')} ${roster.data ? missing : ''}` },
              ]}
              data-testid="venue-roster-filter"
            />
            <Input.Search allowClear placeholder={t('searchNameUnit')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 240 }} />
          </Flex>
          <Table<Row>
            rowKey="participantId"
            size="small"
            loading={roster.loading}
            dataSource={rows}
            pagination={{ pageSize: 100, showSizeChanger: false, hideOnSinglePage: true }}
            locale={{ emptyText: t('noParticipants') }}
            data-testid="venue-roster"
            columns={[
              { title: t('personName'), dataIndex: 'name', width: 120, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
              { title: t('unit'), dataIndex: 'unitName', width: 160 },
              { title: t('post'), dataIndex: 'post', render: (p: string) => p || '—' },
              {
                title: t('status'),
                dataIndex: 'status',
                width: 190,
                render: (s: Row['status'], r) => (
                  <Flex vertical gap={0}>
                    <span><Tag color={STATUS_COLOR[s]}>{ta(s)}</Tag>{r.clock && <Typography.Text type="secondary">{r.clock}</Typography.Text>}</span>
                    {r.atVenue && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('atOtherVenue', { venue: r.atVenue })}</Typography.Text>}
                  </Flex>
                ),
              },
              ...(can.counting
                ? [
                    {
                      title: t('actions'),
                      key: 'actions',
                      width: 140,
                      render: (_: unknown, r: Row) =>
                        isMissing(r.status) && (
                          <Flex gap={0}>
                            <Button size="small" type="link" onClick={() => onMark('late', r)} data-testid="row-late-entry">{t('recordLateEntry')}</Button>
                            {can.edit && <Button size="small" type="link" onClick={() => onMark('leave', r)} data-testid="row-leave">{t('recordLeave')}</Button>}
                          </Flex>
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}
