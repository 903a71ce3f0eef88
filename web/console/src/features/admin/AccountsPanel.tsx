/** 账号: list, create (a generated password and the token are shown once), disable/enable, reset the password. */
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { api, request } from '../../api/client.js';
import type { AccountView, Credentials, PasswordReset, Role, Unit } from '../../api/types.js';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useLang, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { adminMessages } from './messages.js';
import { errorText } from '../../api/error-text.js';

const ROLE_LABEL = { admin: 'roleAdmin', organiser: 'roleOrganiser', clerk: 'roleClerk', viewer: 'roleViewer' } as const;
const ROLE_COLOR = { admin: 'red', organiser: 'blue', clerk: 'cyan', viewer: 'default' } as const;

export function AccountsPanel() {
  const t = useT(adminMessages);
  const pick = useBilingual();
  const { lang } = useLang();
  const { message } = App.useApp();
  const accounts = useApi(() => api.get<AccountView[]>('/api/accounts'), []);
  const units = useApi(async () => [...(await api.get<Unit[]>('/api/units?level=city')), ...(await api.get<Unit[]>('/api/units?level=county')), ...(await api.get<Unit[]>('/api/units?level=township'))], []);
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<{ username: string; password?: string; accessToken?: string } | null>(null);

  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      accounts.reload();
    } catch (e) {
      message.error(errorText(e, pick));
    }
  };

  if (accounts.error) return <ErrorState error={accounts.error} onRetry={accounts.reload} />;
  return (
    <Flex vertical gap={12}>
      <Button type="primary" style={{ alignSelf: 'flex-start' }} onClick={() => setCreating(true)} data-testid="new-account">{t('create')}</Button>
      <Table<AccountView>
        rowKey="id"
        loading={accounts.loading}
        dataSource={accounts.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('username'), dataIndex: 'username' },
          { title: t('displayName'), dataIndex: 'displayName' },
          { title: t('role'), dataIndex: 'role', width: 150, render: (r: Role) => <Tag color={ROLE_COLOR[r]}>{t(ROLE_LABEL[r])}</Tag> },
          { title: t('unit'), dataIndex: 'unitId', render: (u: string | null) => (u ? unitName.get(u) ?? u : '—') },
          { title: t('state'), dataIndex: 'disabled', width: 90, render: (d: boolean) => (d ? <Tag>{t('disabled')}</Tag> : <Tag color="green">{t('active')}</Tag>) },
          { title: t('created'), dataIndex: 'createdAt', width: 180, render: (d: string) => new Date(d).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB') },
          {
            title: '',
            key: 'actions',
            width: 200,
            render: (_: unknown, a) => (
              <Space size={4}>
                {a.disabled ? (
                  <Button size="small" onClick={() => act(() => request('PATCH', `/api/accounts/${a.id}`, { disabled: false }))}>{t('enable')}</Button>
                ) : (
                  <Popconfirm title={t('confirmDisable')} onConfirm={() => act(() => request('PATCH', `/api/accounts/${a.id}`, { disabled: true }))}>
                    <Button size="small" danger>{t('disable')}</Button>
                  </Popconfirm>
                )}
                <Popconfirm
                  title={t('confirmReset')}
                  onConfirm={() => act(async () => {
                    const r = await api.post<PasswordReset>(`/api/accounts/${a.id}/password`, {});
                    setSecret({ username: a.username, password: r.password });
                  })}
                >
                  <Button size="small">{t('reset')}</Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {creating && (
        <CreateAccount
          units={units.data ?? []}
          onClose={(created) => {
            setCreating(false);
            if (created) {
              setSecret({ username: created.username, password: created.password, accessToken: created.accessToken });
              accounts.reload();
            }
          }}
        />
      )}
      <Modal open={secret !== null} title={secret?.username} onCancel={() => setSecret(null)} footer={<Button type="primary" onClick={() => setSecret(null)}>{t('done')}</Button>}>
        <Typography.Paragraph type="warning">{t('shownOnce')}</Typography.Paragraph>
        {secret?.password && <Typography.Paragraph>{t('password')}：<Typography.Text code copyable data-testid="shown-password">{secret.password}</Typography.Text></Typography.Paragraph>}
        {secret?.accessToken && <Typography.Paragraph>{t('token')}：<Typography.Text code copyable style={{ wordBreak: 'break-all' }}>{secret.accessToken}</Typography.Text></Typography.Paragraph>}
      </Modal>
    </Flex>
  );
}

function CreateAccount({ units, onClose }: { units: Unit[]; onClose(created: Credentials | null): void }) {
  const t = useT(adminMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ username: string; displayName: string; role: Role; unitId?: string; password?: string }>();
  const role = Form.useWatch('role', form);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const created = await api.post<Credentials>('/api/accounts', { username: v.username, displayName: v.displayName, role: v.role, unitId: v.role === 'viewer' ? v.unitId ?? null : null, ...(v.password ? { password: v.password } : {}) });
      onClose(created);
    } catch (e) {
      message.error(errorText(e, pick));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={t('create')} onCancel={() => onClose(null)} onOk={submit} confirmLoading={busy}>
      <Form form={form} layout="vertical" initialValues={{ role: 'organiser' }}>
        <Form.Item name="username" label={t('username')} rules={[{ required: true, pattern: /^[a-z0-9_.-]{2,40}$/ }]}>
          <Input placeholder="zezhou" />
        </Form.Item>
        <Form.Item name="displayName" label={t('displayName')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('role')} rules={[{ required: true }]}>
          <Select options={(['admin', 'organiser', 'clerk', 'viewer'] as const).map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} />
        </Form.Item>
        {role === 'viewer' && (
          <Form.Item name="unitId" label={t('unit')} extra={t('viewerUnit')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" virtual options={units.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item name="password" label={t('passwordOptional')}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
