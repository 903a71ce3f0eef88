/**
 * 提示语: the specific zh/en texts the server puts in its refusals (and the big screen's waiting states), in one
 * table, so that one situation is said one way everywhere (and translated once). Each error code's default text stays
 * in errors.ts; a use case that has more to say picks its text here. Texts that explain a rule stay beside it: the
 * domain's about a set-up or a ballot (check-definition, quota, explain) and a units file's row reasons
 * (import/units.ts). The console's own strings stay in its i18n files.
 */
import type { PhoneUnreachable, PublicUrlProblem } from '../domain/public-address.js';
import type { Message } from '../domain/results.js';
import { AppError } from './errors.js';

/** What each kind of missing thing is called. */
const THINGS = {
  campaign: { zh: '活动', en: 'campaign' },
  session: { zh: '测评会', en: 'session' },
  unit: { zh: '单位', en: 'unit' },
  ranking: { zh: '排名', en: 'ranking' },
  account: { zh: '账号', en: 'account' },
  raterGroup: { zh: '测评组', en: 'rater group' },
  trainingClass: { zh: '培训班', en: 'training class' },
  lesson: { zh: '课次', en: 'lesson' },
  venue: { zh: '会场', en: 'venue' },
  participant: { zh: '学员', en: 'participant' },
  case: { zh: '案例', en: 'case' },
  document: { zh: '文件', en: 'document' },
  seminarReport: { zh: '书面材料', en: 'written report' },
  topicGroup: { zh: '研讨组', en: 'topic group' },
  reflection: { zh: '心得', en: 'reflection' },
  tour: { zh: '观摩活动', en: 'tour' },
  tourObserver: { zh: '观摩团成员', en: 'observer' },
  tourStop: { zh: '观摩点', en: 'stop' },
  tourCounty: { zh: '观摩县（市、区）', en: 'county on the tour' },
} as const satisfies Record<string, Message>;

export type Thing = keyof typeof THINGS;

/** "测评会 s1 不存在 / No session s1". */
export function notFoundText(thing: Thing, id: string): Message {
  return { zh: `${THINGS[thing].zh} ${id} 不存在`, en: `No ${THINGS[thing].en} ${id}` };
}

/** The 404 of a thing looked up by id. */
export function notFound(thing: Thing, id: string): AppError {
  return new AppError('not_found', { message: notFoundText(thing, id) });
}

const PUBLIC_URL_EXAMPLE = { zh: '如 http://192.168.1.20:3000 或 https://leitai.example.cn', en: 'e.g. http://192.168.1.20:3000 or https://leitai.example.cn' };

const PUBLIC_URL_PROBLEMS: Record<PublicUrlProblem, Message> = {
  not_url: { zh: `公开地址不是有效的网址，应以 http:// 或 https:// 开头，${PUBLIC_URL_EXAMPLE.zh}`, en: `The public address is not a web address; it starts with http:// or https://, ${PUBLIC_URL_EXAMPLE.en}` },
  scheme: { zh: `公开地址须以 http:// 或 https:// 开头，${PUBLIC_URL_EXAMPLE.zh}`, en: `The public address must start with http:// or https://, ${PUBLIC_URL_EXAMPLE.en}` },
  credentials: { zh: '公开地址不能包含用户名或密码', en: 'The public address cannot hold a user name or password' },
  path: { zh: `公开地址只填写协议、主机和端口，不带路径或参数，${PUBLIC_URL_EXAMPLE.zh}`, en: `The public address is the scheme, host and port only, without a path or query, ${PUBLIC_URL_EXAMPLE.en}` },
};

const UNREACHABLE: Record<PhoneUnreachable, Message> = {
  localhost: { zh: 'localhost 指的是打开它的那台设备自己，在手机上就是手机本身。', en: 'localhost means the device that opens it — on a phone, the phone itself.' },
  loopback: { zh: '这是本机回环地址，只指向打开它的那台设备自己，在手机上就是手机本身。', en: 'it is a loopback address, which means the device that opens it — on a phone, the phone itself.' },
  'link-local': { zh: '这是设备没有连上正常网络时自动分配的临时地址，其他设备通常访问不到。', en: 'it is a link-local address a device gives itself when it has no proper network; other devices usually cannot reach it.' },
  unspecified: { zh: '这是服务器“监听所有网卡”的写法，不是一个能访问的地址。', en: 'it is how a server says “listen everywhere”, not an address anything can be reached at.' },
};

export const MESSAGES = {
  // 活动与方案
  campaignIdTaken: (id: string): Message => ({ zh: `活动编号 ${id} 已存在`, en: `Campaign id ${id} already exists` }),
  campaignIdMismatch: { zh: '活动编号与地址不一致', en: 'The id does not match the URL' },
  campaignFrozen: { zh: '活动已启用，方案不能再修改', en: 'The campaign is active; its set-up can no longer change' },
  rootUnitMissing: (id: string): Message => ({ zh: `根单位 ${id} 不存在`, en: `Root unit ${id} does not exist` }),
  templateRootMissing: (id: string): Message => ({ zh: `单位 ${id} 不存在，请先导入单位`, en: `No unit ${id}; import the units first` }),
  templateNoCounties: (rootName: string): Message => ({
    zh: `「${rootName}」下没有县（市、区），请先导入其下级单位`,
    en: `${rootName} has no county-level units below it; import them first`,
  }),
  /** A storage refusal the application did not foresee; the English text is the storage's own. */
  storageRefused: (detail: string): Message => ({ zh: '数据不符合要求', en: detail }),

  // 单位
  unitIdTaken: (id: string): Message => ({ zh: `单位编号 ${id} 重复或已存在`, en: `Unit id ${id} is a duplicate or exists` }),
  unitParentMissing: (parentId: string): Message => ({ zh: `上级单位 ${parentId} 不存在`, en: `Parent ${parentId} does not exist` }),
  unitBelowParent: (name: string, parentName: string): Message => ({ zh: `「${name}」的层级必须低于上级「${parentName}」`, en: `${name} must be below its parent ${parentName}` }),
  unitExists: (name: string, code: string): Message => ({ zh: `单位「${name}」（${code}）已存在`, en: `Unit ${name} (${code}) already exists` }),
  unitOutsideScope: { zh: '该单位不在您的查看范围内', en: 'This unit is outside what you may see' },
  guessingLocked: {
    zh: '这个网络地址输错测评码的次数过多，输入短码已暂停（最长 15 分钟）；请扫描二维码，或向工作人员求助',
    en: 'Too many wrong codes from this network address: typing codes is paused here (at most 15 minutes); scan the QR code instead, or ask the staff',
  },
  unitsFileMissing: { zh: '请上传 CSV 或 xlsx 文件内容', en: 'Send the CSV or xlsx file as the request body' },
  divisionMissing: (code: string): Message => ({ zh: `没有区划代码 ${code}`, en: `No division with code ${code}` }),
  divisionLevel: { zh: '请选择一个省或一个市导入（区划代码 2 位或 4 位）', en: 'Choose a province or a city to import (a 2- or 4-digit code)' },

  // 测评会
  sessionAlreadyStarted: (status: 'open' | 'closed'): Message => ({
    zh: `测评会已${status === 'open' ? '开始' : '结束'}，不能再开始`,
    en: `The session is already ${status}`,
  }),
  sessionNotOpenToClose: { zh: '只有进行中的测评会可以结束', en: 'Only an open session can be closed' },
  sessionClosedNoTokens: { zh: '测评会已结束，不能再发放测评码', en: 'The session is closed; no more tokens can be issued' },
  screenBeforeOpen: { zh: '测评会尚未开始', en: 'The session has not started' },
  screenAfterAllVoted: { zh: '全部测评码提交后公布结果', en: 'Results show once every issued code has voted' },
  screenAfterClose: { zh: '测评会结束后公布结果', en: 'Results show when the session closes' },
  screenKeyRefused: { zh: '大屏密钥无效或已作废，请向测评办公室索取新的大屏链接', en: 'The screen key is not valid or was revoked; ask the office for a new screen link' },
  /** The big screen's neutral state while the office checks a count that does not add up; never says why. */
  screenChecking: { zh: '正在核对票数，请稍候', en: 'The count is being checked; please wait' },
  screenClosedChecking: { zh: '测评已结束，结果经测评办公室核对后公布', en: 'Rating has ended; results will be shown once the office has checked them' },
  sessionClosedCounts: { zh: '测评会已结束，实到人数和纸质发出份数不能再修改', en: 'The session is closed; its head count and paper sheets issued can no longer change' },
  paperIssuedGroupUnknown: (group: string): Message => ({ zh: `测评组 ${group} 不存在`, en: `No rater group ${group}` }),
  paperIssuedGroupNotRating: (group: string): Message => ({
    zh: `测评组「${group}」不参与本次测评会的任何评价，不能登记纸质发出份数`,
    en: `Group ${group} rates nothing on this session's agenda; no paper sheets can be recorded for it`,
  }),

  // 公开地址
  publicUrlInvalid: (problem: PublicUrlProblem): Message => PUBLIC_URL_PROBLEMS[problem],
  phoneUnreachable: (reason: PhoneUnreachable, origin: string): Message => {
    const what = UNREACHABLE[reason];
    return {
      zh: `手机扫码后打不开 ${origin}：${what.zh}请填写手机在会场能访问的地址，例如这台服务器在会场局域网中的地址（如 http://192.168.1.20:3000）或正式域名（如 https://leitai.example.cn）。`,
      en: `Phones cannot open ${origin}: ${what.en} Enter an address phones in the room can reach, such as this server's address on the room's network (e.g. http://192.168.1.20:3000) or its domain name (e.g. https://leitai.example.cn).`,
    };
  },

  // 选票
  ballotMissing: (instrument: string): Message => ({ zh: `缺少「${instrument}」的选票`, en: `The ballot for ${instrument} is missing` }),
  ballotNotOnAgenda: (instrument: string): Message => ({
    zh: `「${instrument}」不在本测评组本次需要填写的评价中，或重复提交`,
    en: `${instrument} is not on this group's agenda, or was sent twice`,
  }),
  paperBeforeOpen: { zh: '测评会尚未开始，不能录入选票', en: 'The session has not started; ballots cannot be entered yet' },
  paperAfterPublish: { zh: '结果已发布，不能再录入选票', en: 'Results are published; no more ballots can be entered' },
  paperIncomplete: {
    zh: '选票不完整，未保存：请核对后重新录入；如原票确实如此，可按无效票保存',
    en: 'The ballot is incomplete and was not stored: check it, or if the paper really is so, store it as an invalid ballot',
  },
  paperEntryErrors: { zh: '选票内容有误，未保存，请核对后重新录入', en: 'The ballot has entry errors and was not stored; check and enter it again' },
  paperSheetConflict: (sheet: string): Message => ({ zh: `票号 ${sheet} 已录入过内容不同的选票`, en: `Sheet ${sheet} was already entered with different content` }),
  paperSheetNotEntered: (sheet: string): Message => ({ zh: `票号 ${sheet} 尚未录入`, en: `Sheet ${sheet} has not been entered` }),
  receiptsNoSession: { zh: '没有这个测评会，请核对回执名单的链接', en: 'No such session; check the link to the receipt list' },
  paperSheetNumberTaken: (sheet: string, by: string): Message => ({
    zh: `票号 ${sheet} 已分配给另一录入页面（${by}），尚未使用：请使用本页给出的票号，或核对原票上的票号`,
    en: `Sheet number ${sheet} was given to another entry page (${by}) and is not used yet: use the number this page gives, or check the number on the paper`,
  }),
  /** `returned`: sheets back before this one. */
  paperOverReturn: (issued: number, returned: number): Message =>
    returned > issued
      ? {
          zh: `本场发出 ${issued} 份，已收回 ${returned} 份，测评会已因收回多于发出而无效；保存本票后收回 ${returned + 1} 份，测评会仍无效，须重新组织。请核对原票确属本场收回后再确认保存。`,
          en: `${issued} sheets were issued and ${returned} have come back: the session is already void for more returned than issued; with this sheet ${returned + 1} are back and it stays void and must be rerun. Check that the paper really came back in this session before confirming.`,
        }
      : {
          zh: `本场发出 ${issued} 份，已收回 ${returned} 份；保存本票后收回 ${returned + 1} 份，多于发出份数，测评会将无效，须重新组织。请核对原票确属本场收回后再确认保存。`,
          en: `${issued} sheets were issued and ${returned} have come back; with this sheet ${returned + 1} are back, more than issued, so the session becomes void and must be rerun. Check that the paper really came back in this session before confirming.`,
        },

  // 结果与公示
  resultsNotPublished: { zh: '结果尚未发布', en: 'The results are not published yet' },
  unitNotInRanking: (unitId: string): Message => ({ zh: `单位 ${unitId} 不在该排名中`, en: `Unit ${unitId} is not in this ranking` }),
  subjectNotInInstrument: { zh: '该评价方式下没有这个对象', en: 'No such subject in this instrument' },
  whatIfInvalid: { zh: '假设的权重或计分方法不成立', en: 'The what-if weights or methods are not valid' },
  alreadyPublished: { zh: '该活动的结果已经发布', en: 'The results of this campaign are already published' },
  publishBeforeActive: { zh: '活动尚未启用，不能发布结果', en: 'The campaign is not active; its results cannot be published' },
  publishOpenSessions: (names: readonly string[]): Message => ({
    zh: `尚有 ${names.length} 场测评会未结束（${names.join('、')}），全部结束后才能发布`,
    en: `${names.length} session(s) not closed yet (${names.join(', ')}); close every session before publishing`,
  }),
  sessionNotClosed: (name: string): Message => ({ zh: `测评会「${name}」尚未结束`, en: `Session “${name}” is not closed` }),
  campaignChangedMeanwhile: { zh: '活动状态已被他人更改，请刷新后重试', en: 'Someone else changed the campaign’s state; reload and try again' },
  noNotice: { zh: '没有该活动的公示', en: 'No published notice for this campaign' },
  fontFileMissing: (file: string): Message => ({ zh: `缺少字体文件 ${file}`, en: `Missing font file ${file}` }),

  // 导出包
  bundleNotJson: { zh: '导出包不是有效的 JSON', en: 'The bundle is not valid JSON' },
  bundleField: (path: string, problem: string): Message => ({ zh: `字段「${path}」不符合导出包格式：${problem}`, en: `${path}: ${problem}` }),
  bundleInvalid: { zh: '文件不是有效的擂台导出包', en: 'The file is not a valid Leitai bundle' },
  auditExportInvalid: (why: string) => ({
    zh: `文件不是擂台导出的审计日志 CSV（${why}）`,
    en: `The file is not an audit log CSV exported by Leitai (${why})`,
  }),

  // 案例库与案例评
  notCaseInstrument: (name: string): Message => ({ zh: `「${name}」不是案例评，不能关联案例`, en: `${name} is not a case rating; no case can be linked to it` }),
  itemNotInCaseInstrument: (item: string, instrument: string): Message => ({ zh: `「${item}」不是「${instrument}」的测评对象`, en: `${item} is not rated in ${instrument}` }),
  caseOutsideItemUnit: (caseUnit: string, itemUnit: string): Message => ({
    zh: `案例属于「${caseUnit}」，不在「${itemUnit}」范围内：案例只能作为本单位或上级单位的案例评对象`,
    en: `The case belongs to ${caseUnit}, outside ${itemUnit}: a case can only be an item of its own unit or a unit above it`,
  }),
  caseOutsideCampaign: (caseUnit: string): Message => ({ zh: `案例所属的「${caseUnit}」不在本活动的县（市、区）范围内`, en: `The case's unit ${caseUnit} is not within a county of this campaign` }),
  itemAlreadyLinked: (title: string): Message => ({ zh: `该案例评对象已关联案例《${title}》，请先解除关联`, en: `This item is already linked to the case “${title}”; unlink it first` }),
  caseAlreadyItem: (title: string): Message => ({ zh: `案例《${title}》已是本活动案例评的测评对象`, en: `The case “${title}” is already an item of this campaign's case rating` }),
  itemNotLinked: { zh: '该案例评对象没有关联案例', en: 'This item is not linked to a case' },
  caseLinksFrozen: { zh: '活动结果已公示，案例关联不能再修改', en: 'The results are published; case links can no longer change' },
  instrumentNotInCampaign: { zh: '该活动没有这个评价方式', en: 'The campaign has no such instrument' },
  itemNotInCampaign: { zh: '该活动没有这个测评对象', en: 'The campaign has no such item' },

  // 培训班
  classIdTaken: (id: string): Message => ({ zh: `培训班编号 ${id} 已存在`, en: `Class id ${id} already exists` }),
  classDatesReversed: { zh: '培训班的结束日期早于开始日期', en: 'The class ends before it starts' },
  classRootNeeded: { zh: '独立培训班须指定所属市（根单位）', en: 'A class without a campaign needs its city (root unit)' },
  classDaysExcludeLessons: (title: string): Message => ({ zh: `课次「${title}」将不在培训班的日期内，请先调整该课次`, en: `Lesson “${title}” would fall outside the class's days; move it first` }),
  venueIdTaken: (id: string): Message => ({ zh: `会场编号 ${id} 已存在`, en: `Venue id ${id} already exists` }),
  lessonIdTaken: (id: string): Message => ({ zh: `课次编号 ${id} 已存在`, en: `Lesson id ${id} already exists` }),
  lessonEndsBeforeStart: { zh: '课次的结束时间须晚于开始时间', en: 'A lesson must end after it starts' },
  lessonOutsideClassDays: (from: string, to: string): Message => ({ zh: `课次须在培训班日期（${from} 至 ${to}）之内`, en: `A lesson must fall within the class's days (${from} to ${to})` }),
  lessonHoursInvalid: { zh: '学时须为大于 0、不超过 24 的数，最多两位小数', en: 'Credit hours must be a number above 0 and at most 24, with at most two decimals' },
  lessonNoVenue: { zh: '课次至少要有一个会场', en: 'A lesson needs at least one venue' },
  lessonVenueRepeated: { zh: '同一会场不能重复列出', en: 'A venue is listed twice' },
  lessonHasCheckins: (n: number): Message => ({ zh: `该课次已有 ${n} 条签到记录，不能删除`, en: `The lesson has ${n} check-in record(s) and cannot be deleted` }),
  unitOutsideClass: (name: string): Message => ({ zh: `单位「${name}」不在本培训班的范围内`, en: `Unit ${name} is outside this class's area` }),
  participantExists: (name: string, unit: string): Message => ({ zh: `「${unit}」已有学员「${name}」`, en: `${unit} already has a participant named ${name}` }),
  rosterFileMissing: { zh: '请上传学员名单文件（xlsx 或 CSV）', en: 'Upload the roster file (xlsx or CSV)' },
  venueScreenKeyInvalid: { zh: '这个会场大屏链接无效或已作废，请在办公室工作台重新打开会场大屏', en: 'This venue screen link is not valid or was revoked; open the venue screen again from the office console' },
  scanOneWay: { zh: '请先扫描会场大屏上的二维码', en: 'Scan the code on the venue screen first' },
  scanNeedsDevice: { zh: '首次签到请先扫码，再输入个人签到码或选择姓名', en: 'The first time, scan and then type your personal code or pick your name' },
  identifyOneWay: { zh: '请输入个人签到码，或选择单位和姓名（只选一种）', en: 'Type your personal code, or pick your unit and name (one of them)' },
  deviceUnknown: { zh: '本机保存的身份已失效，请重新输入个人签到码或选择姓名', en: 'The identity kept on this phone is no longer valid; type your personal code or pick your name again' },
  personalCodeUnknown: { zh: '个人签到码不正确，请核对名单上打印的签到码', en: 'That personal code is not right; check the code printed on the roster' },
  tooManyCodeTries: { zh: '签到码输错次数过多，请重新扫描大屏上的二维码', en: 'Too many wrong codes; scan the code on the venue screen again' },
  tooManyPersonTries: { zh: '该学员的签到操作过于频繁，请稍后再试或联系工作人员', en: 'Too many check-in attempts for this trainee; try again later or ask the staff' },
  checkedIn: (status: 'on_time' | 'late', clock: string): Message =>
    status === 'on_time' ? { zh: `签到成功 · 准时 ${clock}`, en: `Checked in · on time ${clock}` } : { zh: `签到成功 · 迟到 ${clock}`, en: `Checked in · late ${clock}` },
  alreadyCheckedIn: (clock: string): Message => ({ zh: `已签到 ${clock}`, en: `Already checked in at ${clock}` }),
  onLeave: { zh: '您本课次已请假；如已到场，请联系工作人员补签', en: 'You are on leave for this lesson; if you are here, ask the staff for a late entry' },
  markExists: (clock: string): Message => ({ zh: `该学员本课次已有记录（${clock}），不能重复登记`, en: `This participant already has a record for the lesson (${clock})` }),

  // 命题式研讨与讲收获
  groupIdTaken: (id: string): Message => ({ zh: `研讨组编号 ${id} 已存在`, en: `Topic group id ${id} already exists` }),
  groupPositionTaken: (n: number, topic: string): Message => ({ zh: `第${n}组已有议题「${topic}」，请换一个组号`, en: `Group ${n} is already “${topic}”; choose another number` }),
  groupTopicTaken: (topic: string): Message => ({ zh: `已有议题为「${topic}」的研讨组`, en: `A group already has the topic “${topic}”` }),
  groupMemberElsewhere: (name: string, topic: string): Message => ({
    zh: `学员「${name}」已在研讨组「${topic}」中；每位学员只能在一个组，确需调整请选择“调入本组”`,
    en: `${name} is already in the group “${topic}”; a trainee is in one group only — choose “move into this group” to move them`,
  }),
  groupMemberRepeated: (name: string): Message => ({ zh: `学员「${name}」重复列出`, en: `${name} is listed twice` }),
  groupReporterNotMember: { zh: '汇报人须是本组成员，请先把他加入本组', en: 'The reporter must be a member of the group; add them first' },
  groupFileMissing: { zh: '请上传分组名单文件（xlsx 或 CSV）', en: 'Upload the group list (xlsx or CSV)' },
  reflectionsClosed: { zh: '本培训班已停止提交心得（讲收获已截止）', en: 'This class no longer takes reflections (closed by the office)' },
  reflectionIdTaken: { zh: '这条心得的编号已被占用，请刷新页面后重新提交', en: 'This reflection’s id is taken; reload the page and send it again' },
  reflectionLessonUnknown: { zh: '所选课次不属于本培训班', en: 'The lesson chosen is not one of this class' },
  tooManyReflections: (max: number): Message => ({ zh: `每位学员最多提交 ${max} 条心得`, en: `At most ${max} reflections per trainee` }),
  tooManyReflectionWrites: { zh: '提交过于频繁，请稍后再试', en: 'Too many saves in a short time; try again shortly' },
  // 文件上传与座谈会
  uploadNotMultipart: { zh: '请以表单方式（multipart/form-data）上传文件', en: 'Send the file as a form upload (multipart/form-data)' },
  uploadFileMissing: { zh: '没有收到文件，请选择要上传的文件', en: 'No file arrived; choose the file to upload' },
  uploadEmpty: { zh: '文件是空的（0 字节）', en: 'The file is empty (0 bytes)' },
  uploadTooLarge: (limitMb: number): Message => ({ zh: `文件超过 ${limitMb} MB 的上限，未保存；请压缩或拆分后再上传`, en: `The file is over the ${limitMb} MB limit and was not stored; compress or split it and upload again` }),
  uploadTooManyParts: { zh: '一次只能上传一个文件', en: 'Upload one file at a time' },
  fileTypeRefused: (name: string): Message => ({
    zh: `「${name}」的内容不是允许的文件类型；只接受 PDF、Word（docx）、Excel（xlsx）、JPG 和 PNG`,
    en: `The content of “${name}” is not an allowed type; only PDF, Word (docx), Excel (xlsx), JPG and PNG are accepted`,
  }),
  fileLegacyOffice: (name: string): Message => ({
    zh: `「${name}」是旧版 Office 文件（doc / xls），请另存为 docx、xlsx 或 PDF 后再上传`,
    en: `“${name}” is an old Office file (doc / xls); save it as docx, xlsx or PDF and upload that`,
  }),
  fileHasMacros: (name: string): Message => ({
    zh: `「${name}」含有宏（VBA），出于安全不能上传；请另存为不含宏的 docx、xlsx 或 PDF`,
    en: `“${name}” contains macros (VBA) and cannot be uploaded; save it without macros as docx, xlsx or PDF`,
  }),
  fileNameMismatch: (name: string, nameExt: string, actual: string): Message => ({
    zh: `文件名「${name}」是 .${nameExt} 文件，但内容实为 ${actual}；请核对后上传正确的文件`,
    en: `The name “${name}” says .${nameExt}, but the content is ${actual}; check and upload the right file`,
  }),
  documentRemoved: { zh: '该文件已被删除', en: 'This document was removed' },
  reportNotYours: { zh: '只能上传本单位的书面材料', en: 'You may upload only your own unit’s written report' },
  reportAccepted: { zh: '该书面材料已收取，不能再更改；如需更换请联系培训班办公室退回', en: 'This written report has been accepted and cannot change; ask the class office to send it back first' },
  reportNotSubmitted: { zh: '该书面材料尚未提交，不能收取', en: 'This written report has not been submitted, so it cannot be accepted' },
  reportAlreadyMissing: { zh: '该书面材料尚未提交，无需退回', en: 'This written report has not been submitted; there is nothing to send back' },
  reportHandedIn: { zh: '该书面材料已提交，不能取消分派；如确属分派错误，请先退回', en: 'This written report has been handed in and cannot be withdrawn; send it back first if it was assigned in error' },
  reportUnitTaken: (name: string): Message => ({ zh: `「${name}」已有书面材料任务`, en: `${name} already has a written report slot` }),
  reportUnitNotTownship: (name: string): Message => ({ zh: `「${name}」不是乡镇（街道）或村级单位，不能分派书面材料`, en: `${name} is not a township or village, so no written report can be assigned to it` }),
  chosenUnit: { zh: '所选单位', en: 'the chosen unit' },
  speakerRepeated: { zh: '发言人编号重复', en: 'A speaker is listed twice' },

  // 观摩
  tourSessionNoSiteInstrument: (session: string): Message => ({
    zh: `测评会「${session}」没有以实训点为对象的打分类评价方式，不能安排观摩`,
    en: `Session “${session}” has no score instrument whose subjects are sites, so no tour can score in it`,
  }),
  tourInstrumentAmbiguous: (session: string): Message => ({
    zh: `测评会「${session}」有多个以实训点为对象的打分类评价方式，请指定 instrumentId`,
    en: `Session “${session}” has several score instruments of sites; name one in instrumentId`,
  }),
  tourInstrumentUnfit: (instrument: string): Message => ({
    zh: `「${instrument}」不是本场测评会中以实训点为对象的打分类评价方式`,
    en: `“${instrument}” is not a score instrument of sites in this session`,
  }),
  tourGroupMissing: (instrument: string): Message => ({
    zh: `「${instrument}」没有署名的测评组，观摩团成员须署名评分`,
    en: `“${instrument}” has no named rater group; observers sign their scores`,
  }),
  tourGroupAmbiguous: (instrument: string): Message => ({
    zh: `「${instrument}」有多个署名的测评组，请指定 raterGroupId`,
    en: `“${instrument}” has several named rater groups; name one in raterGroupId`,
  }),
  tourGroupUnfit: (group: string): Message => ({ zh: `测评组「${group}」不是该评价方式的署名测评组`, en: `Rater group “${group}” is not a named group of the instrument` }),
  tourReviewGroupUnknown: (group: string): Message => ({ zh: `测评组 ${group} 不存在`, en: `No rater group ${group}` }),
  tourReviewGroupSame: { zh: '调度点评会的测评组不能与观摩团相同', en: 'The review meetings cannot score as the observers’ own group' },
  tourHasSheets: (n: number): Message => ({ zh: `已收到 ${n} 份观摩评分，不能删除该观摩活动`, en: `${n} sheets have been received; the tour cannot be deleted` }),
  tourSiteTwice: (site: string): Message => ({ zh: `实训点「${site}」在行程中出现了不止一次`, en: `Site “${site}” is on the itinerary more than once` }),
  tourSiteUnknown: (subjectId: string): Message => ({ zh: `${subjectId} 不是本观摩评价方式的实训点`, en: `${subjectId} is not a site of the tour’s instrument` }),
  tourDayUnknown: (dayId: string): Message => ({ zh: `行程日 ${dayId} 不属于本观摩活动`, en: `Day ${dayId} is not a day of this tour` }),
  tourDayTwice: (dayId: string): Message => ({ zh: `行程日 ${dayId} 出现了不止一次`, en: `Day ${dayId} is listed more than once` }),
  tourStopUnknown: (stopId: string): Message => ({ zh: `观摩点 ${stopId} 不属于本观摩活动`, en: `Stop ${stopId} is not a stop of this tour` }),
  tourStopTwice: (stopId: string): Message => ({ zh: `观摩点 ${stopId} 出现了不止一次`, en: `Stop ${stopId} is listed more than once` }),
  tourStopHasSheets: (site: string, n: number): Message => ({
    zh: `观摩点「${site}」已收到 ${n} 份评分，不能从行程中删除，也不能改为其他实训点`,
    en: `Stop “${site}” has ${n} sheets: it cannot leave the itinerary or change its site`,
  }),
  tourObserverNameTaken: (name: string): Message => ({ zh: `观摩团已有成员「${name}」`, en: `The team already has a member “${name}”` }),
  tourObserverHasSheets: (name: string, n: number): Message => ({ zh: `「${name}」已提交 ${n} 份评分，不能移出观摩团`, en: `${name} has sent ${n} sheets and cannot leave the team` }),
  tourObserverRenameSigned: (name: string): Message => ({
    zh: `「${name}」已提交评分，评分以此署名，不能改名`,
    en: `${name} has sent sheets signed with this name, so it cannot change`,
  }),
  tourStopNotOnTour: (stopId: string): Message => ({ zh: `观摩点 ${stopId} 不在本次观摩的行程上，评分未保存`, en: `Stop ${stopId} is not on this tour’s itinerary; the score was not stored` }),
  tourCountyNotOnTour: (unitId: string): Message => ({ zh: `${unitId} 不是本次观摩所到的县（市、区）`, en: `${unitId} is not a county this tour visits` }),
  tourReviewSiteUnknown: (subjectId: string): Message => ({ zh: `${subjectId} 不是该县在本次观摩中的实训点`, en: `${subjectId} is not a site of this county on the tour` }),
  tourReviewScoreCriteria: { zh: '本评价方式按细则打分，调度点评会不能只给一个总分', en: 'This instrument scores by criteria; a review meeting cannot give a single score' },
  tourReviewScoreInvalid: (value: string, min: string, max: string, step: string): Message => ({
    zh: `调度点评会分数 ${value} 须在 ${min}–${max} 之间，且为 ${step} 的整数倍`,
    en: `The review score ${value} must be within ${min}–${max} and a multiple of ${step}`,
  }),
  tourClosesOpen: (session: string): Message => ({
    zh: `评分随测评会「${session}」结束而截止；截止前可随时修改，以最后一次评分为准`,
    en: `Scoring closes with the session “${session}”; until then a stop may be scored again, and the last score counts`,
  }),
  tourClosesNotYet: (session: string): Message => ({
    zh: `测评会「${session}」尚未开始，评分暂存在手机上，开始后自动提交`,
    en: `The session “${session}” has not opened yet; scores wait on the phone and are sent once it opens`,
  }),
  tourClosesClosed: (session: string): Message => ({
    zh: `测评会「${session}」已结束，不再接收观摩评分`,
    en: `The session “${session}” has closed; no more scores are taken`,
  }),
  tourSessionNotOpen: (session: string): Message => ({
    zh: `测评会「${session}」尚未开始，此评分未被接收，仍保存在手机上`,
    en: `The session “${session}” has not opened yet: this score was not accepted and stays on the phone`,
  }),

  // 账号
  usernameTaken: (username: string): Message => ({ zh: `用户名 ${username} 已存在`, en: `Username ${username} exists` }),
  lastAdmin: { zh: '不能停用最后一个可用的管理员账号', en: 'The last active admin account cannot be disabled' },
  samePassword: { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  bodyNotUtf8: { zh: '请求内容不是 UTF-8 编码的文本', en: 'The request body is not UTF-8 text' },
  bodyForbiddenCharacter: {
    zh: '请求内容含有不允许的字符（控制字符、不成对的代理项或文字方向控制符），请删去后重试',
    en: 'The request holds a character that is not allowed (a control character, a lone surrogate or a text-direction override); remove it and try again',
  },
  bodyTooDeep: (depth: number): Message => ({ zh: `请求内容嵌套超过 ${depth} 层`, en: `The request body is nested deeper than ${depth} levels` }),
  foreignOrigin: {
    zh: '请求来自其他网站（来源与本系统不符），已拒绝；请在本系统自己的页面中操作',
    en: "The request came from another site (its origin is not this server's) and was refused; use Leitai's own pages",
  },
} as const satisfies Record<string, Message | ((...args: never[]) => Message)>;

/**
 * Words for request fields a screen shows, for schema refusals outside a campaign set-up ("新密码：至少 10 个字符"
 * rather than "newPassword"). Fields inside a set-up are named by domain/definition-place.ts.
 */
export const FIELD_WORDS: Record<string, Message> = {
  username: { zh: '用户名', en: 'username' },
  password: { zh: '密码', en: 'password' },
  currentPassword: { zh: '当前密码', en: 'current password' },
  newPassword: { zh: '新密码', en: 'new password' },
  displayName: { zh: '显示名称', en: 'display name' },
  role: { zh: '角色', en: 'role' },
  unitId: { zh: '单位', en: 'unit' },
  rootUnitId: { zh: '根单位', en: 'root unit' },
  name: { zh: '名称', en: 'name' },
  code: { zh: '代码', en: 'code' },
  sheetNumber: { zh: '票号', en: 'sheet number' },
  raterGroupId: { zh: '测评组', en: 'rater group' },
  boundUnitId: { zh: '所属单位（回避）', en: 'own unit (recusal)' },
  opinion: { zh: '评价意见', en: 'opinion' },
  reason: { zh: '理由', en: 'reason' },
  points: { zh: '分值', en: 'points' },
  score: { zh: '分数', en: 'score' },
  grade: { zh: '等次', en: 'grade' },
  count: { zh: '数量', en: 'count' },
  present: { zh: '实到人数', en: 'head count' },
  expected: { zh: '应到人数', en: 'expected raters' },
  paperIssued: { zh: '纸质发出份数', en: 'paper sheets issued' },
  noticeDate: { zh: '公示日期', en: 'notice date' },
  objectionDays: { zh: '公示期（天）', en: 'objection period (days)' },
  contact: { zh: '联系方式', en: 'contact' },
  title: { zh: '标题', en: 'title' },
  q: { zh: '检索词', en: 'search words' },
  post: { zh: '职务', en: 'post' },
  topic: { zh: '发言题目', en: 'topic' },
  note: { zh: '说明', en: 'note' },
};
