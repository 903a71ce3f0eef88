/**
 * 登录锁定: the (username, address) pairs with failed passwords in the last 24 hours, which of them are locked and
 * until when, and a button to lift one (for a colleague who mistyped on a shared computer). Others are never locked.
 */
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import { api } from '../../api/client.js';
import { errorText } from '../../api/error-text.js';
import type { LoginLock } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useLang, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { adminMessages } from './messages.js';

export function LocksPanel() {
  const t = useT(adminMessages);
  const pick = useBilingual();
  const { lang } = useLang();
  const { message } = App.useApp();
  const locks = useApi(() => api.get<LoginLock[]>('/api/accounts/login-locks'), []);
  const when = (iso: string) => new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');

  const lift = async (lock: LoginLock) => {
    try {
      await api.post('/api/accounts/login-locks/lift', { username: lock.username, address: lock.address });
      message.success(t('lockLifted'));
      locks.reload();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  if (locks.error) return <ErrorState error={locks.error} onRetry={locks.reload} />;
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t('locksHelp')}</Typography.Text>
      <Table<LoginLock>
        rowKey={(l) => `${l.username}\n${l.address}`}
        loading={locks.loading}
        dataSource={locks.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('noLocks') }}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('address'), dataIndex: 'address' },
          { title: t('failures'), dataIndex: 'failures', width: 110 },
          { title: t('lastFailed'), dataIndex: 'lastFailedAt', width: 190, render: when },
          {
            title: t('state'),
            key: 'state',
            width: 230,
            render: (_: unknown, l) => (l.locked && l.lockedUntil ? <Tag color="red">{t('lockedUntil')} {when(l.lockedUntil)}</Tag> : <Tag>{t('notLocked')}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            width: 120,
            render: (_: unknown, l) => (
              <Button size="small" onClick={() => lift(l)} data-testid={`lift-${l.username}`}>
                {l.locked ? t('liftLock') : t('forget')}
              </Button>
            ),
          },
        ]}
      />
    </Flex>
  );
}
