/**
 * The console's own words, zh-CN first. Features may add a table of their own with `defineMessages` and pass it to
 * `useT(table)`; antd's built-in texts come from its locale (see I18nProvider).
 */
export type Lang = 'zh' | 'en';
export type MessageTable = Record<string, { zh: string; en: string }>;

export const defineMessages = <T extends MessageTable>(table: T): T => table;

export const messages = defineMessages({
  appName: { zh: '擂台 · 办公室工作台', en: 'Leitai · Office console' },
  navCampaigns: { zh: '活动', en: 'Campaigns' },
  navSessions: { zh: '测评会', en: 'Sessions' },
  navResults: { zh: '结果', en: 'Results' },
  navSettings: { zh: '设置', en: 'Set-up' },
  navAccount: { zh: '账号', en: 'Account' },
  navUnits: { zh: '单位', en: 'Units' },
  navAdmin: { zh: '管理', en: 'Admin' },
  navTours: { zh: '观摩', en: 'Tours' },
  navPaper: { zh: '纸质票录入', en: 'Paper' },
  navTraining: { zh: '培训班', en: 'Training' },
  navCases: { zh: '案例库', en: 'Cases' },
  logout: { zh: '退出登录', en: 'Log out' },
  language: { zh: 'English', en: '中文' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
  back: { zh: '返回', en: 'Back' },
  notFound: { zh: '页面不存在', en: 'Page not found' },
  forbiddenPage: { zh: '您的角色无权打开此页面', en: 'Your role may not open this page' },
  chooseCampaign: { zh: '请先在“活动”中选择一个活动', en: 'Choose a campaign under “Campaigns” first' },
  currentCampaign: { zh: '当前活动', en: 'Campaign' },
  loginTitle: { zh: '登录办公室工作台', en: 'Log in to the office console' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  login: { zh: '登录', en: 'Log in' },
  orToken: { zh: '或使用访问令牌', en: 'Or use an access token' },
  tokenHint: { zh: '粘贴由 leitai 命令行签发的访问令牌（仅保存在本标签页）', en: 'Paste an access token issued by the leitai CLI (kept in this tab only)' },
  useToken: { zh: '使用令牌', en: 'Use token' },
  roleAdmin: { zh: '管理员', en: 'Admin' },
  roleOrganiser: { zh: '组织者', en: 'Organiser' },
  roleClerk: { zh: '计票员', en: 'Clerk' },
  roleViewer: { zh: '单位查看', en: 'Unit viewer' },
  notAvailable: { zh: '此功能的接口尚未部署到服务器', en: 'This feature’s API is not on the server yet' },
  comingSoon: { zh: '此页面正在建设中', en: 'This page is being built' },
});

export type MessageKey = keyof typeof messages;
