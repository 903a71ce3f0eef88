/** 添加 / 编辑学员: name, unit (down to the village), post and an optional phone. Editing sends only what changed. */
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { Participant, TrainingClass } from '../../api/types.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { trainingMessages } from './messages.js';
import { participantPatch } from './participant-patch.js';
import { UnitPicker, type PickedUnit } from './UnitPicker.js';

interface Values {
  name: string;
  unit: PickedUnit | null;
  post?: string;
  phone?: string;
}

const PHONE = /^[0-9+\- ]{0,20}$/;

export function ParticipantModal({ cls, participant, onDone }: { cls: TrainingClass; participant?: Participant; onDone(saved: boolean): void }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    if (!v.unit) return;
    const name = v.name.trim();
    const post = v.post?.trim() ?? '';
    const phone = v.phone?.trim() ? v.phone.trim() : null;
    setBusy(true);
    setRefusal(null);
    try {
      if (participant) {
        const patch = participantPatch(participant, { name, unitId: v.unit.value, post, phone });
        if (!patch) {
          message.info(t('noChange'));
          onDone(false);
          return;
        }
        await training.patchParticipant(cls.id, participant.id, patch);
      } else {
        await training.addParticipant(cls.id, { name, unitId: v.unit.value, post, phone });
      }
      message.success(t('participantSaved'));
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
      title={participant ? t('editParticipant') : t('addParticipant')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(false)}
      okButtonProps={{ ...({ 'data-testid': 'participant-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={
          participant
            ? { name: participant.name, unit: { value: participant.unitId, label: participant.unitPath }, post: participant.post, phone: participant.phone ?? '' }
            : { unit: null }
        }
      >
        <Form.Item name="name" label={t('personName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}>
          <Input data-testid="participant-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('unit')} rules={[{ required: true, message: t('pickAnyUnit') }]}>
          <UnitPicker rootUnitId={cls.rootUnitId} deepest="any" placeholder={t('pickAnyUnit')} width="100%" testId="participant-unit" />
        </Form.Item>
        <Form.Item name="post" label={t('post')} rules={[{ max: 100 }]}>
          <Input data-testid="participant-post" />
        </Form.Item>
        <Form.Item name="phone" label={t('phone')} rules={[{ pattern: PHONE, message: t('phoneInvalid') }]}>
          <Input inputMode="tel" data-testid="participant-phone" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="participant-error" />}
      </Form>
    </Modal>
  );
}
