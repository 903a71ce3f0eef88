/**
 * 手机访问地址: where code slips and screen links point, where that comes from, a plain warning when no phone could ever
 * open it, and a test QR code to scan before the meeting. The office changes it here; a clerk sees it.
 */
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.js';
import type { PublicAddress } from '../../api/types.js';
import type { Loaded } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { ErrorState } from '../../layout/Page.js';
import { addressApi } from './api.js';
import { sessionMessages } from './messages.js';

const SOURCE = { setting: 'sourceSetting', environment: 'sourceEnvironment', request: 'sourceRequest' } as const;

export function PublicAddressCard({ address, office }: { address: Loaded<PublicAddress>; office: boolean }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const [editing, setEditing] = useState(false);
  const a = address.data;
  if (address.error && !a) return <ErrorState error={address.error} onRetry={address.reload} />;
  return (
    <Card
      size="small"
      title={t('address')}
      style={{ marginBottom: 16 }}
      data-testid="public-address"
      extra={office && a && (
        <Button size="small" onClick={() => setEditing(true)} data-testid="public-address-edit">
          {a.source === 'setting' ? t('editAddress') : t('setAddress')}
        </Button>
      )}
    >
      {a && (
        <Flex gap={24} align="flex-start" wrap>
          <Flex vertical gap={8} style={{ flex: '1 1 420px', minWidth: 0 }}>
            <Space wrap>
              <Typography.Text strong copyable data-testid="public-address-url">{a.url}</Typography.Text>
              <Tag>{t(SOURCE[a.source])}</Tag>
            </Space>
            {a.warning ? (
              <Alert type="warning" showIcon title={pick(a.warning)} data-testid="public-address-warning" />
            ) : (
              <Typography.Text type="success">{t('addressOk')}</Typography.Text>
            )}
            <Typography.Text type="secondary">{t('addressHint')}</Typography.Text>
          </Flex>
          <Flex vertical align="center" gap={4}>
            <img
              src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(a.test.qrSvg)}`}
              alt={`${t('testQr')}: ${a.test.url}`}
              width={132}
              height={132}
              data-testid="public-address-qr"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('testQr')} · {a.test.url}</Typography.Text>
          </Flex>
        </Flex>
      )}
      {editing && a && <AddressDialog current={a} onDone={(next) => { setEditing(false); if (next) address.reload(); }} />}
    </Card>
  );
}

function AddressDialog({ current, onDone }: { current: PublicAddress; onDone(changed: boolean): void }) {
  const t = useT(sessionMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const [url, setUrl] = useState(current.stored?.url ?? (current.source === 'request' ? '' : current.url));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (value: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await addressApi.set(value);
      message.success(t('addressSaved'));
      if (saved.warning) message.warning(pick(saved.warning), 8);
      onDone(true);
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('addressTitle')}
      onCancel={() => onDone(false)}
      onOk={() => save(url.trim() === '' ? null : url.trim())}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'public-address-save' } as Record<`data-${string}`, string>}
      footer={(footer) => (
        <Flex justify="space-between" wrap gap={8}>
          <Button disabled={busy || current.stored === null} onClick={() => save(null)}>{t('addressClear')}</Button>
          <Space>{footer}</Space>
        </Flex>
      )}
    >
      <Typography.Paragraph type="secondary">{t('addressEditHint')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => save(url.trim() === '' ? null : url.trim())}>
        <Form.Item label={t('addressLabel')} validateStatus={error ? 'error' : undefined} help={error ?? undefined}>
          <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder={t('addressPlaceholder')} data-testid="public-address-input" autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
