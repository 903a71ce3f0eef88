import { App as AntApp, Result } from 'antd';
import { createBrowserRouter, Navigate, Outlet, RouterProvider } from 'react-router';
import type { Me } from './api/types.js';
import { AuthProvider, useAuth } from './auth/AuthProvider.js';
import LoginPage from './features/login/LoginPage.js';
import { I18nProvider, useT } from './i18n/I18nProvider.js';
import { AppLayout } from './layout/AppLayout.js';
import { Loading } from './layout/Page.js';
import { paths } from './paths.js';
import { routes, type ConsoleRoute } from './routes.js';

function Forbidden() {
  const t = useT();
  return <Result status="403" title="403" subTitle={t('forbiddenPage')} />;
}

function Guarded({ route }: { route: ConsoleRoute }) {
  const { me } = useAuth();
  if (me && route.roles && !route.roles.includes(me.role)) return <Forbidden />;
  const Page = route.page.Component;
  return <Page />;
}

function Shell() {
  const { me, checking } = useAuth();
  if (checking) return <Loading />;
  if (!me) return <LoginPage />;
  return (
    <AppLayout>
      <Outlet />
    </AppLayout>
  );
}

/** Where a login lands: a clerk on the sessions to enter paper sheets for, everyone else on the campaigns. */
function Home() {
  const { me } = useAuth();
  return <Navigate to={me?.role === 'clerk' ? paths.paperSessions() : paths.campaigns()} replace />;
}

function NotFound() {
  const t = useT();
  return <Result status="404" title="404" subTitle={t('notFound')} />;
}

const router = createBrowserRouter([
  {
    element: <Shell />,
    children: [
      { path: '/', element: <Home /> },
      { path: '/console', element: <Home /> },
      ...routes.map((r) => ({ path: r.path, element: <Guarded route={r} /> })),
      { path: '*', element: <NotFound /> },
    ],
  },
]);

export function App({ me }: { me?: Me | null }) {
  return (
    <I18nProvider>
      <AntApp>
        <AuthProvider initial={me}>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </I18nProvider>
  );
}
