/**
 * The one error type that leaves the server: a closed set of codes, each with an HTTP status and a message a clerk
 * understands, in Chinese first and English. Internal error text never reaches a client.
 */
import { z } from 'zod';
import type { Message } from '../domain/results.js';
import { messageSchema } from './common.js';

export const ERRORS = {
  invalid_request: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  malformed_json: { status: 400, zh: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  unsupported_media_type: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  payload_too_large: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  unauthenticated: { status: 401, zh: '请先登录或提供有效的访问令牌', en: 'Sign in or send a valid access token' },
  forbidden: { status: 403, zh: '当前角色无权进行此操作', en: 'Your role may not do this' },
  csrf_failed: { status: 403, zh: '请求缺少有效的防伪令牌（x-csrf-token），请刷新页面后重试', en: 'The request lacks a valid anti-forgery token (x-csrf-token); reload the page and try again' },
  login_failed: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  login_locked: { status: 429, zh: '从这台设备登录失败次数过多，该用户名在这里已暂时锁定（最长 15 分钟），请稍后再试；其他设备不受影响', en: 'Too many failed logins from this device: this username is locked here for a while (at most 15 minutes); other devices are not affected' },
  password_mismatch: { status: 403, zh: '当前密码不正确', en: 'The current password is wrong' },
  account_state: { status: 409, zh: '账号当前状态不允许此操作', en: 'The account is not in a state that allows this' },
  not_found: { status: 404, zh: '未找到请求的内容', en: 'Not found' },
  route_not_found: { status: 404, zh: '没有这个接口', en: 'No such route' },
  method_not_allowed: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  invalid_definition: { status: 422, zh: '测评方案设置有误', en: 'The campaign set-up has errors' },
  invalid_units: { status: 422, zh: '单位数据有误，未导入任何内容', en: 'The units file has errors; nothing was imported' },
  ballot_refused: { status: 422, zh: '选票不符合规则，未保存，请修改后重新提交', en: 'The ballot breaks a rule and was not stored; fix it and submit again' },
  token_unknown: { status: 404, zh: '测评码无效', en: 'This rating code is not valid' },
  token_used: { status: 409, zh: '该测评码已使用，不能再提交不同的选票', en: 'This code has been used; a different ballot cannot be submitted on it' },
  token_revoked: { status: 410, zh: '该测评码已作废', en: 'This code has been revoked' },
  sheet_conflict: { status: 409, zh: '该票号已录入过内容不同的选票', en: 'A different ballot was already entered for this sheet number' },
  sheet_number_taken: { status: 409, zh: '该票号已分配给另一录入页面', en: 'This sheet number was given to another entry page' },
  over_return: { status: 409, zh: '保存本票后收回份数将多于发出份数，测评会将无效；确认原票确属本场收回后才能保存', en: 'With this sheet more sheets would be returned than issued and the session would be void; it is stored only once the clerk confirms' },
  session_not_open: { status: 409, zh: '测评会未开始或已结束', en: 'The session is not open' },
  session_state: { status: 409, zh: '测评会当前状态不允许此操作', en: 'The session is not in a state that allows this' },
  campaign_state: { status: 409, zh: '测评活动当前状态不允许此操作', en: 'The campaign is not in a state that allows this' },
  case_link_refused: { status: 422, zh: '该案例不能作为这个案例评对象', en: 'This case cannot be that case-rating item' },
  duplicate_id: { status: 409, zh: '编号已存在', en: 'That id already exists' },
  invalid_roster: { status: 422, zh: '学员名单有误，未导入任何人', en: 'The roster file has errors; nobody was imported' },
  invalid_groups: { status: 422, zh: '分组名单有误，未导入任何内容', en: 'The group list has errors; nothing was imported' },
  training_state: { status: 409, zh: '培训班当前状态不允许此操作', en: 'The class is not in a state that allows this' },
  checkin_code_stale: { status: 410, zh: '这个签到二维码已过期：二维码每 15 秒更换一次，请扫描会场大屏上正在显示的二维码', en: 'This check-in QR code has expired: the code changes every 15 seconds; scan the one on the venue screen now' },
  checkin_code_invalid: { status: 400, zh: '这不是本会场有效的签到二维码，请扫描会场大屏上的二维码', en: 'This is not a valid check-in code for this venue; scan the code on the venue screen' },
  checkin_grant_expired: { status: 410, zh: '扫码已超过 5 分钟，请重新扫描会场大屏上的二维码', en: 'More than 5 minutes have passed since the scan; scan the code on the venue screen again' },
  checkin_closed: { status: 409, zh: '本课次已结束，不能再签到；如需补签请联系培训班工作人员', en: 'This lesson has ended and check-in is closed; ask the class staff for a late entry' },
  checkin_not_open: { status: 409, zh: '本课次尚未开放签到（开课前 1 小时开放）', en: 'Check-in for this lesson is not open yet (it opens an hour before the start)' },
  participant_unknown: { status: 404, zh: '没有找到这位学员，请核对个人签到码或重新选择姓名', en: 'No such trainee in this class; check the personal code or pick the name again' },
  tour_state: { status: 409, zh: '观摩当前状态不允许此操作', en: 'The tour is not in a state that allows this' },
  tour_link_invalid: { status: 404, zh: '这个观摩评分链接无效或已更换，请向活动办公室索取新的个人链接', en: 'This observer link is not valid or has been replaced; ask the office for a new personal link' },
  tour_sheet_conflict: { status: 409, zh: '这个评分表编号已用于另一份内容不同的评分，本次评分未保存', en: 'This sheet id already belongs to a different score; this one was not stored' },
  tour_closed: { status: 409, zh: '观摩评已结束，此评分未被接收，仍保存在手机上', en: 'Observation scoring has closed: this score was not accepted and stays on the phone' },
  tour_observer_has_ballot: { status: 409, zh: '该观摩团成员已在本场测评会提交过选票，手机上的观摩评分不再接收（以选票为准）', en: 'This observer has already cast a ballot in the session, so scores from the phone are not taken (the ballot counts)' },
  rate_limited: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again shortly' },
  font_missing: { status: 503, zh: '服务器未安装中文字体（fonts-noto-cjk），暂不能生成 PDF 报告；可先导出 Excel', en: 'The server has no Chinese font installed (fonts-noto-cjk), so the PDF report cannot be made; export Excel meanwhile' },
  internal: { status: 500, zh: '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * One thing wrong with a request: where (a field path, an import row), a problem code, a message, and the problem's
 * own fields (the rule, the counts, the instrument…), kept as they are.
 */
export const errorDetailSchema = z.looseObject({
  path: z.string().optional(),
  code: z.string().optional(),
  row: z.number().int().optional(),
  message: messageSchema,
});
export type ErrorDetail = z.output<typeof errorDetailSchema>;

/** The body of every refused request. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERRORS) as ErrorCode[]),
    status: z.number().int(),
    message: messageSchema,
    details: z.array(errorDetailSchema),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly userMessage: Message;
  readonly details: ErrorDetail[];

  constructor(code: ErrorCode, options: { message?: Message; details?: ErrorDetail[]; cause?: unknown } = {}) {
    const spec = ERRORS[code];
    super(`${code}: ${options.message?.en ?? spec.en}`, { cause: options.cause });
    this.code = code;
    this.status = spec.status;
    this.userMessage = options.message ?? { zh: spec.zh, en: spec.en };
    this.details = options.details ?? [];
  }
}

export function errorBody(e: AppError): ErrorBody {
  return { error: { code: e.code, status: e.status, message: e.userMessage, details: e.details } };
}
