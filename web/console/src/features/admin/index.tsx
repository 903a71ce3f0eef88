/** 管理 (admin only): accounts, login locks and the audit log, as tabs at /console/admin/accounts, …/locks and …/audit. */
import { Card, Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useT } from '../../i18n/I18nProvider.js';
import { PageHeader } from '../../layout/Page.js';
import { AccountsPanel } from './AccountsPanel.js';
import { AuditPanel } from './AuditPanel.js';
import { LocksPanel } from './LocksPanel.js';
import { adminMessages } from './messages.js';

export default function AdminPage() {
  const t = useT(adminMessages);
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const tab = path.endsWith('/audit') ? 'audit' : path.endsWith('/locks') ? 'locks' : 'accounts';
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
            { key: 'locks', label: t('locks'), children: <LocksPanel /> },
            { key: 'audit', label: t('audit'), children: <AuditPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
