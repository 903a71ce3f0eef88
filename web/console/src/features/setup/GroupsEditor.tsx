/** 测评组: name and mode; a group still weighted somewhere cannot be removed. */
import { Button, Input, Select, Table, Tooltip } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';
import type { CampaignSetup } from './api.js';
import { freshId, type Edit } from './draft.js';
import { setupMessages } from './messages.js';

type Group = CampaignSetup['raterGroups'][number];

export function GroupsEditor({ setup, edit, disabled }: { setup: CampaignSetup; edit: Edit; disabled?: boolean }) {
  const t = useT(setupMessages);
  const used = new Set(setup.instruments.flatMap((i) => i.groupWeights.map((g) => g.groupId)));
  const change = (id: string, fn: (g: Group) => void) => edit((d) => fn(d.raterGroups.find((g) => g.id === id)!));
  return (
    <>
      <Table<Group>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={setup.raterGroups}
        columns={[
          { title: t('groupName'), dataIndex: 'name', render: (v: string, g) => <Input value={v} disabled={disabled} onChange={(e) => change(g.id, (x) => void (x.name = e.target.value))} /> },
          {
            title: t('groupMode'),
            dataIndex: 'mode',
            width: 140,
            render: (v: Group['mode'], g) => (
              <Select value={v} disabled={disabled} style={{ width: 110 }} onChange={(m) => change(g.id, (x) => void (x.mode = m))} options={[{ value: 'anonymous', label: t('anonymous') }, { value: 'named', label: t('named') }]} />
            ),
          },
          {
            title: '',
            key: 'remove',
            width: 90,
            render: (_: unknown, g) => (
              <Tooltip title={used.has(g.id) ? t('groupInUse') : undefined}>
                <Button type="link" danger size="small" disabled={disabled || used.has(g.id)} onClick={() => edit((d) => void (d.raterGroups = d.raterGroups.filter((x) => x.id !== g.id)))}>
                  {t('remove')}
                </Button>
              </Tooltip>
            ),
          },
        ]}
      />
      {!disabled && (
        <Button style={{ marginTop: 8 }} onClick={() => edit((d) => void d.raterGroups.push({ id: freshId('g', d.raterGroups.map((g) => g.id)), name: t('groupDefault', { n: d.raterGroups.length + 1 }), mode: 'anonymous' }))}>
          {t('addGroup')}
        </Button>
      )}
    </>
  );
}
