/** 管理 (admin only): accounts and the audit log, as tabs at /console/admin/accounts and /console/admin/audit. */
import { Card, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../../layout/Page.js';
import { AccountsPanel } from './AccountsPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { adminMessages } from './messages.js';

export default function AdminPage() {
  const t = useT(adminMessages);
  const navigate = useNavigate();
  const tab = useLocation().pathname.endsWith('/audit') ? 'audit' : 'accounts';
  return (
    <>
      <PageHeader title={t('title')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate(`/console/admin/${k}`)}
          destroyOnHidden
          items={[
            { key: 'accounts', label: t('accounts'), children: <AccountsPanel /> },
            { key: 'audit', label: t('audit'), children: <AuditPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
