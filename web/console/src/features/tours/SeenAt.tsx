/** A phone's last contact or sync: the time in China Standard Time and how long ago, or “never”. */
import { Typography } from 'antd';
import { useBilingual, useT } from '../../i18n/I18nProvider.js';
import { tourMessages } from './messages.js';
import { ago, shortTime } from './time.js';

export function SeenAt({ at, now }: { at: string | null; now?: number }) {
  const t = useT(tourMessages);
  const pick = useBilingual();
  if (!at) return <Typography.Text type="secondary">{t('never')}</Typography.Text>;
  return (
    <span title={at}>
      {shortTime(at, now)} <Typography.Text type="secondary">{pick(ago(at, now))}</Typography.Text>
    </span>
  );
}
