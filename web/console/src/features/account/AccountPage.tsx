/** 账号: who I am, change my password (cookie sessions only). */
import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { useState } from 'react';
import { api, } from '../../api/client.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { defineMessages } from '../../i18n/messages.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../../layout/Page.js';
import { errorText } from '../../api/error-text.js';

const m = defineMessages({
  title: { zh: '账号', en: 'Account' },
  name: { zh: '姓名', en: 'Name' },
  username: { zh: '用户名', en: 'Username' },
  role: { zh: '角色', en: 'Role' },
  unit: { zh: '所属单位', en: 'Unit' },
  via: { zh: '登录方式', en: 'Signed in with' },
  session: { zh: '密码登录（会话 Cookie）', en: 'Password (session cookie)' },
  token: { zh: '访问令牌', en: 'Access token' },
  changePassword: { zh: '修改密码', en: 'Change password' },
  current: { zh: '当前密码', en: 'Current password' },
  next: { zh: '新密码', en: 'New password' },
  save: { zh: '保存', en: 'Save' },
  changed: { zh: '密码已修改，其他会话已结束', en: 'Password changed; your other sessions ended' },
  tokenOnly: { zh: '使用访问令牌时不能修改密码', en: 'Passwords cannot be changed while using an access token' },
});

export default function AccountPage() {
  const t = useT(m);
  const pick = useBilingual();
  const { me } = useAuth();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  if (!me) return null;
  const submit = async (v: { currentPassword: string; newPassword: string }) => {
    setError(null);
    try {
      await api.post('/api/auth/password', v);
      void message.success(t('changed'));
    } catch (err) {
      setError(errorText(err, pick));
    }
  };
  return (
    <>
      <PageHeader title={t('title')} />
      <Card style={{ maxWidth: 720, marginBottom: 16 }}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('name')}>{me.user.displayName}</Descriptions.Item>
          <Descriptions.Item label={t('username')}>{me.user.username ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('role')}>{me.role}</Descriptions.Item>
          <Descriptions.Item label={t('unit')}>{me.unitId ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('via')}>{me.authenticatedBy === 'session' ? t('session') : t('token')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('changePassword')} style={{ maxWidth: 720 }}>
        {me.authenticatedBy !== 'session' ? (
          <Alert type="info" title={t('tokenOnly')} />
        ) : (
          <Form layout="vertical" onFinish={submit} style={{ maxWidth: 360 }}>
            {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
            <Form.Item name="currentPassword" label={t('current')} rules={[{ required: true }]}><Input.Password autoComplete="current-password" /></Form.Item>
            <Form.Item name="newPassword" label={t('next')} rules={[{ required: true }]}><Input.Password autoComplete="new-password" /></Form.Item>
            <Button type="primary" htmlType="submit">{t('save')}</Button>
          </Form>
        )}
      </Card>
    </>
  );
}
