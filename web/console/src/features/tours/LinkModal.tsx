/**
 * An observer's personal link, shown once (after adding the observer or renewing the link; the server keeps only a
 * hash of it): the full address on the public address phones reach, a QR code to scan, and a copy button. When no
 * phone could open that address (localhost and the like), the same plain warning as on the 测评会 page.
 */
import { Alert, App, Button, Flex, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useApi } from '../../api/useApi.js';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { addressApi } from '../sessions/api.js';
import { fullLink } from './link.js';
import { tourMessages } from './messages.js';

export function LinkModal({ observerName, link, onClose }: { observerName: string; link: string; onClose(): void }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  const { message } = App.useApp();
  const address = useApi((signal) => addressApi.get(signal), []);
  const base = address.data?.url ?? window.location.origin;
  const url = address.loading ? null : fullLink(link, base);
  const [svg, setSvg] = useState<string | null>(null);

  useEffect(() => {
    if (!url) return;
    let live = true;
    // Loaded when a link is shown, not with the tour pages. Medium error correction, as on the printed code slips.
    import('qrcode')
      .then(({ default: QRCode }) => QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }))
      .then((s) => live && setSvg(s), () => live && setSvg(null));
    return () => {
      live = false;
    };
  }, [url]);

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      message.success(t('copied'));
    } catch {
      message.warning(t('copyFailed'));
    }
  };

  return (
    <Modal
      open
      title={t('linkTitle', { name: observerName })}
      onCancel={onClose}
      footer={<Button type="primary" onClick={onClose} data-testid="link-close">{t('close')}</Button>}
      maskClosable={false}
      width={560}
    >
      <Alert type="warning" showIcon title={t('linkOnce')} style={{ marginBottom: 12 }} />
      {address.data?.warning && <Alert type="error" showIcon title={pick(address.data.warning)} style={{ marginBottom: 12 }} data-testid="link-address-warning" />}
      <Flex vertical align="center" gap={12}>
        {svg && url && (
          <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} alt={t('qrAlt', { name: observerName })} width={220} height={220} data-testid="observer-qr" />
        )}
        {url && (
          <Typography.Text code style={{ wordBreak: 'break-all', userSelect: 'all' }} data-testid="observer-link">{url}</Typography.Text>
        )}
        <Button onClick={() => void copy()} disabled={!url} data-testid="copy-link">{t('copy')}</Button>
        <Typography.Text type="secondary">{t('linkOffline')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
