/**
 * 书面材料: one per township, with its status (未交 → 已交 → 已收). The office sees at a glance who has not handed in
 * (the summary line, per county, the filter), reminds them, accepts or sends back, and uploads for anyone; a township
 * uploads its own report; a county reads its county's.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../api/error-text.js';
import type { ReportBoard, ReportStatus, SeminarReport, TrainingClass } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { DocumentLinks, UploadButton } from './DocumentParts.js';
import { seminar } from './seminar-api.js';
import { reportStatusLabels, seminarMessages } from './seminar-messages.js';
import { UnitPicker, type PickedUnit } from './UnitPicker.js';

const STATUS_COLOR: Record<ReportStatus, string> = { missing: 'red', submitted: 'gold', accepted: 'green' };

/** "2022-06-15 09:07" in China time. */
export function chinaTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export function StatusTag({ status }: { status: ReportStatus }) {
  const s = useT(reportStatusLabels);
  return <Tag color={STATUS_COLOR[status]} data-testid="report-status">{s(status)}</Tag>;
}

export function ReportsCard({ cls, office }: { cls: TrainingClass; office: boolean }) {
  const t = useT(seminarMessages);
  const s = useT(reportStatusLabels);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const [status, setStatus] = useState<ReportStatus | undefined>();
  const [county, setCounty] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [sendingBack, setSendingBack] = useState<SeminarReport | null>(null);
  const [lastRefusal, setLastRefusal] = useState<string | null>(null);
  const board = useApi((signal) => seminar.reports(cls.id, { status, unitId: county }, signal), [cls.id, status, county]);

  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work();
      message.success(done);
      board.reload();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };
  const assignAll = () =>
    act(async () => {
      const r = await seminar.createReports(cls.id, { title: t('reportTitleDefault') });
      message.info(t('assigned', r));
    }, t('reports'));

  const data: ReportBoard | undefined = board.data;
  const c = data?.counts;
  const own = (r: SeminarReport) => me?.role === 'viewer' && me.unitId === r.unitId;

  return (
    <Card
      title={t('reports')}
      extra={
        office && (
          <Space>
            <Popconfirm title={t('remindConfirm')} okText={t('ok')} cancelText={t('cancel')} onConfirm={() => act(async () => message.info(t('reminded', { n: (await seminar.remind(cls.id)).reminded })), t('reminders'))} disabled={!c?.missing}>
              <Button disabled={!c?.missing} data-testid="remind-all">{t('remindAll', { n: c?.missing ?? 0 })}</Button>
            </Popconfirm>
            {chosen.length > 0 && (
              <Button onClick={() => void act(async () => { message.info(t('reminded', { n: (await seminar.remind(cls.id, chosen)).reminded })); setChosen([]); }, t('reminders'))} data-testid="remind-chosen">
                {t('remindChosen', { n: chosen.length })}
              </Button>
            )}
            <Button onClick={() => setAssigning(true)} data-testid="assign-one">{t('assignOne')}</Button>
            <Button type={c?.total ? 'default' : 'primary'} onClick={() => void assignAll()} data-testid="assign-all">{t('assignAll')}</Button>
          </Space>
        )
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {c && (
          <Typography.Text strong data-testid="reports-summary">
            {t('summary', { total: c.total, handedIn: c.submitted + c.accepted, accepted: c.accepted, missing: c.missing })}
          </Typography.Text>
        )}
        {data && data.counties.length > 1 && (
          <Space wrap size={[4, 4]}>
            {data.counties.map((k) => (
              <Tag key={k.countyId} color={county === k.countyId ? 'blue' : k.missing ? 'default' : 'green'} style={{ cursor: 'pointer' }} onClick={() => setCounty(county === k.countyId ? undefined : k.countyId)}>
                {k.countyName} {k.submitted + k.accepted}/{k.total}
              </Tag>
            ))}
          </Space>
        )}
        <Space wrap>
          <Select
            allowClear
            placeholder={t('allCounties')}
            style={{ width: 200 }}
            value={county}
            onChange={setCounty}
            options={(data?.counties ?? []).map((k) => ({ value: k.countyId, label: k.countyName }))}
            data-testid="filter-county"
          />
          <Select
            allowClear
            placeholder={t('allStatuses')}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={(['missing', 'submitted', 'accepted'] as const).map((x) => ({ value: x, label: s(x) }))}
            data-testid="filter-status"
          />
        </Space>
        <Typography.Text type="secondary">{t('accepts')}</Typography.Text>
        {lastRefusal && <Alert type="error" showIcon closable title={lastRefusal} onClose={() => setLastRefusal(null)} data-testid="upload-refusal" />}
        <Table<SeminarReport>
          rowKey="id"
          size="middle"
          loading={board.loading}
          dataSource={data?.reports ?? []}
          locale={{ emptyText: c?.total ? t('noneMatch') : t('noReports') }}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          rowSelection={office ? { selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]), getCheckboxProps: (r) => ({ disabled: r.status !== 'missing' }) } : undefined}
          data-testid="reports-table"
          columns={[
            {
              title: t('unit'),
              key: 'unit',
              render: (_: unknown, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text>{r.unitName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.unitPath}</Typography.Text>
                </Space>
              ),
            },
            { title: t('county'), dataIndex: 'countyName', width: 120 },
            {
              title: t('status'),
              key: 'status',
              width: 150,
              render: (_: unknown, r) => (
                <Space direction="vertical" size={0}>
                  <StatusTag status={r.status} />
                  {r.note && <Typography.Text type="danger" style={{ fontSize: 12 }}>{t('note')}：{r.note}</Typography.Text>}
                </Space>
              ),
            },
            { title: t('files'), key: 'files', render: (_: unknown, r) => <DocumentLinks files={r.documents} canRemove={office || (own(r) && r.status !== 'accepted')} onRemoved={board.reload} /> },
            { title: t('submittedAt'), key: 'submittedAt', width: 140, render: (_: unknown, r) => chinaTime(r.submittedAt) },
            { title: t('reminders'), key: 'reminders', width: 100, render: (_: unknown, r) => (r.reminders ? t('remindedTimes', { n: r.reminders }) : '—') },
            {
              title: '',
              key: 'actions',
              width: 230,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  {(office || (own(r) && r.status !== 'accepted')) && (
                    <UploadButton<SeminarReport>
                      url={seminar.uploadUrl(cls.id, r.id)}
                      label={own(r) ? t('uploadReport') : t('upload')}
                      primary={own(r)}
                      testId="upload-report"
                      onUploaded={() => {
                        setLastRefusal(null);
                        board.reload();
                      }}
                      onRefused={setLastRefusal}
                    />
                  )}
                  {office && r.status === 'submitted' && (
                    <Button size="small" onClick={() => void act(() => seminar.accept(cls.id, r.id), t('accepted'))} data-testid="accept-report">{t('accept')}</Button>
                  )}
                  {office && r.status !== 'missing' && (
                    <Button size="small" danger onClick={() => setSendingBack(r)} data-testid="send-back">{t('sendBack')}</Button>
                  )}
                  {office && r.status === 'missing' && r.documents.length === 0 && (
                    <Popconfirm title={t('withdrawConfirm', { unit: r.unitName })} okText={t('withdraw')} cancelText={t('cancel')} onConfirm={() => act(() => seminar.withdraw(cls.id, r.id), t('withdrawn'))}>
                      <Button size="small" type="link" danger data-testid="withdraw-report">{t('withdraw')}</Button>
                    </Popconfirm>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {assigning && <AssignModal cls={cls} onDone={(done) => { setAssigning(false); if (done) board.reload(); }} />}
      {sendingBack && <SendBackModal cls={cls} report={sendingBack} onDone={(done) => { setSendingBack(null); if (done) board.reload(); }} />}
    </Card>
  );
}

function AssignModal({ cls, onDone }: { cls: TrainingClass; onDone(done: boolean): void }) {
  const t = useT(seminarMessages);
  const pick = useBilingual();
  const [form] = Form.useForm<{ unit: PickedUnit; title: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await seminar.createReports(cls.id, { unitIds: [v.unit.value], title: v.title?.trim() ?? '' });
      onDone(true);
    } catch (e) {
      setRefusal(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('assignOneTitle')} okText={t('ok')} cancelText={t('cancel')} confirmLoading={busy} onOk={() => void submit().catch(() => undefined)} onCancel={() => onDone(false)} destroyOnHidden>
      <Form form={form} layout="vertical" requiredMark={false} initialValues={{ title: t('reportTitleDefault') }}>
        <Form.Item name="unit" label={t('assignUnit')} rules={[{ required: true, message: t('required') }]}>
          <UnitPicker rootUnitId={cls.rootUnitId} deepest="any" width="100%" />
        </Form.Item>
        <Form.Item name="title" label={t('reportTitle')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} />}
      </Form>
    </Modal>
  );
}

function SendBackModal({ cls, report, onDone }: { cls: TrainingClass; report: SeminarReport; onDone(done: boolean): void }) {
  const t = useT(seminarMessages);
  const pick = useBilingual();
  const [form] = Form.useForm<{ note: string }>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await seminar.sendBack(cls.id, report.id, v.note.trim());
      onDone(true);
    } catch (e) {
      setRefusal(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('sendBackTitle', { unit: report.unitName })}
      okText={t('sendBack')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'send-back-ok' } as Record<`data-${string}`, string>) }}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(false)}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="note" label={t('sendBackNote')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 500 }]}>
          <Input.TextArea rows={3} data-testid="send-back-note" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} />}
      </Form>
    </Modal>
  );
}
