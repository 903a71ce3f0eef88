/** Placeholder: the admin pages are built in features/admin by the set-up / publication / admin work. */
import { Result } from 'antd';
import { useT } from '../../i18n/I18nProvider.js';

export default function Placeholder() {
  const t = useT();
  return <Result status="info" title={t('comingSoon')} />;
}
