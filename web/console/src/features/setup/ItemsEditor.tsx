/** 观摩点与案例: items owned by a county, rated by an instrument, rolling up to their county. */
import { Button, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { cases } from '../../api/endpoints.js';
import { useApi } from '../../api/useApi.js';
import { useT } from '../../i18n/I18nProvider.js';
import { paths } from '../../paths.js';
import type { CampaignSetup, Subject } from './api.js';
import { freshId, instrumentForItems, type Edit } from './draft.js';
import { setupMessages } from './messages.js';

export function ItemsEditor({ setup, edit, counties, disabled }: { setup: CampaignSetup; edit: Edit; counties: { id: string; name: string }[]; disabled?: boolean }) {
  const t = useT(setupMessages);
  const items = setup.subjects.filter((s) => s.kind !== 'unit');
  // Which 案例评 items are library cases (none for a set-up not yet saved).
  const links = useApi(() => (setup.id ? cases.links(setup.id).catch(() => []) : Promise.resolve([])), [setup.id]);
  const libraryCase = new Map((links.data ?? []).map((l) => [l.itemId, l]));
  const holder = new Map<string, string>();
  for (const i of setup.instruments) for (const s of i.subjectIds) if (!holder.has(s)) holder.set(s, i.name);
  const add = (kind: 'site' | 'case') =>
    edit((d) => {
      const county = counties[0];
      const target = instrumentForItems(d, kind);
      if (!county || !target) return;
      const id = freshId(kind, d.subjects.map((s) => s.id));
      const n = d.subjects.filter((s) => s.kind === kind).length + 1;
      d.subjects.push({ id, kind, unitId: county.id, name: t(kind === 'site' ? 'siteDefault' : 'caseDefault', { n }) });
      d.instruments.find((i) => i.id === target.id)!.subjectIds.push(id);
    });
  const change = (id: string, fn: (s: Subject) => void) => edit((d) => fn(d.subjects.find((s) => s.id === id)!));
  const remove = (id: string) =>
    edit((d) => {
      d.subjects = d.subjects.filter((s) => s.id !== id);
      for (const i of d.instruments) i.subjectIds = i.subjectIds.filter((s) => s !== id);
    });
  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">{t('items')}</Typography.Text>
      <Table<Subject>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={items}
        columns={[
          { title: t('itemKind'), dataIndex: 'kind', width: 90, render: (k: Subject['kind']) => <Tag color={k === 'site' ? 'blue' : 'purple'}>{t(k as 'site' | 'case')}</Tag> },
          { title: t('itemName'), dataIndex: 'name', render: (v: string, s) => <Input value={v} disabled={disabled} aria-label={t('itemName')} onChange={(e) => change(s.id, (x) => void (x.name = e.target.value))} /> },
          {
            title: t('itemCounty'),
            dataIndex: 'unitId',
            width: 220,
            render: (v: string, s) => (
              <Select value={v} disabled={disabled} style={{ width: 200 }} showSearch optionFilterProp="label" options={counties.map((c) => ({ value: c.id, label: c.name }))} onChange={(u) => change(s.id, (x) => void (x.unitId = u))} />
            ),
          },
          { title: t('itemInstrument'), key: 'instrument', width: 120, render: (_: unknown, s) => holder.get(s.id) ?? '—' },
          {
            title: t('itemLibrary'),
            key: 'library',
            width: 220,
            render: (_: unknown, s) => {
              const l = libraryCase.get(s.id);
              return l ? <Link to={paths.caseDetail(l.caseId)} data-testid="item-library-case">{t('itemLibraryCase', { title: l.caseTitle })}</Link> : '—';
            },
          },
          { title: '', key: 'remove', width: 80, render: (_: unknown, s) => <Button type="link" danger size="small" disabled={disabled} onClick={() => remove(s.id)}>{t('remove')}</Button> },
        ]}
      />
      {!disabled && (
        <Space>
          <Button onClick={() => add('site')} disabled={!instrumentForItems(setup, 'site')}>{t('addSite')}</Button>
          <Button onClick={() => add('case')} disabled={!instrumentForItems(setup, 'case')}>{t('addCase')}</Button>
        </Space>
      )}
    </Flex>
  );
}
