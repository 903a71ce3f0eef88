/**
 * 座谈会发言人: the ordered list. The office adds, edits, removes and moves speakers, then saves the whole list at
 * once (the server keeps exactly that order); other roles read it.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../api/error-text.js';
import type { SeminarSpeaker, TrainingClass } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { seminar } from './seminar-api.js';
import { seminarMessages } from './seminar-messages.js';
import { UnitPicker, type PickedUnit } from './UnitPicker.js';

/** A speaker as edited here: an id once saved, the unit with its shown path. */
interface Draft {
  key: string;
  id?: string;
  name: string;
  unit: PickedUnit | null;
  post: string;
  topic: string;
}

const toDraft = (s: SeminarSpeaker): Draft => ({ key: s.id, id: s.id, name: s.name, unit: s.unitId ? { value: s.unitId, label: s.unitName ?? '' } : null, post: s.post, topic: s.topic });

export function SpeakersCard({ cls, office }: { cls: TrainingClass; office: boolean }) {
  const t = useT(seminarMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const loaded = useApi(() => seminar.speakers(cls.id), [cls.id]);
  const [list, setList] = useState<Draft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<Draft | 'new' | null>(null);

  useEffect(() => {
    if (loaded.data) {
      setList(loaded.data.map(toDraft));
      setDirty(false);
    }
  }, [loaded.data]);

  const change = (next: Draft[]) => {
    setList(next);
    setDirty(true);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...list];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    change(next);
  };
  const save = async () => {
    setBusy(true);
    try {
      const saved = await seminar.setSpeakers(cls.id, { speakers: list.map((d) => ({ id: d.id, name: d.name, unitId: d.unit?.value ?? null, post: d.post, topic: d.topic })) });
      setList(saved.map(toDraft));
      setDirty(false);
      message.success(t('speakersSaved'));
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card
      title={t('speakers')}
      extra={
        office && (
          <Space>
            {dirty && <Typography.Text type="warning">{t('unsaved')}</Typography.Text>}
            <Button onClick={() => setEditing('new')} data-testid="add-speaker">{t('addSpeaker')}</Button>
            <Button type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="save-speakers">{t('saveOrder')}</Button>
          </Space>
        )
      }
    >
      {office && <Typography.Paragraph type="secondary">{t('speakersHint')}</Typography.Paragraph>}
      <Table<Draft>
        rowKey="key"
        size="small"
        pagination={false}
        loading={loaded.loading}
        dataSource={list}
        locale={{ emptyText: t('noSpeakers') }}
        data-testid="speakers-table"
        columns={[
          { title: t('order'), key: 'order', width: 60, render: (_: unknown, __: Draft, i: number) => i + 1 },
          { title: t('speakerName'), dataIndex: 'name' },
          { title: t('speakerUnit'), key: 'unit', width: 200, render: (_: unknown, d: Draft) => d.unit?.label || '—' },
          { title: t('post'), dataIndex: 'post', width: 160 },
          { title: t('topic'), dataIndex: 'topic' },
          ...(office
            ? [{
                title: '',
                key: 'actions',
                width: 230,
                render: (_: unknown, d: Draft, i: number) => (
                  <Space size={0}>
                    <Button size="small" type="link" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('moveUp')} data-testid="speaker-up">↑</Button>
                    <Button size="small" type="link" disabled={i === list.length - 1} onClick={() => move(i, 1)} aria-label={t('moveDown')} data-testid="speaker-down">↓</Button>
                    <Button size="small" type="link" onClick={() => setEditing(d)}>{t('edit')}</Button>
                    <Button size="small" type="link" danger onClick={() => change(list.filter((x) => x.key !== d.key))}>{t('remove')}</Button>
                  </Space>
                ),
              }]
            : []),
        ]}
      />
      {editing && (
        <SpeakerModal
          cls={cls}
          speaker={editing === 'new' ? undefined : editing}
          onDone={(d) => {
            setEditing(null);
            if (!d) return;
            change(list.some((x) => x.key === d.key) ? list.map((x) => (x.key === d.key ? d : x)) : [...list, d]);
          }}
        />
      )}
    </Card>
  );
}

function SpeakerModal({ cls, speaker, onDone }: { cls: TrainingClass; speaker?: Draft; onDone(d: Draft | null): void }) {
  const t = useT(seminarMessages);
  const [form] = Form.useForm<{ name: string; unit: PickedUnit | null; post: string; topic: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    onDone({ key: speaker?.key ?? `new-${Date.now()}-${Math.random()}`, id: speaker?.id, name: v.name.trim(), unit: v.unit ?? null, post: v.post.trim(), topic: v.topic.trim() });
  };
  return (
    <Modal
      open
      title={speaker ? t('editSpeaker') : t('addSpeaker')}
      okText={t('ok')}
      cancelText={t('cancel')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(null)}
      okButtonProps={{ ...({ 'data-testid': 'speaker-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" requiredMark={false} initialValues={speaker ?? { unit: null }}>
        <Form.Item name="name" label={t('speakerName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 60 }]}>
          <Input placeholder={t('namePlaceholder')} data-testid="speaker-name" />
        </Form.Item>
        <Form.Item name="unit" label={t('speakerUnit')}>
          <UnitPicker rootUnitId={cls.rootUnitId} deepest="any" placeholder={t('pickUnit')} width="100%" />
        </Form.Item>
        <Form.Item name="post" label={t('post')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 120 }]}>
          <Input data-testid="speaker-post" />
        </Form.Item>
        <Form.Item name="topic" label={t('topic')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input data-testid="speaker-topic" />
        </Form.Item>
        <Alert type="info" showIcon title={t('speakersHint')} />
      </Form>
    </Modal>
  );
}
