/** zh-CN first; English on request. The choice is shared with the other phone pages and remembered on the phone. */
import { ADJUSTMENT_TEXTS } from '../../shared/adjustment-texts.js';

export type Lang = 'zh' | 'en';

const LANG_KEY = 'leitai.lang';

export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the switch still works for this page.
  }
}

export const htmlLang = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en');

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-06-14" → "6月14日 周二" / "Tue 14 Jun". */
export function dayDate(date: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const weekday = new Date(Date.UTC(Number(m[1]), month - 1, day)).getUTCDay();
  return lang === 'zh' ? `${month}月${day}日 周${WEEKDAYS_ZH[weekday]}` : `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS[month - 1]}`;
}

const zh = {
  ...ADJUSTMENT_TEXTS.zh,
  switchTo: 'English',
  appName: '擂台 · 观摩评分',
  loading: '正在加载观摩行程…',
  noLink: { title: '请用个人链接打开', body: '观摩评分页面需要从办公室发给您的个人链接打开（形如 /o/…）。' },
  linkInvalid: { title: '此链接已失效', body: '这个个人链接无效或已被办公室更换。请向观摩办公室索取新链接；本机已保存的评分不会丢失，用新链接打开后会继续同步。' },
  linkInvalidKept: '此链接已失效或已被更换：本机保存的评分仍在，请向办公室索取新链接，用新链接打开后继续同步。',
  firstOnline: { title: '首次打开需要联网', body: '本机还没有保存这个观摩行程。请在有网络的地方打开一次链接，之后没有信号也能评分。' },
  noStorage: '此浏览器不能在本机保存数据（可能是无痕模式），离线时评分会丢失。请换用普通模式打开。',
  retry: '重试',
  observer: (name: string, role: string) => (role ? `${name} · ${role}` : name),
  online: '在线',
  offline: '离线',
  offlineReady: '可离线使用',
  offlinePreparing: '正在准备离线使用…',
  offlineUnavailable: '此浏览器不支持离线打开（需 HTTPS），请保持此页面不关闭',
  closed: '观摩评已结束，不能再评分；此前的评分仍保存在本机。',
  counts: (scored: number, total: number) => `已评 ${scored} / ${total} 站`,
  pendingCount: (n: number) => `待同步 ${n} 份`,
  refusedCount: (n: number) => `未接收 ${n} 份`,
  syncNow: '立即同步',
  syncing: '正在同步…',
  syncDone: (at: string) => `已全部同步 ${at}`,
  syncNetwork: (n: number) => `网络不通，${n} 份评分保存在本机，待同步`,
  syncStored: (n: number) => `本次同步 ${n} 份`,
  syncRefused: (n: number) => `${n} 份未被接收，原因见各站`,
  stateUnscored: '未评',
  statePending: '待同步',
  stateSynced: (at: string) => `已同步 ${at}`,
  stateRefused: (reason: string) => `未接收（${reason}）`,
  stopNo: (n: number) => `第 ${n} 站`,
  planned: (time: string) => `计划 ${time}`,
  theme: '观摩主题',
  address: '地址',
  back: '← 返回行程',
  scoreTitle: (revision: number) => (revision > 1 ? `第 ${revision} 次评分` : '评分'),
  revisionNote: '再次评分会保存为新的一次评分，以最后一次为准，之前的评分保留。',
  earlier: '本站的评分记录',
  revision: (n: number | null) => (n === null ? '不计入' : `第 ${n} 次`),
  stateRefusedShort: '未接收',
  countsMark: '以此为准',
  points: (v: string) => `${v} 分`,
  scoredAt: (at: string) => `评于 ${at}`,
  scoreLabel: '得分',
  scoreHint: (min: string, max: string, step: string) => `${min}–${max} 分，步长 ${step}`,
  criterionHint: (max: string) => `0–${max} 分`,
  criteriaSum: '合计',
  opinion: '评价意见',
  opinionRequired: '评价意见（必填）',
  needScore: '请填写得分',
  badScore: (min: string, max: string, step: string) => `得分须在 ${min}–${max} 分之间，步长 ${step}`,
  needCriterion: (label: string) => `请填写「${label}」的分数`,
  badCriterion: (label: string, max: string, step: string) => `「${label}」须在 0–${max} 分之间，步长 ${step}`,
  needOpinion: '请填写评价意见',
  adjNoItem: (k: number) => `第 ${k} 项加减分未选择项目`,
  adjBadPoints: (item: string, max: string) => `「${item}」的分值须大于 0 且不超过 ${max}`,
  adjOffStep: (item: string, step: string) => `「${item}」的分值须是 ${step} 的整数倍`,
  adjNoReason: (item: string) => `「${item}」须写明加减分理由`,
  adjOverCap: (bonus: boolean, total: string, cap: string) => `${bonus ? '加分' : '减分'}合计 ${total}，超过上限 ${cap}（超出上限的评分无效）`,
  save: (revision: number) => (revision > 1 ? `保存第 ${revision} 次评分` : '保存评分'),
  rescore: (revision: number) => `再次评分（第 ${revision} 次）`,
  cannotSave: '还不能保存',
  saved: '已保存在本机，有网络时自动同步。',
  refusedTitle: '服务器未接收这份评分：',
  refusedFix: '请修改后重新评分；未接收的评分保留在本机。',
};

export type Texts = typeof zh;

const en: Texts = {
  ...ADJUSTMENT_TEXTS.en,
  switchTo: '中文',
  appName: 'Leitai · Observation scoring',
  loading: 'Loading the tour…',
  noLink: { title: 'Open your personal link', body: 'This page opens from the personal link the office sent you (it looks like /o/…).' },
  linkInvalid: { title: 'This link no longer works', body: 'This personal link is not valid or the office has replaced it. Ask the office for a new one; the scores kept on this phone are not lost and sync once you open the new link.' },
  linkInvalidKept: 'This link no longer works or was replaced: the scores on this phone are kept; ask the office for a new link and open it to sync them.',
  firstOnline: { title: 'The first opening needs a connection', body: 'This phone has not kept this tour yet. Open the link once where there is a signal; after that you can score with none.' },
  noStorage: 'This browser cannot keep data on the phone (a private window?): scores made offline would be lost. Open the link in a normal window.',
  retry: 'Retry',
  observer: (name, role) => (role ? `${name} · ${role}` : name),
  online: 'Online',
  offline: 'Offline',
  offlineReady: 'Works offline',
  offlinePreparing: 'Getting ready to work offline…',
  offlineUnavailable: 'This browser cannot reopen the page offline (it needs HTTPS): keep this page open',
  closed: 'Observation scoring has closed; no more scores can be made. Your earlier scores are kept on this phone.',
  counts: (scored, total) => `${scored} of ${total} stops scored`,
  pendingCount: (n) => `${n} waiting to sync`,
  refusedCount: (n) => `${n} not accepted`,
  syncNow: 'Sync now',
  syncing: 'Syncing…',
  syncDone: (at) => `All synced ${at}`,
  syncNetwork: (n) => `No connection: ${n} score${n === 1 ? '' : 's'} kept on this phone, waiting to sync`,
  syncStored: (n) => `${n} sent in this sync`,
  syncRefused: (n) => `${n} not accepted; see the stops for why`,
  stateUnscored: 'Not scored',
  statePending: 'Waiting to sync',
  stateSynced: (at) => `Synced ${at}`,
  stateRefused: (reason) => `Not accepted (${reason})`,
  stopNo: (n) => `Stop ${n}`,
  planned: (time) => `planned ${time}`,
  theme: 'Theme',
  address: 'Address',
  back: '← Back to the tour',
  scoreTitle: (revision) => (revision > 1 ? `Score, revision ${revision}` : 'Score'),
  revisionNote: 'Scoring again saves a new revision; the last one counts and the earlier ones are kept.',
  earlier: 'Scores for this stop',
  revision: (n) => (n === null ? 'Not counted' : `Revision ${n}`),
  stateRefusedShort: 'Not accepted',
  countsMark: 'counts',
  points: (v) => `${v} points`,
  scoredAt: (at) => `scored ${at}`,
  scoreLabel: 'Score',
  scoreHint: (min, max, step) => `${min}–${max} points, step ${step}`,
  criterionHint: (max) => `0–${max} points`,
  criteriaSum: 'Total',
  opinion: 'Opinion',
  opinionRequired: 'Opinion (required)',
  needScore: 'Enter the score',
  badScore: (min, max, step) => `The score must be ${min}–${max} in steps of ${step}`,
  needCriterion: (label) => `Enter the points for “${label}”`,
  badCriterion: (label, max, step) => `“${label}” must be 0–${max} in steps of ${step}`,
  needOpinion: 'Write an opinion',
  adjNoItem: (k) => `Choose an item for adjustment ${k}`,
  adjBadPoints: (item, max) => `Points for “${item}” must be above 0 and at most ${max}`,
  adjOffStep: (item, step) => `Points for “${item}” must be a whole multiple of ${step}`,
  adjNoReason: (item) => `“${item}” needs a written reason`,
  adjOverCap: (bonus, total, cap) => `${bonus ? 'Bonus' : 'Deduction'} total ${total} exceeds the cap of ${cap} (such a score is invalid)`,
  save: (revision) => (revision > 1 ? `Save revision ${revision}` : 'Save the score'),
  rescore: (revision) => `Score again (revision ${revision})`,
  cannotSave: 'Cannot save yet',
  saved: 'Saved on this phone; it syncs when there is a connection.',
  refusedTitle: 'The server did not accept this score:',
  refusedFix: 'Fix it and score again; the score that was not accepted stays on this phone.',
};

export const TEXTS: Record<Lang, Texts> = { zh, en };
