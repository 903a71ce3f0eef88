/**
 * 学员名单: searched, filtered by unit (county → township) and paged on the server — a class has 2,100+ trainees.
 * The office and clerks add and fix trainees and print the roster with personal codes; the office imports a file.
 * A county viewer sees its own county, without phones or personal codes.
 */
import { App, Button, Card, Flex, Input, Table, Typography } from 'antd';
import { useState } from 'react';
import { training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { Participant, TrainingClass } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { fillPrintable } from './files.js';
import { ImportDrawer } from './ImportDrawer.js';
import { trainingMessages } from './messages.js';
import { ParticipantModal } from './ParticipantModal.js';
import { rolesOf } from './roles.js';
import { UnitPicker, type PickedUnit } from './UnitPicker.js';
import { useDebounced } from './useDebounced.js';

export function RosterTab({ cls, onChanged }: { cls: TrainingClass; onChanged(): void }) {
  const t = useT(trainingMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [unit, setUnit] = useState<PickedUnit | null>(null);
  // The page belongs to one search and filter: a new one starts from the first page.
  const filterKey = `${q}\u0000${unit?.value ?? ''}`;
  const [paged, setPaged] = useState({ key: filterKey, page: 1, pageSize: 50 });
  const paging = { page: paged.key === filterKey ? paged.page : 1, pageSize: paged.pageSize };
  const [editing, setEditing] = useState<Participant | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const roster = useApi(
    (signal) => training.participants(cls.id, { q: q || undefined, unitId: unit?.value, page: paging.page, pageSize: paging.pageSize }, signal),
    [cls.id, q, unit?.value, paging.page, paging.pageSize],
  );

  const print = async () => {
    const win = window.open('', '_blank');
    if (!win) {
      message.error(t('popupBlocked'));
      return;
    }
    try {
      await fillPrintable(win, training.rosterHtmlUrl(cls.id, unit?.value));
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  if (roster.error && !roster.data) return <ErrorState error={roster.error} onRetry={roster.reload} />;
  return (
    <Card>
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <Input.Search allowClear placeholder={t(can.viewer ? 'searchViewer' : 'search')} value={text} onChange={(e) => setText(e.target.value)} style={{ width: 280 }} data-testid="roster-search" />
          <UnitPicker rootUnitId={cls.rootUnitId} deepest="township" value={unit} onChange={setUnit} placeholder={t('filterUnit')} testId="roster-unit" />
        </Flex>
        <Flex gap={8} wrap>
          {can.counting && <Button onClick={() => setEditing('new')} data-testid="add-participant">{t('addParticipant')}</Button>}
          {can.edit && <Button onClick={() => setImporting(true)} data-testid="import-roster">{t('importRoster')}</Button>}
          {can.counting && <Button onClick={() => void print()} data-testid="print-roster">{t('printRoster')}</Button>}
        </Flex>
      </Flex>
      <Table<Participant>
        rowKey="id"
        size="small"
        loading={roster.loading}
        dataSource={roster.data?.items ?? []}
        locale={{ emptyText: t('noParticipants') }}
        data-testid="roster-table"
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: roster.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (n) => <span data-testid="roster-total">{t('totalN', { n: n.toLocaleString() })}</span>,
          onChange: (page, pageSize) => setPaged({ key: filterKey, page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        columns={[
          { title: t('personName'), dataIndex: 'name', width: 140, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { title: t('unit'), dataIndex: 'unitPath' },
          { title: t('post'), dataIndex: 'post', width: 200, render: (p: string) => p || '—' },
          ...(can.viewer
            ? []
            : [
                { title: t('phone'), dataIndex: 'phone', width: 150, render: (p: string | null) => p || '—' },
                { title: t('code'), dataIndex: 'code', width: 130, render: (c: string | null) => (c ? <Typography.Text code copyable>{c}</Typography.Text> : '—') },
              ]),
          ...(can.counting
            ? [{ title: '', key: 'edit', width: 80, render: (_: unknown, p: Participant) => <Button size="small" type="link" onClick={() => setEditing(p)} data-testid="edit-participant">{t('edit')}</Button> }]
            : []),
        ]}
      />
      {editing && (
        <ParticipantModal
          cls={cls}
          participant={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) {
              roster.reload();
              onChanged();
            }
          }}
        />
      )}
      {importing && (
        <ImportDrawer
          cls={cls}
          onDone={(imported) => {
            setImporting(false);
            if (imported) {
              roster.reload();
              onChanged();
            }
          }}
        />
      )}
    </Card>
  );
}
