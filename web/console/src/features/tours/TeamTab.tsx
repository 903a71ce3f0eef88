/**
 * 观摩团: the observers, each a seat name (the name sheets are signed with) and a role name, with when their phone was
 * last heard from. The office adds, edits and removes them, and makes a new personal link (the old one stops working).
 */
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import { errorLines, errorText } from '../../api/error-text.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { tourApi } from './api.js';
import { LinkModal } from './LinkModal.js';
import { tourMessages } from './messages.js';
import { SeenAt } from './SeenAt.js';
import type { TourObserver, TourView } from '../../api/types.js';

type Editing = { observer: TourObserver } | 'new' | null;

export function TeamTab({ view, office, onChanged }: { view: TourView; office: boolean; onChanged(): void }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message, modal } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  const [shown, setShown] = useState<{ name: string; link: string } | null>(null);

  const renew = (o: TourObserver) =>
    modal.confirm({
      title: t('renewConfirm', { name: o.name }),
      content: <Typography.Paragraph type="warning" data-testid="renew-warning">{t('renewWarning')}</Typography.Paragraph>,
      okText: t('renewLink'),
      okButtonProps: { danger: true, ...({ 'data-testid': 'renew-ok' } as Record<`data-${string}`, string>) },
      onOk: async () => {
        try {
          const { link } = await tourApi.renewLink(view.id, o.id);
          setShown({ name: o.name, link });
        } catch (e) {
          message.error(errorText(e, pick));
        }
      },
    });

  const remove = async (o: TourObserver) => {
    try {
      await tourApi.removeObserver(view.id, o.id);
      message.success(t('deleted'));
      onChanged();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  return (
    <Card
      title={t('observers')}
      extra={office && <Button type="primary" onClick={() => setEditing('new')} data-testid="add-observer">{t('addObserver')}</Button>}
    >
      <Table<TourObserver>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={view.observers}
        locale={{ emptyText: t('noObservers') }}
        data-testid="observers-table"
        columns={[
          { title: t('seatName'), dataIndex: 'name', width: 180 },
          { title: t('roleName'), dataIndex: 'roleName' },
          { title: t('lastSeen'), dataIndex: 'lastSeenAt', width: 190, render: (v: string | null) => <SeenAt at={v} /> },
          { title: t('lastSynced'), dataIndex: 'lastSyncedAt', width: 190, render: (v: string | null) => <SeenAt at={v} /> },
          ...(office
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 260,
                  render: (_: unknown, o: TourObserver) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing({ observer: o })} data-testid="edit-observer">{t('edit')}</Button>
                      <Button type="link" size="small" onClick={() => renew(o)} data-testid="renew-link">{t('renewLink')}</Button>
                      <Popconfirm title={t('removeObserverConfirm', { name: o.name })} description={t('removeObserverHint')} onConfirm={() => void remove(o)} okButtonProps={{ danger: true }}>
                        <Button type="link" size="small" danger data-testid="remove-observer">{t('remove')}</Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <ObserverModal
          tourId={view.id}
          observer={editing === 'new' ? undefined : editing.observer}
          onDone={(result) => {
            setEditing(null);
            if (!result) return;
            if (result.link) setShown({ name: result.name, link: result.link });
            onChanged();
          }}
        />
      )}
      {shown && <LinkModal observerName={shown.name} link={shown.link} onClose={() => setShown(null)} />}
    </Card>
  );
}

function ObserverModal({ tourId, observer, onDone }: { tourId: string; observer?: TourObserver; onDone(result: { name: string; link?: string } | null): void }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const [form] = Form.useForm<{ name: string; roleName: string }>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<{ title: string; lines: string[] } | null>(null);

  const submit = async (v: { name: string; roleName: string }) => {
    setBusy(true);
    setRefusal(null);
    const input = { name: v.name.trim(), roleName: v.roleName.trim() };
    try {
      if (observer) {
        await tourApi.patchObserver(tourId, observer.id, input);
        onDone({ name: input.name });
      } else {
        const created = await tourApi.addObserver(tourId, input);
        onDone({ name: created.observer.name, link: created.link });
      }
    } catch (e) {
      setRefusal(e instanceof ApiError ? { title: pick(e.messages), lines: errorLines(e, pick) } : { title: String(e), lines: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={observer ? t('editObserver') : t('addObserver')}
      onCancel={() => onDone(null)}
      onOk={() => form.submit()}
      okText={t('save')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'observer-ok' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" initialValues={observer ? { name: observer.name, roleName: observer.roleName } : undefined} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('seatName')} extra={t('seatHint')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}>
          <Input autoFocus data-testid="observer-name" />
        </Form.Item>
        <Form.Item name="roleName" label={t('roleName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 100 }]}>
          <Input placeholder={t('roleHint')} data-testid="observer-role" />
        </Form.Item>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          title={refusal.title}
          description={refusal.lines.length > 0 && <ul style={{ margin: 0, paddingInlineStart: 18 }}>{refusal.lines.map((l) => <li key={l}>{l}</li>)}</ul>}
          data-testid="observer-refusal"
        />
      )}
    </Modal>
  );
}
