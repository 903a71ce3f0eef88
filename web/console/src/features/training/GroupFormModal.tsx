/** A topic group's form: topic and number (a new group), and for one that exists its 汇报人, 成果 text and 优秀成果 mark. */
import { App, Checkbox, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { topicGroups } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { TopicGroupView, TrainingClass } from '../../api/types.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { groupMessages } from './groupMessages.js';

interface Values {
  topic: string;
  position: number | null;
  reporterId: string | null;
  output: string;
  best: boolean;
}

export function GroupFormModal({ cls, group, onDone }: { cls: TrainingClass; group?: TopicGroupView; onDone(saved: boolean): void }) {
  const t = useT(groupMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      if (!group) {
        await topicGroups.add(cls.id, { topic: v.topic.trim(), ...(v.position ? { position: v.position } : {}) });
      } else {
        await topicGroups.patch(cls.id, group.id, { topic: v.topic.trim(), ...(v.position ? { position: v.position } : {}), reporterId: v.reporterId ?? null, output: v.output ?? '', best: v.best });
      }
      message.success(t('saved'));
      onDone(true);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal open title={t(group ? 'editTitle' : 'newTitle')} okText={t('save')} cancelText={t('cancel')} confirmLoading={saving} onOk={() => form.submit()} onCancel={() => onDone(false)} width={group ? 720 : 520} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ topic: group?.topic ?? '', position: group?.position ?? null, reporterId: group?.reporter?.id ?? null, output: group?.output ?? '', best: group?.best ?? false }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="topic" label={t('topic')} rules={[{ required: true, whitespace: true, message: t('topicRequired') }, { max: 200 }]}>
          <Input maxLength={200} data-testid="group-topic" />
        </Form.Item>
        <Form.Item name="position" label={t('position')}>
          <InputNumber min={1} max={999} />
        </Form.Item>
        {group && (
          <>
            <Form.Item name="reporterId" label={t('reporter')}>
              <Select
                allowClear
                placeholder={t('noReporter')}
                options={group.members.map((m) => ({ value: m.id, label: `${m.name ?? ''} · ${m.unitPath}` }))}
                data-testid="group-reporter-select"
              />
            </Form.Item>
            <Form.Item name="output" label={t('output')} extra={t('outputHint')}>
              <Input.TextArea rows={8} maxLength={20_000} showCount data-testid="group-output-input" />
            </Form.Item>
            <Form.Item name="best" valuePropName="checked">
              <Checkbox data-testid="group-best-input">{t('markBest')}</Checkbox>
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
