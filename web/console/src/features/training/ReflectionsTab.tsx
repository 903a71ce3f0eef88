/**
 * 讲收获: what trainees wrote on their phones, filtered by unit (county → township), lesson, 精选 and text, paged on
 * the server. The office features some, closes the class's reflections (or reopens them), and exports the selection
 * as a workbook or a printable booklet; a county viewer reads and exports its own county's.
 */
import { App, Button, Card, DatePicker, Flex, Input, Modal, Popconfirm, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { reflections, training, type ReflectionFilter } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { ReflectionView, TrainingClass } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { downloadFile } from './files.js';
import { reflectionMessages } from './reflectionMessages.js';
import { rolesOf } from './roles.js';
import { UnitPicker, type PickedUnit } from './UnitPicker.js';
import { useDebounced } from './useDebounced.js';

/** An ISO instant as Beijing wall clock, "6月17日 18:05". */
function clock(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
}

export function ReflectionsTab({ cls }: { cls: TrainingClass }) {
  const t = useT(reflectionMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [lessonId, setLessonId] = useState<string | undefined>(undefined);
  const [featured, setFeatured] = useState<boolean | undefined>(undefined);
  const filter: ReflectionFilter = { unitId: unit?.value, lessonId, q: q || undefined, featured };
  const filterKey = JSON.stringify(filter);
  const [paged, setPaged] = useState({ key: filterKey, page: 1, pageSize: 20 });
  const paging = { page: paged.key === filterKey ? paged.page : 1, pageSize: paged.pageSize };
  const [busy, setBusy] = useState<string | null>(null);
  const [scheduling, setScheduling] = useState(false);
  const list = useApi((signal) => reflections.list(cls.id, { ...filter, page: paging.page, pageSize: paging.pageSize }, signal), [cls.id, filterKey, paging.page, paging.pageSize]);

  const run = async (key: string, work: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await work();
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(null);
    }
  };

  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  const data = list.data;

  return (
    <Card data-testid="reflections-tab">
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          {data && <Typography.Text data-testid="reflection-counts">{t('counts', data.counts)}</Typography.Text>}
          {data && (data.open ? <Tag color="green">{data.closesAt ? t('openUntil', { at: data.closesAt.replace('T', ' ') }) : t('open')}</Tag> : <Tag color="red" data-testid="reflections-closed">{t('closed')}</Tag>)}
          {can.edit && data?.open && (
            <Popconfirm title={t('closeConfirm')} onConfirm={() => void run('close', async () => { await reflections.close(cls.id); list.reload(); })}>
              <Button size="small" loading={busy === 'close'} data-testid="reflections-close">{t('closeNow')}</Button>
            </Popconfirm>
          )}
          {can.edit && data?.open && <Button size="small" onClick={() => setScheduling(true)} data-testid="reflections-schedule">{t('schedule')}</Button>}
          {can.edit && data && !data.open && (
            <Button size="small" loading={busy === 'reopen'} onClick={() => void run('reopen', async () => { await reflections.reopen(cls.id); list.reload(); })} data-testid="reflections-reopen">{t('reopen')}</Button>
          )}
        </Space>
        <Tooltip title={t('exportHint')}>
          <Space wrap>
            <Button loading={busy === 'xlsx'} onClick={() => void run('xlsx', () => downloadFile(reflections.xlsxUrl(cls.id, filter), `${cls.name}-讲收获.xlsx`))} data-testid="reflections-xlsx">{t('exportXlsx')}</Button>
            <Button loading={busy === 'pdf'} onClick={() => void run('pdf', () => downloadFile(reflections.pdfUrl(cls.id, filter), `${cls.name}-讲收获汇编.pdf`))} data-testid="reflections-pdf">{t('exportPdf')}</Button>
          </Space>
        </Tooltip>
      </Flex>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('search')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 260 }} data-testid="reflections-search" />
        <UnitPicker rootUnitId={cls.rootUnitId} deepest="township" value={unit} onChange={setUnit} placeholder={t('filterUnit')} testId="reflections-unit" />
        <Select
          value={lessonId ?? ''}
          onChange={(v) => setLessonId(v || undefined)}
          style={{ width: 240 }}
          options={[{ value: '', label: t('allLessons') }, { value: 'class', label: t('wholeClass') }, ...cls.agenda.map((l) => ({ value: l.id, label: l.title }))]}
          data-testid="reflections-lesson"
        />
        <Select
          value={featured === undefined ? '' : String(featured)}
          onChange={(v) => setFeatured(v === '' ? undefined : v === 'true')}
          style={{ width: 120 }}
          options={[{ value: '', label: t('allMarks') }, { value: 'true', label: t('featuredOnly') }, { value: 'false', label: t('notFeatured') }]}
          data-testid="reflections-featured"
        />
      </Flex>
      {scheduling && data && (
        <ScheduleModal
          closesAt={data.closesAt}
          onCancel={() => setScheduling(false)}
          onSave={(at) =>
            run('schedule', async () => {
              await training.patch(cls.id, { reflectionsCloseAt: at });
              message.success(t('saved'));
              setScheduling(false);
              list.reload();
            })
          }
        />
      )}
      <Table<ReflectionView>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('none') }}
        data-testid="reflections-table"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (n) => t('total', { n }),
          onChange: (page, pageSize) => setPaged({ key: filterKey, page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        columns={[
          {
            title: t('writer'),
            key: 'writer',
            width: 220,
            render: (_: unknown, r) => (
              <div>
                <Typography.Text strong>{r.participant.name}</Typography.Text>
                <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.participant.unitPath}{r.participant.post ? ` · ${r.participant.post}` : ''}</Typography.Text></div>
              </div>
            ),
          },
          { title: t('lesson'), key: 'lesson', width: 180, render: (_: unknown, r) => r.lessonTitle ?? <Typography.Text type="secondary">{t('wholeClass')}</Typography.Text> },
          {
            title: t('text'),
            dataIndex: 'text',
            render: (text: string) => <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="reflection-text">{text}</Typography.Paragraph>,
          },
          {
            title: t('time'),
            key: 'time',
            width: 130,
            render: (_: unknown, r) => (
              <div>
                {clock(r.createdAt)}
                {r.updatedAt !== r.createdAt && <div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('edited', { at: clock(r.updatedAt) })}</Typography.Text></div>}
              </div>
            ),
          },
          {
            title: t('featured'),
            key: 'featured',
            width: 80,
            render: (_: unknown, r) =>
              can.edit ? (
                <Switch size="small" checked={r.featured} loading={busy === r.id} onChange={(on) => void run(r.id, async () => { await reflections.feature(cls.id, r.id, on); list.reload(); })} data-testid="reflection-feature" />
              ) : r.featured ? <Tag color="gold">{t('featured')}</Tag> : null,
          },
        ]}
      />
    </Card>
  );
}

/** The closing time as the class's office types it: Beijing wall clock, to the minute; empty for none. */
function ScheduleModal({ closesAt, onCancel, onSave }: { closesAt: string | null; onCancel(): void; onSave(at: string | null): Promise<void> }) {
  const t = useT(reflectionMessages);
  const [value, setValue] = useState<Dayjs | null>(closesAt ? dayjs(closesAt) : null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    await onSave(value ? value.format('YYYY-MM-DDTHH:mm') : null);
    setSaving(false);
  };
  return (
    <Modal open title={t('scheduleTitle')} okText={t('save')} cancelText={t('cancel')} confirmLoading={saving} onOk={() => void save()} onCancel={onCancel} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('scheduleHint')}</Typography.Paragraph>
      <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" value={value} onChange={setValue} style={{ width: 240 }} data-testid="reflections-close-at" />
    </Modal>
  );
}
