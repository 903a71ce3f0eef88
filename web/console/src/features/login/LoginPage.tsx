import { Alert, Button, Card, Collapse, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../auth/AuthProvider.js';
import { useBilingual, useLang, useT } from '../../i18n/I18nProvider.js';
import { errorText } from '../../api/error-text.js';

export default function LoginPage() {
  const t = useT();
  const pick = useBilingual();
  const { lang, setLang } = useLang();
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(errorText(err, pick));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f3f1ee' }}>
      <Card style={{ width: 400 }} title={<span>{t('loginTitle')}</span>} extra={<Button type="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</Button>}>
        {error && <Alert type="error" title={error} showIcon style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onFinish={(v: { username: string; password: string }) => run(() => auth.logIn(v.username, v.password))}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>{t('login')}</Button>
        </Form>
        <Collapse
          ghost
          style={{ marginTop: 12 }}
          items={[{
            key: 'token',
            label: <Typography.Text type="secondary">{t('orToken')}</Typography.Text>,
            children: (
              <Form layout="vertical" onFinish={(v: { token: string }) => run(() => auth.logInWithToken(v.token))}>
                <Form.Item name="token" extra={t('tokenHint')} rules={[{ required: true }]}>
                  <Input.Password placeholder="lt_…" autoComplete="off" />
                </Form.Item>
                <Button htmlType="submit" block loading={busy}>{t('useToken')}</Button>
              </Form>
            ),
          }]}
        />
      </Card>
    </div>
  );
}
