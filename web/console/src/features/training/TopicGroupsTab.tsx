/**
 * 研讨组 (命题式研讨): the class's groups in order — topic, 汇报人, members, the written 成果 and the 优秀成果 mark. The
 * office adds and edits groups, picks members from the roster (a trainee in another group is moved only on
 * confirmation) and imports a group list; every other role reads. A county viewer sees members of other counties by
 * unit only.
 */
import { App, Button, Card, Empty, Flex, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { topicGroups } from '../../api/endpoints.js';
import { errorText } from '../../api/error-text.js';
import type { GroupMember, TopicGroupView, TrainingClass } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { GroupDocuments } from './GroupDocuments.js';
import { GroupFormModal } from './GroupFormModal.js';
import { GroupImportDrawer } from './GroupImportDrawer.js';
import { GroupMembersDrawer } from './GroupMembersDrawer.js';
import { groupMessages } from './groupMessages.js';
import { rolesOf } from './roles.js';

export function TopicGroupsTab({ cls }: { cls: TrainingClass }) {
  const t = useT(groupMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const { me } = useAuth();
  const can = rolesOf(me?.role);
  const list = useApi((signal) => topicGroups.list(cls.id, signal), [cls.id]);
  const [editing, setEditing] = useState<TopicGroupView | 'new' | null>(null);
  const [picking, setPicking] = useState<TopicGroupView | null>(null);
  const [importing, setImporting] = useState(false);

  if (list.error && !list.data) return <ErrorState error={list.error} onRetry={list.reload} />;
  const groups = list.data?.groups ?? [];

  const remove = async (g: TopicGroupView) => {
    try {
      await topicGroups.remove(cls.id, g.id);
      message.success(t('removed'));
      list.reload();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  const who = (m: GroupMember) => (m.name ?? `${m.unitPath}${m.post ? ` ${m.post}` : ''}${t('hiddenMember')}`);

  return (
    <Flex vertical gap={16} data-testid="groups-tab">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text type="secondary">
          {t('intro')} {list.data && <span data-testid="groups-ungrouped">{t('ungrouped', { n: list.data.ungrouped })}</span>}
        </Typography.Text>
        {can.edit && (
          <Space wrap>
            <Button onClick={() => setImporting(true)} data-testid="import-groups">{t('importGroups')}</Button>
            <Button type="primary" onClick={() => setEditing('new')} data-testid="add-group">{t('addGroup')}</Button>
          </Space>
        )}
      </Flex>
      {list.data && groups.length === 0 && <Card><Empty description={t('none')} /></Card>}
      {groups.map((g) => (
        <Card
          key={g.id}
          size="small"
          loading={list.loading && !list.data}
          data-testid="group-card"
          title={
            <Space wrap>
              <span>{t('groupTitle', { n: g.position, topic: g.topic })}</span>
              {g.best && <Tag color="gold" data-testid="group-best">{t('best')}</Tag>}
            </Space>
          }
          extra={
            can.edit && (
              <Space size={0} wrap>
                <Button type="link" size="small" onClick={() => setPicking(g)} data-testid="group-members">{t('editMembers')}</Button>
                <Button type="link" size="small" onClick={() => setEditing(g)} data-testid="group-edit">{t('edit')}</Button>
                <Popconfirm title={t('removeConfirm')} onConfirm={() => void remove(g)}>
                  <Button type="link" size="small" danger>{t('remove')}</Button>
                </Popconfirm>
              </Space>
            )
          }
        >
          <Flex vertical gap={8}>
            <div>
              <Typography.Text type="secondary">{t('reporter')}：</Typography.Text>
              {g.reporter ? <Typography.Text strong data-testid="group-reporter">{who(g.reporter)}</Typography.Text> : <Typography.Text type="secondary">{t('noReporter')}</Typography.Text>}
            </div>
            <div>
              <Typography.Text type="secondary">{t('members', { n: g.members.length })}：</Typography.Text>
              {g.members.length === 0 ? (
                <Typography.Text type="secondary">{t('noMembers')}</Typography.Text>
              ) : (
                <Flex gap={4} wrap style={{ marginTop: 4 }}>
                  {g.members.map((m) => (
                    <Tag key={m.id} color={g.reporter?.id === m.id ? 'red' : undefined} title={`${m.unitPath}${m.post ? ` · ${m.post}` : ''}`}>{who(m)}</Tag>
                  ))}
                </Flex>
              )}
            </div>
            <div>
              <Typography.Text type="secondary">{t('output')}：</Typography.Text>
              {g.output ? (
                <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }} data-testid="group-output">{g.output}</Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('noOutput')}</Typography.Text>
              )}
            </div>
            {/* The output's attachments: the office's only (docs/training.md). */}
            {can.edit && <GroupDocuments classId={cls.id} groupId={g.id} />}
          </Flex>
        </Card>
      ))}
      {editing && (
        <GroupFormModal
          cls={cls}
          group={editing === 'new' ? undefined : editing}
          onDone={(saved) => {
            setEditing(null);
            if (saved) list.reload();
          }}
        />
      )}
      {picking && (
        <GroupMembersDrawer
          cls={cls}
          group={picking}
          groups={groups}
          onDone={(saved) => {
            setPicking(null);
            if (saved) list.reload();
          }}
        />
      )}
      {importing && (
        <GroupImportDrawer
          cls={cls}
          onDone={(imported) => {
            setImporting(false);
            if (imported) list.reload();
          }}
        />
      )}
    </Flex>
  );
}
