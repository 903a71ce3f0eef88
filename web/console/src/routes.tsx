/**
 * 路由表: every page of the console, in one place. To add a page, add a row here; `nav` puts it in the side menu.
 * Ownership: features/setup, features/publish and features/admin belong to the set-up / publication / admin work;
 * everything else to the results and monitoring work. Pages load lazily so the first screen stays small.
 * features/paper (纸质票录入) belongs to the clerk's paper entry.
 *
 * All paths live under /console; `:campaignId` pages read it with useParams().
 */
import { createElement, lazy, useState, type ComponentType } from 'react';
import { matchPath } from 'react-router';
import type { Role } from './api/types.js';
import type { MessageKey } from './i18n/messages.js';
import { paths } from './paths.js';

interface LazyPage {
  /** Renders the page: directly once its code is here, else through React.lazy (and the layout's Suspense). */
  Component: ComponentType;
  /** Fetches the page's code; boot.tsx awaits it for the first page, so the first render never suspends. */
  preload(): Promise<unknown>;
}

/**
 * A page whose code loads on demand. Unlike a bare lazy(), a page whose code has already arrived renders at once:
 * a lazy() component always suspends on its first render, and React then holds the revealed page back for up to
 * 300 ms (its Suspense fallback throttle) — a third of the first screen's budget.
 */
function lazyPage(load: () => Promise<{ default: ComponentType }>): LazyPage {
  let loaded: ComponentType | null = null;
  const preload = () => load().then((m) => { loaded = m.default; });
  const Lazy = lazy(() => load().then((m) => { loaded = m.default; return m; }));
  return {
    preload,
    // biome-ignore lint/correctness/noComponentHookFactories: lazyPage runs once per route at module load, never in a render, so each Page keeps its identity
    Component: function Page() {
      // Decided once per mount, so the element type never changes under a mounted page.
      const [direct] = useState(() => loaded);
      return createElement(direct ?? Lazy);
    },
  };
}

export interface ConsoleRoute {
  path: string;
  page: LazyPage;
  /** Roles that may open it; undefined = every logged-in role. The API enforces the same again. */
  roles?: Role[];
}

const OFFICE: Role[] = ['admin', 'organiser'];
const COUNTING: Role[] = ['admin', 'organiser', 'clerk'];

export const routes: ConsoleRoute[] = [
  // 活动
  { path: '/console/campaigns', page: lazyPage(() => import('./features/campaigns/CampaignList.js')) },
  // 测评会: running the sessions — office and clerk, each with the actions the role may take
  { path: '/console/campaigns/:campaignId/sessions', page: lazyPage(() => import('./features/sessions/SessionsPage.js')), roles: COUNTING },
  // 观摩 (features/tours — the office plans and runs a tour; clerks follow its progress)
  { path: '/console/campaigns/:campaignId/tours', page: lazyPage(() => import('./features/tours/ToursPage.js')), roles: COUNTING },
  { path: '/console/campaigns/:campaignId/tours/:tourId/:tab?', page: lazyPage(() => import('./features/tours/TourPage.js')), roles: COUNTING },
  // 结果
  { path: '/console/campaigns/:campaignId/results', page: lazyPage(() => import('./features/results/ResultsPage.js')) },
  { path: '/console/campaigns/:campaignId/results/:rankingId/units/:unitId', page: lazyPage(() => import('./features/results/UnitPage.js')) },
  { path: '/console/campaigns/:campaignId/distributions', page: lazyPage(() => import('./features/results/DistributionsPage.js')) },
  { path: '/console/campaigns/:campaignId/what-if', page: lazyPage(() => import('./features/results/WhatIfPage.js')), roles: OFFICE },
  // 设置 (features/setup — set-up engineer)
  { path: '/console/campaigns/new', page: lazyPage(() => import('./features/setup/index.js')), roles: OFFICE },
  { path: '/console/campaigns/:campaignId/setup', page: lazyPage(() => import('./features/setup/index.js')), roles: OFFICE },
  { path: '/console/units', page: lazyPage(() => import('./features/setup/UnitsPage.js')), roles: OFFICE },
  // 发布 (features/publish — publication engineer)
  { path: '/console/campaigns/:campaignId/publish', page: lazyPage(() => import('./features/publish/index.js')), roles: OFFICE },
  // 管理 (features/admin — accounts, audit log)
  { path: '/console/admin/*', page: lazyPage(() => import('./features/admin/index.js')), roles: ['admin'] },
  // 账号
  { path: '/console/account', page: lazyPage(() => import('./features/account/AccountPage.js')) },
  // 纸质票录入 (features/paper — the clerk's page)
  { path: '/console/paper', page: lazyPage(() => import('./features/paper/PaperSessionsPage.js')), roles: COUNTING },
  { path: '/console/sessions/:sessionId/paper', page: lazyPage(() => import('./features/paper/PaperEntryPage.js')), roles: COUNTING },
  // 典型案例库 (features/cases — every role reads published cases; the office adds and edits)
  { path: '/console/cases', page: lazyPage(() => import('./features/cases/CasesPage.js')) },
  { path: '/console/cases/:caseId', page: lazyPage(() => import('./features/cases/CasePage.js')) },
  // 培训班 (features/training — every role; each page shows what the role may do)
  { path: '/console/training', page: lazyPage(() => import('./features/training/TrainingListPage.js')) },
  { path: '/console/training/:classId/:tab?', page: lazyPage(() => import('./features/training/ClassPage.js')) },
];

/** Loads the code of the page at `pathname`, if it is one (boot.tsx awaits this before the first render). */
export function preloadPage(pathname: string): Promise<unknown> {
  const route = routes.find((r) => matchPath(r.path, pathname));
  return route ? route.page.preload().catch(() => undefined) : Promise.resolve();
}

/** The side menu. `to` gets the current campaign (null when none is chosen yet). */
export interface NavItem {
  key: string;
  label: MessageKey;
  to(campaignId: string | null): string;
  roles?: Role[];
  /** Highlights the item when the location matches. */
  match: RegExp;
}

export const nav: NavItem[] = [
  { key: 'campaigns', label: 'navCampaigns', to: () => paths.campaigns(), match: /^\/console\/campaigns\/?$/ },
  { key: 'sessions', label: 'navSessions', to: (c) => (c ? paths.sessions(c) : paths.campaigns()), roles: COUNTING, match: /\/campaigns\/[^/]+\/sessions/ },
  { key: 'tours', label: 'navTours', to: (c) => (c ? paths.tours(c) : paths.campaigns()), roles: COUNTING, match: /\/campaigns\/[^/]+\/tours/ },
  { key: 'paper', label: 'navPaper', to: () => paths.paperSessions(), roles: COUNTING, match: /^\/console\/(paper|sessions\/[^/]+\/paper)/ },
  { key: 'results', label: 'navResults', to: (c) => (c ? paths.results(c) : paths.campaigns()), match: /\/(results|distributions|what-if)/ },
  { key: 'setup', label: 'navSettings', to: (c) => (c ? paths.setup(c) : paths.newCampaign()), roles: OFFICE, match: /\/(setup|new|publish)/ },
  { key: 'training', label: 'navTraining', to: () => paths.training(), match: /^\/console\/training/ },
  { key: 'cases', label: 'navCases', to: () => paths.cases(), match: /^\/console\/cases/ },
  { key: 'units', label: 'navUnits', to: () => paths.units(), roles: OFFICE, match: /^\/console\/units/ },
  { key: 'admin', label: 'navAdmin', to: () => paths.admin(), roles: ['admin'], match: /^\/console\/admin/ },
];
