/** zh-CN first; English on request. The choice is shared with the phone ballot and remembered on the phone. */
import { ATTENDANCE_LABELS, type AttendanceStatus } from '../../../src/domain/training/types.js';

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

export const statusLabel = (status: AttendanceStatus, lang: Lang): string => ATTENDANCE_LABELS[status][lang];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-06-15T09:00" (Beijing wall clock, as the API sends it) → "6月15日 09:00" / "15 Jun 09:00". */
export function wallClock(local: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(local);
  if (!m) return local;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return lang === 'zh' ? `${month}月${day}日 ${m[4]}` : `${day} ${MONTHS[month - 1]} ${m[4]}`;
}

const zh = {
  switchTo: 'English',
  appName: '擂台 · 培训签到',
  opening: '正在核对二维码…',
  checking: '正在签到…',
  staleTitle: '二维码已过期',
  grantExpiredTitle: '扫码已超过 5 分钟',
  refusedTitle: '无法签到',
  noScanTitle: '请扫码签到',
  noScanBody: '请用手机相机扫描会场大屏上正在显示的二维码。二维码每 15 秒更换一次，转发或截图的二维码不能签到。',
  unreachable: '无法连接服务器，请检查网络后重试。',
  retry: '重试',
  identifyTitle: '请确认您的身份',
  identifyHint: '本机只需确认一次，本培训班的其余课次扫码即自动签到。',
  byCode: '输入个人签到码',
  byName: '按单位选姓名',
  codeLabel: '个人签到码',
  codeHint: '印在学员名单上；不清楚的可问本单位联络员，或改用“按单位选姓名”。',
  codeEmpty: '请输入个人签到码',
  codeGo: '签到',
  loadingList: '正在加载名单…',
  unitFilter: '输入单位名称筛选',
  unitLabel: '您的单位',
  noMatch: '没有匹配的结果，请换个字试试',
  more: (n: number) => `还有 ${n} 项未列出，请输入文字缩小范围`,
  people: (n: number) => `${n} 人`,
  otherUnit: '← 重选单位',
  nameFilter: '输入姓名筛选',
  confirmWho: '请确认是您本人',
  confirmGo: '是我，签到',
  confirmBack: '重选',
  okTitle: (status: string, clock: string) => `签到成功 · ${status} ${clock}`,
  againTitle: (clock: string) => `已签到 ${clock}`,
  rememberedNote: '本机记录的签到。',
  notMe: '不是我？换人签到',
  notMeScan: '已忘记本机保存的身份。请重新扫描会场大屏上的二维码签到。',
  lessonLabel: '课次',
  venueLabel: '会场',
  whoLabel: '学员',
  mineLink: '我的签到与学时',
  mineTitle: '我的签到',
  mineNone: '本机还没有签到记录',
  mineNoneBody: '在本培训班任一课次扫码签到并确认身份后，这里会显示您的每次签到和学时。',
  mineLoading: '正在加载签到记录…',
  credit: (c: string) => `已获学时 ${c}`,
  lessonCredit: (credit: string, hours: string) => `学时 ${credit} / ${hours}`,
  forget: '不是我',
  forgotten: '已忘记本机保存的身份。',
  reflectTitle: '讲收获',
  reflectHint: '写下参加本次培训的心得体会，可针对整个培训班或某一课次；提交后仍可修改。',
  reflectOpenUntil: (when: string) => `写下参加本次培训的心得体会；${when} 截止，截止前可修改。`,
  reflectClosed: '本培训班已停止提交心得，以下是您提交的内容。',
  reflectLoading: '正在加载心得…',
  reflectNew: '写心得',
  reflectAbout: '关于',
  reflectWholeClass: '整个培训班',
  reflectText: '心得体会',
  reflectPlaceholder: '如：通过这次培训，我对……有了新的认识',
  reflectCount: (n: number, max: number) => `${n} / ${max} 字`,
  reflectSend: '提交',
  reflectSending: '正在提交…',
  reflectCancel: '取消',
  reflectEdit: '修改',
  reflectEmpty: '请先写下您的心得',
  reflectSaved: '已提交，谢谢您的分享。',
  reflectEdited: '修改已保存。',
  reflectNetwork: '未能提交：网络不通。内容已保存在本机，请稍后点“提交”重试（不会重复提交）。',
  reflectNone: '您还没有提交心得。',
};

export type Texts = typeof zh;

const en: Texts = {
  switchTo: '中文',
  appName: 'Leitai · Class check-in',
  opening: 'Checking the QR code…',
  checking: 'Checking in…',
  staleTitle: 'This QR code has expired',
  grantExpiredTitle: 'More than 5 minutes since the scan',
  refusedTitle: 'Cannot check in',
  noScanTitle: 'Scan to check in',
  noScanBody: 'Scan the QR code on the venue screen with the phone camera. The code changes every 15 seconds; a forwarded code or a photo of it cannot check you in.',
  unreachable: 'Cannot reach the server. Check the connection and try again.',
  retry: 'Try again',
  identifyTitle: 'Who are you?',
  identifyHint: 'Only once on this phone: for the rest of this class a scan checks you in at once.',
  byCode: 'Personal code',
  byName: 'Pick my name',
  codeLabel: 'Personal check-in code',
  codeHint: 'Printed on the roster; ask your unit’s liaison, or pick your name instead.',
  codeEmpty: 'Type your personal code',
  codeGo: 'Check in',
  loadingList: 'Loading the list…',
  unitFilter: 'Filter units by name',
  unitLabel: 'Your unit',
  noMatch: 'Nothing matches; try other characters',
  more: (n) => `${n} more not listed: type to narrow the list`,
  people: (n) => `${n} ${n === 1 ? 'person' : 'people'}`,
  otherUnit: '← Another unit',
  nameFilter: 'Filter names',
  confirmWho: 'Confirm this is you',
  confirmGo: 'That’s me: check in',
  confirmBack: 'Back',
  okTitle: (status, clock) => `Checked in · ${status} ${clock}`,
  againTitle: (clock) => `Already checked in at ${clock}`,
  rememberedNote: 'As recorded on this phone.',
  notMe: 'Not me? Check in someone else',
  notMeScan: 'This phone has forgotten who you were. Scan the QR code on the venue screen again to check in.',
  lessonLabel: 'Lesson',
  venueLabel: 'Venue',
  whoLabel: 'Trainee',
  mineLink: 'My check-ins and credit hours',
  mineTitle: 'My check-ins',
  mineNone: 'No check-ins on this phone yet',
  mineNoneBody: 'Once you scan at any lesson of this class and say who you are, your check-ins and credit hours appear here.',
  mineLoading: 'Loading your check-ins…',
  credit: (c) => `Credit hours earned: ${c}`,
  lessonCredit: (credit, hours) => `${credit} of ${hours} h`,
  forget: 'Not me',
  forgotten: 'This phone has forgotten who you were.',
  reflectTitle: 'Reflections',
  reflectHint: 'Write what you took from this class, about the whole class or one lesson; you can edit it after sending.',
  reflectOpenUntil: (when) => `Write what you took from this class; open until ${when}, editable until then.`,
  reflectClosed: 'This class no longer takes reflections; here is what you sent.',
  reflectLoading: 'Loading your reflections…',
  reflectNew: 'Write a reflection',
  reflectAbout: 'About',
  reflectWholeClass: 'The whole class',
  reflectText: 'Your reflection',
  reflectPlaceholder: 'e.g. This class showed me how…',
  reflectCount: (n, max) => `${n} / ${max} characters`,
  reflectSend: 'Send',
  reflectSending: 'Sending…',
  reflectCancel: 'Cancel',
  reflectEdit: 'Edit',
  reflectEmpty: 'Write your reflection first',
  reflectSaved: 'Sent. Thank you for sharing.',
  reflectEdited: 'Your changes are saved.',
  reflectNetwork: 'Not sent: no connection. It is kept on this phone; tap Send again later (it will not be stored twice).',
  reflectNone: 'You have not sent a reflection yet.',
};

export const TEXTS: Record<Lang, Texts> = { zh, en };
