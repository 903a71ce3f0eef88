/**
 * 调整成员: the group's members picked from the roster by search (a class has 2,100+ trainees). Someone already in
 * another group shows it; saving moves them only after the office confirms, as the server requires.
 */
import { App, Button, Drawer, Flex, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { topicGroups, training } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { TopicGroupView, TrainingClass } from '../../api/types.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { groupMessages } from './groupMessages.js';
import { useDebounced } from './useDebounced.js';

interface Option {
  value: string;
  label: string;
}

export function GroupMembersDrawer({ cls, group, groups, onDone }: { cls: TrainingClass; group: TopicGroupView; groups: readonly TopicGroupView[]; onDone(saved: boolean): void }) {
  const t = useT(groupMessages);
  const pick = useBilingual();
  const { message, modal } = App.useApp();
  const [chosen, setChosen] = useState<string[]>(group.members.map((m) => m.id));
  const [known, setKnown] = useState<Map<string, Option>>(() => new Map(group.members.map((m) => [m.id, { value: m.id, label: `${m.name ?? ''} · ${m.unitPath}` }])));
  const [found, setFound] = useState<Option[]>([]);
  const [text, setText] = useState('');
  const q = useDebounced(text.trim());
  const [saving, setSaving] = useState(false);
  const groupOf = useMemo(() => new Map(groups.flatMap((g) => g.members.map((m) => [m.id, g] as const))), [groups]);

  useEffect(() => {
    if (!q) return setFound([]);
    const controller = new AbortController();
    training.participants(cls.id, { q, pageSize: 30 }, controller.signal).then(
      (page) => {
        const options = page.items.map((p) => {
          const other = groupOf.get(p.id);
          const suffix = other && other.id !== group.id ? `（${t('inGroup', { n: other.position })}）` : '';
          return { value: p.id, label: `${p.name} · ${p.unitPath}${p.post ? ` · ${p.post}` : ''}${suffix}` };
        });
        setFound(options);
        setKnown((k) => new Map([...k, ...options.map((o) => [o.value, o] as const)]));
      },
      () => undefined,
    );
    return () => controller.abort();
  }, [q, cls.id, groupOf, group.id, t]);

  const options = [...chosen.map((id) => known.get(id)).filter((o): o is Option => o !== undefined), ...found.filter((o) => !chosen.includes(o.value))];

  const save = async (move: boolean) => {
    setSaving(true);
    try {
      await topicGroups.setMembers(cls.id, group.id, chosen, move);
      message.success(t('saved'));
      onDone(true);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setSaving(false);
    }
  };

  const confirm = () => {
    const moving = chosen.filter((id) => {
      const other = groupOf.get(id);
      return other && other.id !== group.id;
    });
    if (moving.length === 0) return void save(false);
    const names = moving.map((id) => known.get(id)?.label.split(' · ')[0] ?? '').join('、');
    modal.confirm({ title: t('moveConfirmTitle'), content: t('moveConfirm', { names }), okText: t('moveOk'), cancelText: t('cancel'), onOk: () => save(true) });
  };

  return (
    <Drawer
      open
      size={640}
      title={t('membersTitle', { topic: group.topic })}
      onClose={() => onDone(false)}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={() => onDone(false)}>{t('cancel')}</Button>
          <Button type="primary" loading={saving} onClick={confirm} data-testid="members-save">{t('save')}</Button>
        </Space>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{t('members', { n: chosen.length })}</Typography.Text>
        <Select
          mode="multiple"
          showSearch={{ filterOption: false, onSearch: setText }}
          value={chosen}
          onChange={setChosen}
          options={options}
          placeholder={t('searchRoster')}
          style={{ width: '100%' }}
          data-testid="members-select"
        />
      </Flex>
    </Drawer>
  );
}
