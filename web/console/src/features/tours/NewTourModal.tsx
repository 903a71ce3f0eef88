/**
 * 新建观摩: a name and the session whose 观摩评 instrument the tour scores. The server picks the instrument with site
 * subjects and its observers' group when the session has exactly one; otherwise it says why, shown here.
 */
import { Alert, App, Form, Input, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { endpoints } from '../../api/endpoints.js';
import { errorLines } from '../../api/error-text.js';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { tourApi } from './api.js';
import { statusColor, statusLabel, tourMessages } from './messages.js';
import type { TourView } from '../../api/types.js';

interface Values {
  name: string;
  sessionId: string;
}

export function NewTourModal({ campaignId, onDone }: { campaignId: string; onDone(created: TourView | null): void }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const sessions = useApi(() => endpoints.sessions(campaignId), [campaignId]);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);

  const submit = async (v: Values) => {
    setBusy(true);
    setRefusal(null);
    try {
      const created = await tourApi.create(campaignId, { name: v.name.trim(), sessionId: v.sessionId });
      message.success(t('created'));
      onDone(created);
    } catch (e) {
      setRefusal(e instanceof ApiError ? { title: pick(e.messages), lines: errorLines(e, pick) } : { title: String(e), lines: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('createTitle')}
      onCancel={() => onDone(null)}
      onOk={() => form.submit()}
      okText={t('create')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'tour-form-ok' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('tourName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input placeholder={t('tourNamePlaceholder')} data-testid="tour-name" autoFocus />
        </Form.Item>
        <Form.Item name="sessionId" label={t('session')} extra={t('sessionHint')} rules={[{ required: true, message: t('required') }]}>
          <Select
            loading={sessions.loading}
            placeholder={t('pickSession')}
            data-testid="tour-session"
            options={(sessions.data ?? []).map((s) => ({
              value: s.id,
              label: <>{s.name} <Tag color={statusColor[s.status]}>{t(statusLabel[s.status])}</Tag></>,
            }))}
          />
        </Form.Item>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.title}
          description={refusal.lines.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.lines.map((l) => <li key={l}>{l}</li>)}</ul>}
          data-testid="tour-form-refusal"
        />
      )}
    </Modal>
  );
}
