/** 新增或修改案例: the office's form; the server checks it again and its refusal is shown as said. */
import { Alert, App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { cases } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { CaseView, Unit } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { caseMessages } from './messages.js';

interface Values {
  title: string;
  unitId: string;
  year: number;
  tags: string[];
  summary: string;
  body: string;
  published: boolean;
}

export function CaseFormModal({ editing, onDone }: { editing?: CaseView; onDone(saved: CaseView | null): void }) {
  const t = useT(caseMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const towns = useApi(() => api.get<Unit[]>('/api/units?level=township'), []);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      const input = { title: v.title.trim(), unitId: v.unitId, year: v.year, tags: v.tags ?? [], summary: v.summary ?? '', body: v.body ?? '', published: v.published ?? false };
      const saved = editing ? await cases.update(editing.id, input) : await cases.create(input);
      message.success(t('saved'));
      onDone(saved);
    } catch (e) {
      setRefusal(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      width={720}
      title={editing ? t('editTitle') : t('createTitle')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(null)}
      okButtonProps={{ ...({ 'data-testid': 'case-form-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          editing
            ? { title: editing.title, unitId: editing.unitId, year: editing.year, tags: editing.tags, summary: editing.summary, body: editing.body, published: editing.published }
            : { year: new Date().getFullYear(), tags: [], published: false }
        }
      >
        <Form.Item name="title" label={t('caseTitle')} rules={[{ required: true, whitespace: true, message: t('required') }]}>
          <Input maxLength={200} data-testid="case-title" />
        </Form.Item>
        <Form.Item name="unitId" label={t('unit')} rules={[{ required: true, message: t('required') }]}>
          <Select
            showSearch
            placeholder={t('pickUnit')}
            loading={towns.loading}
            optionFilterProp="label"
            options={(towns.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="case-unit"
          />
        </Form.Item>
        <Form.Item name="year" label={t('year')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
        <Form.Item name="tags" label={t('tags')} extra={t('tagsHelp')}>
          <Select mode="tags" tokenSeparators={[',', '，', ' ']} open={false} />
        </Form.Item>
        <Form.Item name="summary" label={t('summary')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} data-testid="case-summary" />
        </Form.Item>
        <Form.Item name="body" label={t('body')}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={100000} />
        </Form.Item>
        <Form.Item name="published" label={t('published')} valuePropName="checked">
          <Switch data-testid="case-published" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon message={refusal} />}
    </Modal>
  );
}
