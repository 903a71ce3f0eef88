/**
 * 考勤: each trainee's status at every lesson and the 学时 earned, filtered by unit and to those who missed an ended
 * lesson (the absent list of a unit), paged on the server; the absentees per county at a glance; the xlsx export.
 */
import { App, Button, Card, Checkbox, Flex, Input, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { AttendancePage, TrainingClass, Unit } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { clockOf } from './agenda.js';
import { STATUS_COLOR } from './attendance.js';
import { downloadFile } from './files.js';
import { attendanceLabels, trainingMessages } from './messages.js';
import { UnitPicker, type PickedUnit } from './UnitPicker.js';
import { useDebounced } from './useDebounced.js';

type Record_ = AttendancePage['items'][number];

export function AttendanceTab({ cls }: { cls: TrainingClass }) {
  const t = useT(trainingMessages);
  const ta = useT(attendanceLabels);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  const [absentOnly, setAbsentOnly] = useState(false);
  const filterKey = `${q}\u0000${unit?.value ?? ''}\u0000${absentOnly}`;
  const [paged, setPaged] = useState({ key: filterKey, page: 1, pageSize: 50 });
  const paging = { page: paged.key === filterKey ? paged.page : 1, pageSize: paged.pageSize };
  const [exporting, setExporting] = useState(false);
  const records = useApi(
    (signal) => training.attendance(cls.id, { q: q || undefined, unitId: unit?.value, absentOnly, page: paging.page, pageSize: paging.pageSize }, signal),
    [cls.id, q, unit?.value, absentOnly, paging.page, paging.pageSize],
  );

  const exportXlsx = async () => {
    setExporting(true);
    try {
      await downloadFile(training.attendanceXlsxUrl(cls.id), `${cls.name}-考勤.xlsx`);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setExporting(false);
    }
  };

  if (records.error && !records.data) return <ErrorState error={records.error} onRetry={records.reload} />;
  const lessons = records.data?.lessons ?? [];
  return (
    <Flex vertical gap={16}>
      <AbsentByUnit cls={cls} onPick={(u) => { setUnit(u); setAbsentOnly(true); }} />
      <Card>
        <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
          <Flex gap={8} wrap align="center">
            <Input.Search allowClear placeholder={t('searchNameUnit')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 240 }} data-testid="attendance-search" />
            <UnitPicker rootUnitId={cls.rootUnitId} deepest="township" value={unit} onChange={setUnit} placeholder={t('filterUnit')} testId="attendance-unit" />
            <Checkbox checked={absentOnly} onChange={(e) => setAbsentOnly(e.target.checked)} data-testid="attendance-absent-only">{t('onlyAbsent')}</Checkbox>
          </Flex>
          <Flex gap={12} align="center">
            {records.data && <Typography.Text type="secondary">{t('creditOf', { full: records.data.fullCredit })}</Typography.Text>}
            <Button onClick={() => void exportXlsx()} loading={exporting} data-testid="attendance-xlsx">{t('exportXlsx')}</Button>
          </Flex>
        </Flex>
        <Table<Record_>
          rowKey="participantId"
          size="small"
          loading={records.loading}
          dataSource={records.data?.items ?? []}
          locale={{ emptyText: t('noRecords') }}
          scroll={{ x: 'max-content' }}
          data-testid="attendance-table"
          pagination={{
            current: paging.page,
            pageSize: paging.pageSize,
            total: records.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (n) => t('totalN', { n: n.toLocaleString() }),
            onChange: (page, pageSize) => setPaged({ key: filterKey, page: pageSize === paging.pageSize ? page : 1, pageSize }),
          }}
          columns={[
            { title: t('personName'), dataIndex: 'name', fixed: 'left', width: 100, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
            { title: t('unit'), dataIndex: 'unitPath', width: 200 },
            { title: t('post'), dataIndex: 'post', width: 140, render: (p: string) => p || '—' },
            ...lessons.map((l, i) => ({
              title: (
                <Tooltip title={`${l.startsAt.replace('T', ' ')} · ${l.title}`}>
                  <Flex vertical gap={0} style={{ fontSize: 12, lineHeight: 1.3 }}>
                    <span>{`${l.startsAt.slice(5, 10)} ${clockOf(l.startsAt)}`}</span>
                    <Typography.Text ellipsis style={{ maxWidth: 96, fontSize: 12 }}>{l.title}</Typography.Text>
                  </Flex>
                </Tooltip>
              ),
              key: l.id,
              width: 104,
              render: (_: unknown, r: Record_) => {
                const cell = r.lessons[i];
                if (!cell) return '—';
                return (
                  <Tooltip title={cell.clock ? `${ta(cell.status)} ${cell.clock} · ${t('hoursValue', { hours: cell.credit })}` : ta(cell.status)}>
                    <Tag color={STATUS_COLOR[cell.status]} style={{ marginInlineEnd: 0 }}>{ta(cell.status)}</Tag>
                  </Tooltip>
                );
              },
            })),
            { title: t('credit'), key: 'credit', fixed: 'right', width: 80, align: 'right', render: (_: unknown, r) => <Typography.Text strong>{r.credit.display}</Typography.Text> },
            { title: t('absentCount'), dataIndex: 'absent', fixed: 'right', width: 80, align: 'right', render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : 0) },
          ]}
        />
      </Card>
    </Flex>
  );
}

/**
 * 缺勤名单（按单位）: how many trainees of each county missed an ended lesson; a click lists them below. A county
 * viewer sees its own county.
 */
function AbsentByUnit({ cls, onPick }: { cls: TrainingClass; onPick(unit: PickedUnit): void }) {
  const t = useT(trainingMessages);
  const { me } = useAuth();
  const counts = useApi(async (signal) => {
    const units = await api.get<Unit[]>(me?.role === 'viewer' ? '/api/units' : `/api/units?parent=${encodeURIComponent(cls.rootUnitId)}`, { signal });
    return Promise.all(
      units.map(async (u) => ({ unit: u, absent: (await training.attendance(cls.id, { unitId: u.id, absentOnly: true, page: 1, pageSize: 1 }, signal)).total })),
    );
  }, [cls.id, cls.rootUnitId, me?.role]);
  if (!counts.data) return null;
  const withAbsent = counts.data.filter((c) => c.absent > 0);
  return (
    <Card size="small" title={t('absentByUnit')} data-testid="absent-by-unit">
      {withAbsent.length === 0 ? (
        <Typography.Text type="secondary">{t('noAbsent')}</Typography.Text>
      ) : (
        <Flex gap={8} wrap>
          {withAbsent.map((c) => (
            <Button key={c.unit.id} size="small" onClick={() => onPick({ value: c.unit.id, label: c.unit.name })}>
              {t('absentN', { name: c.unit.name, n: c.absent })}
            </Button>
          ))}
        </Flex>
      )}
    </Card>
  );
}
