/**
 * 签到 page's dialogs: 请假 (the office: a trainee and the reason), 补签 (the office or a clerk: a trainee, the venue,
 * 准时 or 迟到 and the reason, which goes into the audit log) and a venue screen's link. A reason is required and
 * checked here before sending; the server's refusal (a trainee already checked in, a lesson not yet begun) is shown
 * in the dialog.
 */
import { Alert, App, Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { CheckinRecord, Lesson, Participant, ScreenLink, TrainingClass } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { attendanceLabels, trainingMessages } from './messages.js';
import { useDebounced } from './useDebounced.js';

/** A trainee picked by name or code, searched on the server (the roster is too long to list). */
export interface PickedParticipant {
  id: string;
  name: string;
  unitPath: string;
}

function ParticipantSelect({ classId, value, onChange }: { classId: string; value?: string; onChange?(id: string, p: PickedParticipant): void }) {
  const t = useT(trainingMessages);
  const [text, setText] = useState('');
  // Kept so the field still names the trainee once the search that found them is cleared (never their id).
  const [picked, setPicked] = useState<PickedParticipant | null>(null);
  const q = useDebounced(text.trim());
  const found = useApi((signal) => (q ? training.participants(classId, { q, pageSize: 20 }, signal) : Promise.resolve(null)), [classId, q]);
  const items: PickedParticipant[] = (found.data?.items ?? []).map((p: Participant) => ({ id: p.id, name: p.name, unitPath: p.post ? `${p.unitPath} · ${p.post}` : p.unitPath }));
  const options = picked && !items.some((p) => p.id === picked.id) ? [picked, ...items] : items;
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      placeholder={t('pickParticipant')}
      loading={found.loading && q !== ''}
      notFoundContent={q && !found.loading ? t('noParticipants') : null}
      onChange={(id) => {
        const p = options.find((x) => x.id === id);
        if (!p) return;
        setPicked(p);
        onChange?.(id, p);
      }}
      options={options.map((p) => ({ value: p.id, label: `${p.name} · ${p.unitPath}` }))}
      data-testid="participant-select"
    />
  );
}

type Kind = 'leave' | 'late';

interface Values {
  participantId: string;
  venueId?: string;
  status?: 'on_time' | 'late';
  reason: string;
}

/**
 * 请假 or 补签 for one lesson. `preset` fixes the trainee (and venue) when opened from a venue's list; otherwise the
 * trainee is searched.
 */
export function MarkDialog({
  kind,
  cls,
  lesson,
  preset,
  onDone,
}: {
  kind: Kind;
  cls: TrainingClass;
  lesson: Lesson;
  preset?: { participant: PickedParticipant; venueId?: string };
  onDone(record: CheckinRecord | null, participant?: PickedParticipant): void;
}) {
  const t = useT(trainingMessages);
  const ta = useT(attendanceLabels);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [who, setWho] = useState<PickedParticipant | undefined>(preset?.participant);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const venues = cls.venues.filter((v) => lesson.venueIds.includes(v.id));

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      const reason = v.reason.trim();
      const participantId = preset?.participant.id ?? v.participantId;
      const record =
        kind === 'leave'
          ? await training.leave(cls.id, lesson.id, { participantId, reason })
          : await training.lateEntry(cls.id, lesson.id, { participantId, venueId: v.venueId ?? '', status: v.status ?? 'on_time', reason });
      message.success(t('recorded', { name: who?.name ?? '', status: ta(record.status) }));
      onDone(record, who);
    } catch (e) {
      setRefusal(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t(kind === 'leave' ? 'leaveTitle' : 'lateEntryTitle', { lesson: lesson.title })}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(null)}
      okButtonProps={{ ...({ 'data-testid': 'mark-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
    >
      {kind === 'late' && <Typography.Paragraph type="secondary">{t('lateEntryHint')}</Typography.Paragraph>}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ venueId: preset?.venueId ?? venues[0]?.id, status: 'on_time', reason: '' }}
      >
        {preset ? (
          <Form.Item label={t('participant')}>
            <Typography.Text strong data-testid="mark-participant">{`${preset.participant.name} · ${preset.participant.unitPath}`}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item name="participantId" label={t('participant')} rules={[{ required: true, message: t('pickParticipant') }]}>
            <ParticipantSelect classId={cls.id} onChange={(_, p) => setWho(p)} />
          </Form.Item>
        )}
        {kind === 'late' && (
          <>
            <Form.Item name="venueId" label={t('venue')} rules={[{ required: true, message: t('required') }]}>
              <Select options={venues.map((v) => ({ value: v.id, label: v.name }))} data-testid="mark-venue" />
            </Form.Item>
            <Form.Item name="status" label={t('status')}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'on_time', label: ta('on_time') },
                  { value: 'late', label: ta('late') },
                ]}
                data-testid="mark-status"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, message: t('reasonRequired') }, { max: 500 }]}>
          <Input.TextArea rows={3} placeholder={t(kind === 'leave' ? 'leaveReasonPlaceholder' : 'lateReasonPlaceholder')} data-testid="mark-reason" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="mark-error" />}
      </Form>
    </Modal>
  );
}

/** A venue screen's address, to open here or send to the venue's big-screen computer. */
export function ScreenLinkDialog({ venueName, link, onClose }: { venueName: string; link: ScreenLink; onClose(): void }) {
  const t = useT(trainingMessages);
  return (
    <Modal
      open
      title={t('screenTitle', { venue: venueName })}
      onCancel={onClose}
      footer={<Button type="primary" href={link.url} target="_blank" rel="noreferrer" data-testid="screen-open">{t('openScreen')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('screenHint')}</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: link.url }} data-testid="screen-url" style={{ wordBreak: 'break-all' }}>
        {link.url}
      </Typography.Paragraph>
    </Modal>
  );
}
