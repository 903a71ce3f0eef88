import { Button, Flex, Layout, Menu, Tag, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Role } from '../api/types.js';
import { useAuth } from '../auth/AuthProvider.js';
import { useLang, useT } from '../i18n/I18nProvider.js';
import type { MessageKey } from '../i18n/messages.js';
import { paths } from '../paths.js';
import { nav } from '../routes.js';
import { currentCampaign } from './current-campaign.js';
import { Loading } from './Page.js';

const ROLE_LABEL: Record<Role, MessageKey> = { admin: 'roleAdmin', organiser: 'roleOrganiser', clerk: 'roleClerk', viewer: 'roleViewer' };

export function AppLayout({ children }: { children: ReactNode }) {
  const t = useT();
  const { lang, setLang } = useLang();
  const { me, logOut } = useAuth();
  const location = useLocation();
  const { campaignId } = useParams();
  if (campaignId) currentCampaign.set(campaignId);
  const campaign = campaignId ?? currentCampaign.get();
  const items = nav.filter((n) => !n.roles || (me && n.roles.includes(me.role)));
  const selected = items.find((n) => n.match.test(location.pathname))?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24, paddingInline: 24, background: '#7f1d1d' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>{t('appName')}</Typography.Text>
        <Menu
          mode="horizontal"
          theme="dark"
          selectedKeys={selected ? [selected] : []}
          className="header-menu"
          style={{ flex: 1, minWidth: 0, background: 'transparent' }}
          items={items.map((n) => ({ key: n.key, label: <Link to={n.to(campaign)}>{t(n.label)}</Link> }))}
        />
        <Flex gap={12} align="center" style={{ whiteSpace: 'nowrap' }}>
          {me && (
            // One's own account (password) is reached from one's name, as in most consoles: the menu keeps its room
            // for the office's work (in English at 1440 px it folded its last items away).
            <Link to={paths.account()} title={`${me.user.displayName} · ${t('navAccount')}`} className="header-account" aria-current={location.pathname.startsWith(paths.account()) ? 'page' : undefined}>
              <span className="header-name">{me.user.displayName}</span> <Tag color="gold" style={{ marginInlineEnd: 0 }}>{t(ROLE_LABEL[me.role])}</Tag>
            </Link>
          )}
          <Button size="small" ghost onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>{t('language')}</Button>
          <Button size="small" ghost onClick={() => void logOut()}>{t('logout')}</Button>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: '20px 24px', maxWidth: 1600, width: '100%', margin: '0 auto' }}>
        <Suspense fallback={<Loading />}>{children}</Suspense>
      </Layout.Content>
    </Layout>
  );
}
