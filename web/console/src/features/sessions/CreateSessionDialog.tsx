/**
 * 新建测评会: name, instruments and agenda; per rater group the expected raters and the paper sheets already handed
 * out; optionally the head count. Codes printed later count as issued by themselves.
 */
import { App, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { CampaignWithDefinition } from '../../api/types.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { sessionApi } from './api.js';
import { countLabels, sessionMessages } from './messages.js';

type Definition = CampaignWithDefinition['definition'];

interface Values {
  name: string;
  instrumentIds: string[];
  agenda?: string[];
  expected?: Record<string, number | null>;
  paperIssued?: Record<string, number | null>;
  present?: number | null;
}

export function CreateSessionDialog({ campaignId, definition, onDone }: { campaignId: string; definition: Definition; onDone(created: boolean): void }) {
  const t = useT(sessionMessages);
  const tc = useT(countLabels);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const chosen = Form.useWatch('instrumentIds', form) ?? [];
  const instruments = definition.instruments.filter((i) => chosen.includes(i.id));
  const groups = [...new Set(instruments.flatMap((i) => i.groupWeights.map((g) => g.groupId)))];
  const subjectIds = new Set(instruments.flatMap((i) => i.subjectIds));
  const groupName = new Map(definition.raterGroups.map((g) => [g.id, g.name]));
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const expected = Object.fromEntries(groups.map((g) => [g, v.expected?.[g] ?? 0]));
      const paperIssued = Object.fromEntries(groups.map((g) => [g, v.paperIssued?.[g] ?? 0]).filter(([, n]) => (n as number) > 0));
      await sessionApi.create(campaignId, {
        name: v.name,
        instrumentIds: v.instrumentIds,
        agenda: v.agenda?.length ? v.agenda : null,
        expected,
        paperIssued,
        present: v.present ?? null,
      });
      message.success(t('created'));
      onDone(true);
    } catch (e) {
      message.error(e instanceof ApiError ? pick(e.messages) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('create')}
      onCancel={() => onDone(false)}
      onOk={submit}
      confirmLoading={busy}
      width={720}
      okButtonProps={{ 'data-testid': 'create-session-ok' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="name" label={t('sessionName')} rules={[{ required: true }]}>
          <Input placeholder={t('namePlaceholder')} data-testid="session-name" />
        </Form.Item>
        <Form.Item name="instrumentIds" label={t('instruments')} rules={[{ required: true }]}>
          <Select mode="multiple" options={definition.instruments.filter((i) => i.subjectIds.length > 0).map((i) => ({ value: i.id, label: i.name }))} data-testid="session-instruments" />
        </Form.Item>
        <Form.Item name="agenda" label={t('agenda')}>
          <Select mode="multiple" allowClear optionFilterProp="label" maxTagCount={8} options={definition.subjects.filter((s) => subjectIds.has(s.id)).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        {groups.length > 0 && (
          <Card size="small" title={t('perGroup')} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('perGroupHint')}</Typography.Paragraph>
            <Table
              size="small"
              rowKey={(g) => g}
              pagination={false}
              dataSource={groups}
              data-testid="session-groups"
              columns={[
                { title: t('group'), key: 'name', render: (_: unknown, g: string) => groupName.get(g) ?? '' },
                {
                  title: tc('expected'),
                  key: 'expected',
                  render: (_: unknown, g: string) => (
                    <Form.Item name={['expected', g]} initialValue={10} rules={[{ required: true }]} style={{ margin: 0 }}>
                      <InputNumber min={0} max={1_000_000} precision={0} aria-label={`${tc('expected')} ${groupName.get(g) ?? ''}`} />
                    </Form.Item>
                  ),
                },
                {
                  title: tc('paperIssued'),
                  key: 'paper',
                  render: (_: unknown, g: string) => (
                    <Form.Item name={['paperIssued', g]} initialValue={0} style={{ margin: 0 }}>
                      <InputNumber min={0} max={1_000_000} precision={0} aria-label={`${tc('paperIssued')} ${groupName.get(g) ?? ''}`} />
                    </Form.Item>
                  ),
                },
              ]}
            />
          </Card>
        )}
        <Flex vertical>
          <Form.Item name="present" label={t('presentOptional')} extra={t('presentHint')} style={{ marginBottom: 0 }}>
            <InputNumber min={0} max={1_000_000} precision={0} data-testid="session-present-input" />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
