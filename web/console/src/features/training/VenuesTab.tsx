/**
 * 会场: where lessons are attended (the city's and the counties' party schools). A venue's unit decides who is expected
 * there for a 同步课堂: the trainees of that unit and below. The office adds and edits venues.
 */
import { Alert, App, Button, Card, Form, Input, Modal, Select, Table } from 'antd';
import { useState } from 'react';
import { api } from '../../api/client.js';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { TrainingClass, Unit, Venue } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { trainingMessages } from './messages.js';
import { rolesOf } from './roles.js';

export function VenuesTab({ cls, onChanged }: { cls: TrainingClass; onChanged(): void }) {
  const t = useT(trainingMessages);
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const [editing, setEditing] = useState<Venue | 'new' | null>(null);
  const lessonsAt = (venueId: string) => cls.agenda.filter((l) => l.venueIds.includes(venueId)).length;
  return (
    <Card
      title={t('tabVenues')}
      extra={can.edit && <Button type="primary" onClick={() => setEditing('new')} data-testid="add-venue">{t('addVenue')}</Button>}
    >
      <Table<Venue>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={cls.venues}
        locale={{ emptyText: t('noVenues') }}
        data-testid="venues-table"
        columns={[
          { title: t('venueName'), dataIndex: 'name' },
          { title: t('venueUnit'), dataIndex: 'unitName', width: 200, render: (n: string | null) => n ?? '—' },
          { title: t('address'), dataIndex: 'address', render: (a: string) => a || '—' },
          { title: t('venueLessons'), key: 'lessons', width: 90, align: 'right', render: (_: unknown, v) => lessonsAt(v.id) },
          ...(can.edit
            ? [{ title: '', key: 'edit', width: 90, render: (_: unknown, v: Venue) => <Button size="small" type="link" onClick={() => setEditing(v)}>{t('edit')}</Button> }]
            : []),
        ]}
      />
      {editing && (
        <VenueModal
          cls={cls}
          venue={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) onChanged();
          }}
        />
      )}
    </Card>
  );
}

interface Values {
  name: string;
  unitId?: string | null;
  address?: string;
}

function VenueModal({ cls, venue, onDone }: { cls: TrainingClass; venue?: Venue; onDone(saved: boolean): void }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The city itself (its party school) and its counties.
  const units = useApi(async () => [{ id: cls.rootUnitId, name: cls.rootUnitName }, ...(await api.get<Unit[]>(`/api/units?parent=${encodeURIComponent(cls.rootUnitId)}`))], [cls.rootUnitId]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setRefusal(null);
    try {
      const input = { name: v.name.trim(), unitId: v.unitId ?? null, address: v.address?.trim() ?? '' };
      if (venue) await training.putVenue(cls.id, venue.id, input);
      else await training.addVenue(cls.id, input);
      message.success(t('venueSaved'));
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
      title={venue ? t('editVenue') : t('addVenue')}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={busy}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => onDone(false)}
      okButtonProps={{ ...({ 'data-testid': 'venue-ok' } as Record<`data-${string}`, string>) }}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={venue ? { name: venue.name, unitId: venue.unitId, address: venue.address } : {}}>
        <Form.Item name="name" label={t('venueName')} rules={[{ required: true, whitespace: true, message: t('required') }, { max: 200 }]}>
          <Input placeholder={t('venueNamePlaceholder')} data-testid="venue-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t('venueUnit')} extra={t('venueUnitHint')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('pickUnit')}
            loading={units.loading}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            data-testid="venue-unit"
          />
        </Form.Item>
        <Form.Item name="address" label={t('address')} rules={[{ max: 300 }]}>
          <Input data-testid="venue-address" />
        </Form.Item>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="venue-error" />}
      </Form>
    </Modal>
  );
}
