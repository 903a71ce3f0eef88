/**
 * 新建 / 编辑培训班: name, the campaign it belongs to (or standalone, for a city), its dates, the grace for lateness and
 * the share of the hours a late arrival earns. Editing changes only what was changed; the campaign and city stay.
 */
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { endpoints, training } from '../../api/endpoints.js';
import { api } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import type { ClassPatch, TrainingClass, Unit } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { trainingMessages } from './messages.js';

interface Values {
  name: string;
  belongs: 'campaign' | 'standalone';
  campaignId?: string;
  rootUnitId?: string;
  dates: [Dayjs, Dayjs];
  graceMinutes: number;
  lateSharePercent: number;
}

const DAY = 'YYYY-MM-DD';

export function ClassFormModal({ editing, onDone }: { editing?: TrainingClass; onDone(saved: TrainingClass | null): void }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const belongs = Form.useWatch('belongs', form) ?? 'campaign';
  const campaigns = useApi(() => (editing ? Promise.resolve([]) : endpoints.campaigns()), [editing]);
  const regions = useApi(
    async () => (editing ? [] : [...(await api.get<Unit[]>('/api/units?level=city')), ...(await api.get<Unit[]>('/api/units?level=province'))]),
    [editing],
  );

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      const startsOn = v.dates[0].format(DAY);
      const endsOn = v.dates[1].format(DAY);
      let saved: TrainingClass;
      if (editing) {
        const patch: ClassPatch = {};
        if (v.name.trim() !== editing.name) patch.name = v.name.trim();
        if (startsOn !== editing.startsOn) patch.startsOn = startsOn;
        if (endsOn !== editing.endsOn) patch.endsOn = endsOn;
        if (v.graceMinutes !== editing.graceMinutes) patch.graceMinutes = v.graceMinutes;
        if (v.lateSharePercent !== editing.lateSharePercent) patch.lateSharePercent = v.lateSharePercent;
        if (Object.keys(patch).length === 0) {
          message.info(t('noChange'));
          onDone(null);
          return;
        }
        saved = await training.patch(editing.id, patch);
        message.success(t('saved'));
      } else {
        saved = await training.create({
          name: v.name.trim(),
          campaignId: v.belongs === 'campaign' ? (v.campaignId ?? null) : null,
          ...(v.rootUnitId ? { rootUnitId: v.rootUnitId } : {}),
          startsOn,
          endsOn,
          graceMinutes: v.graceMinutes,
          lateSharePercent: v.lateSharePercent,
        });
        message.success(t('created'));
      }
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
      width={620}
      title={editing ? t('editClass') : t('createTitle')}
      okText={editing ? t('save') : t('create')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(null)}
      okButtonProps={{ ...({ 'data-testid': 'class-form-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          editing
            ? { name: editing.name, belongs: editing.campaignId ? 'campaign' : 'standalone', dates: [dayjs(editing.startsOn), dayjs(editing.endsOn)], graceMinutes: editing.graceMinutes, lateSharePercent: editing.lateSharePercent }
            : { belongs: 'campaign', graceMinutes: 10, lateSharePercent: 50 }
        }
      >
        <Form.Item name="name" label={t('className')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input placeholder={t('classNamePlaceholder')} data-testid="class-name" />
        </Form.Item>
        {!editing && (
          <>
            <Form.Item name="belongs" label={t('belongsTo')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'campaign', label: t('linked') },
                  { value: 'standalone', label: t('standalone') },
                ]}
                data-testid="class-belongs"
              />
            </Form.Item>
            <Space wrap size={16} align="start">
              {belongs === 'campaign' && (
                <Form.Item name="campaignId" label={t('campaign')} rules={[{ required: true, message: t('pickCampaign') }]}>
                  <Select
                    style={{ width: 300 }}
                    showSearch
                    optionFilterProp="label"
                    placeholder={t('pickCampaign')}
                    loading={campaigns.loading}
                    options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                    data-testid="class-campaign"
                  />
                </Form.Item>
              )}
              <Form.Item
                name="rootUnitId"
                label={t('city')}
                rules={belongs === 'standalone' ? [{ required: true, message: t('pickCity') }] : []}
                extra={belongs === 'campaign' ? t('cityFromCampaign') : undefined}
              >
                <Select
                  style={{ width: 220 }}
                  showSearch
                  allowClear
                  optionFilterProp="label"
                  placeholder={t('pickCity')}
                  loading={regions.loading}
                  options={(regions.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
                  data-testid="class-city"
                />
              </Form.Item>
            </Space>
          </>
        )}
        <Form.Item name="dates" label={t('classDates')} rules={[{ required: true, message: t('required') }]}>
          <DatePicker.RangePicker format={DAY} data-testid="class-dates" />
        </Form.Item>
        <Space wrap size={16} align="start">
          <Form.Item name="graceMinutes" label={t('graceMinutes')} extra={t('graceHint')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={240} precision={0} style={{ width: 160 }} data-testid="class-grace" />
          </Form.Item>
          <Form.Item name="lateSharePercent" label={t('lateShare')} extra={t('lateShareHint')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={0} max={100} precision={0} style={{ width: 160 }} data-testid="class-late-share" />
          </Form.Item>
        </Space>
        {refusal && <Alert type="error" showIcon title={t('serverRefused')} description={refusal} data-testid="class-form-error" />}
      </Form>
    </Modal>
  );
}
