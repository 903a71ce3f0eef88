/** zh-CN first; English on request. The choice is remembered on the phone. */
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

/** Stored when the rater taps the switch, not at the next render: a reload right after the tap keeps the choice. */
export function rememberLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Private mode: the switch still works for this page.
  }
}

export function htmlLang(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

const zh = {
  ...ADJUSTMENT_TEXTS.zh,
  switchTo: 'English',
  appName: '擂台 · 手机测评',
  loading: '正在加载选票…',
  codeTitle: '输入测评码',
  codeHint: '请输入测评码条上的 10 位测评码（如 AB3C7-9XKQ2），不区分大小写。',
  codeLabel: '测评码',
  codeGo: '开始测评',
  codeBad: '测评码应为 10 位字母或数字',
  otherCode: '换一个测评码',
  group: '测评组：',
  signedAs: '署名',
  anonymous: '匿名测评',
  abstain: '弃权',
  chosen: '已选',
  atMost: '最多',
  atLeast: '至少',
  ratedBase: '（按已评对象计）',
  subjects: (n: number) => `共 ${n} 个测评对象`,
  opinion: '评价意见',
  opinionRequired: '评价意见（必填）',
  scoreHint: (min: string, max: string, step: string) => `${min}–${max} 分，步长 ${step}`,
  criterionHint: (max: string) => `0–${max} 分`,
  total: '合计',
  unrated: (n: number) => `还有 ${n} 个对象未评`,
  unratedAbstain: (n: number) => `还有 ${n} 个对象未评（不评可选“弃权”）`,
  overMax: (title: string, allowed: number, grades: string, count: number) =>
    `「${title}」：本票最多 ${allowed} 个${grades}，已选 ${count} 个，请改选`,
  underMin: (title: string, allowed: number, grades: string, count: number) =>
    `「${title}」：本票至少 ${allowed} 个${grades}，已选 ${count} 个`,
  badScore: (name: string) => `「${name}」的分数不在范围内或步长不对`,
  needOpinion: (name: string) => `「${name}」需要填写评价意见`,
  adjNoItem: (name: string, k: number) => `「${name}」：第 ${k} 项加减分未选择项目`,
  adjBadPoints: (name: string, item: string, max: string) => `「${name}」：「${item}」的分值须大于 0 且不超过 ${max}`,
  adjNoReason: (name: string, item: string) => `「${name}」：「${item}」须写明加减分理由`,
  adjOverCap: (name: string, bonus: boolean, total: string, cap: string) =>
    `「${name}」：${bonus ? '加分' : '减分'}合计 ${total}，超过上限 ${cap}（超出上限的票无效）`,
  adjOffStep: (name: string, item: string, step: string) => `「${name}」：「${item}」的分值须是 ${step} 的整数倍`,
  cannotSubmit: '还不能提交',
  submitting: '正在提交…',
  retry: '重试提交',
  networkLost: '网络中断，选票未能送达。已保存在本机，内容不变，恢复网络后点“重试提交”即可（重复提交只会保存一次）。',
  pendingNote: '上次提交尚未确认，请重试；重试发送的是同一份选票。',
  offline: '当前离线，显示的是本机保存的选票。',
  offlineNoForm: '无法连接服务器，请检查网络后重试。',
  reload: '重新加载',
  refused: '服务器未保存这张选票：',
  review: '核对并提交',
  reviewTitle: '核对选票',
  reviewWarn: '选票提交后不能修改，也不能撤回。',
  reviewHint: '请逐项核对下面的选择，确认无误后点“确认提交”。',
  confirm: '确认提交',
  back: '返回修改',
  reviewPoints: (v: string) => `${v} 分`,
  reviewTotal: (v: string) => `合计 ${v} 分`,
  colon: '：',
  receiptTitle: '选票已提交',
  receiptCode: '回执码',
  receiptKeep: '请截图或记下回执码。选票已保存，不能修改；同一测评码不能再提交选票。',
  receiptCheck: '测评会结束后，本场的回执名单会在下面的页面公布，可凭回执码核对您的选票已收回并计入。',
  receiptsLink: '查看本场回执名单',
  campaignLabel: '活动',
  sessionLabel: '测评会',
  usedTitle: '此测评码已使用',
  usedBody: '用这个测评码提交的选票已经保存，不能再次提交，也不能修改。',
  usedNotYou: '如果这张选票不是您本人提交的，请立即联系计票员。',
  trouble: {
    link: { title: '链接不完整', body: '这个链接里的测评码不完整或有误，可能没有扫全。请重新扫描测评码条上的二维码，或在下面输入 10 位测评码。' },
    unknown: { title: '测评码无效', body: '没有找到这个测评码。请核对测评码条，重新扫描二维码，或在下面输入 10 位测评码。' },
    revoked: { title: '此测评码已作废', body: '作废的测评码不能再提交选票。如果您领到了新的测评码条，请扫描新的二维码或在下面输入新的测评码；否则请联系计票员。' },
  },
  closedTitle: '测评会已结束',
  closedBody: '本次测评会已结束，不能再提交选票。如有疑问请联系计票员。',
  draftTitle: '测评会尚未开始',
  draftBody: '请等待主持人宣布开始后点“刷新”。已填的内容会保存在本机。',
  refresh: '刷新',
  errorTitle: '无法使用此测评码',
};

export type Texts = typeof zh;

const en: Texts = {
  ...ADJUSTMENT_TEXTS.en,
  switchTo: '中文',
  appName: 'Leitai · Phone ballot',
  loading: 'Loading the ballot…',
  codeTitle: 'Enter your rating code',
  codeHint: 'Type the 10-character code from your slip (e.g. AB3C7-9XKQ2); case does not matter.',
  codeLabel: 'Rating code',
  codeGo: 'Start',
  codeBad: 'The code has 10 letters or digits',
  otherCode: 'Use another code',
  group: 'Rater group: ',
  signedAs: 'Signed by',
  anonymous: 'Anonymous',
  abstain: 'Abstain',
  chosen: 'chosen',
  atMost: 'at most',
  atLeast: 'at least',
  ratedBase: ' (over rated subjects)',
  subjects: (n) => `${n} subjects`,
  opinion: 'Opinion',
  opinionRequired: 'Opinion (required)',
  scoreHint: (min, max, step) => `${min}–${max} points, step ${step}`,
  criterionHint: (max) => `0–${max} points`,
  total: 'Total',
  unrated: (n) => `${n} subject${n === 1 ? '' : 's'} not rated yet`,
  unratedAbstain: (n) => `${n} subject${n === 1 ? '' : 's'} not rated yet (choose “Abstain” to skip)`,
  overMax: (title, allowed, grades, count) => `Rule “${title}”: at most ${allowed} × ${grades} on this ballot; you chose ${count}. Change some.`,
  underMin: (title, allowed, grades, count) => `Rule “${title}”: at least ${allowed} × ${grades} on this ballot; you chose ${count}`,
  badScore: (name) => `The score for ${name} is out of range or off the step`,
  needOpinion: (name) => `${name} needs a written opinion`,
  adjNoItem: (name, k) => `${name}: choose an item for adjustment ${k}`,
  adjBadPoints: (name, item, max) => `${name}: points for “${item}” must be above 0 and at most ${max}`,
  adjNoReason: (name, item) => `${name}: “${item}” needs a written reason`,
  adjOverCap: (name, bonus, total, cap) =>
    `${name}: ${bonus ? 'bonus' : 'deduction'} total ${total} exceeds the cap of ${cap} (such a ballot is invalid)`,
  adjOffStep: (name, item, step) => `${name}: points for “${item}” must be a whole multiple of ${step}`,
  cannotSubmit: 'Cannot submit yet',
  submitting: 'Submitting…',
  retry: 'Retry',
  networkLost: 'The connection dropped and the ballot did not arrive. It is kept on this phone unchanged; tap “Retry” when you are back online (a re-send is stored once).',
  pendingNote: 'The last submission was not confirmed; retry — the very same ballot is sent again.',
  offline: 'Offline: showing the ballot saved on this phone.',
  offlineNoForm: 'Cannot reach the server. Check the connection and try again.',
  reload: 'Reload',
  refused: 'The server did not store this ballot:',
  review: 'Review and submit',
  reviewTitle: 'Review your ballot',
  reviewWarn: 'Once submitted, the ballot cannot be changed or withdrawn.',
  reviewHint: 'Check every choice below, then tap “Submit now”.',
  confirm: 'Submit now',
  back: 'Back to edit',
  reviewPoints: (v) => `${v} points`,
  reviewTotal: (v) => `${v} points in all`,
  colon: ': ',
  receiptTitle: 'Ballot submitted',
  receiptCode: 'Receipt',
  receiptKeep: 'Keep a screenshot or note of the receipt. The ballot is stored and cannot be changed; no other ballot can be sent on this code.',
  receiptCheck: 'When the session closes, its receipt list is published on the page below: look up your receipt to check that your ballot was counted.',
  receiptsLink: 'This session’s receipt list',
  campaignLabel: 'Campaign',
  sessionLabel: 'Session',
  usedTitle: 'This code has been used',
  usedBody: 'A ballot was already submitted with this code and stored; it cannot be submitted again or changed.',
  usedNotYou: 'If you did not submit this ballot yourself, tell the clerk at once.',
  trouble: {
    link: { title: 'This link is incomplete', body: 'The code in this link is cut short or wrong — the QR code may not have scanned fully. Scan the QR code on your slip again, or type the 10-character code below.' },
    unknown: { title: 'This code is not valid', body: 'No such code was issued. Check your slip and scan its QR code again, or type the 10-character code below.' },
    revoked: { title: 'This code has been revoked', body: 'A revoked code cannot submit a ballot. If you were given a new slip, scan its QR code or type its code below; otherwise ask the clerk.' },
  },
  closedTitle: 'The session has closed',
  closedBody: 'This session has closed; no more ballots can be submitted. Ask the clerk if in doubt.',
  draftTitle: 'The session has not started',
  draftBody: 'Wait until the chair opens the session, then tap “Refresh”. What you fill in stays on this phone.',
  refresh: 'Refresh',
  errorTitle: 'This code cannot be used',
};

export const TEXTS: Record<Lang, Texts> = { zh, en };
