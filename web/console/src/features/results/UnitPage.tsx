import { Result } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';

export default function Page() {
  const t = useT();
  return <Result status="info" title={t('comingSoon')} />;
}
