/**
 * 培训班 (issue #13): request and response schemas of classes, venues, lessons, the roster, check-in and attendance.
 * Times on the wire are Beijing wall-clock text, "2022-06-15T09:00" (domain/training/local-time.ts); check-in instants
 * are ISO-8601 UTC with their local clock beside them ("09:02").
 */
import { z } from 'zod';
import { ATTENDANCE_MARKS, LESSON_KINDS } from '../domain/training/types.js';
import { isLocalDate, parseLocalDateTime } from '../domain/training/local-time.js';
import { messageSchema, somethingToChange } from './common.js';
import { id } from './definition.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

/** YYYY-MM-DD that exists on the calendar. */
export const localDate = z.string().refine(isLocalDate, { error: '日期须为 YYYY-MM-DD 且真实存在 / a real date as YYYY-MM-DD' });
/** "2022-06-15T09:00", Beijing time, on a date that exists. */
export const localDateTime = z.string().refine((s) => parseLocalDateTime(s) !== null, {
  error: '时间须为 YYYY-MM-DDTHH:mm（北京时间）且真实存在 / a real time as YYYY-MM-DDTHH:mm (Beijing time)',
});
const graceMinutes = z.number().int().min(0).max(240);
const lateSharePercent = z.number().int().min(0).max(100);
/** 学时 as typed: a number or a decimal string, at most two places ("2", "1.5"). */
const hours = z.union([z.string().trim(), z.number()]).transform((v) => String(v));

export const lessonKindSchema = z.enum(LESSON_KINDS);
export const attendanceMarkSchema = z.enum(ATTENDANCE_MARKS);
export const attendanceStatusSchema = z.enum([...ATTENDANCE_MARKS, 'absent', 'pending']);

// ---- params -------------------------------------------------------------------------------------------------

export const classParams = z.object({ classId: id });
export const venueParams = z.object({ classId: id, venueId: id });
export const lessonParams = z.object({ classId: id, lessonId: id });
export const lessonVenueParams = z.object({ classId: id, lessonId: id, venueId: id });
export const participantParams = z.object({ classId: id, participantId: id });
/** The venue screen's link: the key is an HMAC of the venue's secret, so nothing is stored per screen. */
export const screenParams = z.object({ classId: id, lessonId: id, venueId: id, key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });

// ---- classes ------------------------------------------------------------------------------------------------

export const classInputSchema = z.object({
  id: id.optional(),
  name: text(200),
  campaignId: id.nullable().default(null),
  /** The city the class is for; with a campaign, its root unit when left out. */
  rootUnitId: id.optional(),
  startsOn: localDate,
  endsOn: localDate,
  graceMinutes: graceMinutes.default(10),
  lateSharePercent: lateSharePercent.default(50),
});
export type ClassInput = z.output<typeof classInputSchema>;

export const classPatchSchema = somethingToChange(
  // reflectionsCloseAt: when the class stops taking 讲收获 (Beijing time); null: open.
  z.object({ name: text(200), startsOn: localDate, endsOn: localDate, graceMinutes, lateSharePercent, reflectionsCloseAt: localDateTime.nullable() }).partial(),
);
export type ClassPatch = z.output<typeof classPatchSchema>;

export const venueInputSchema = z.object({
  id: id.optional(),
  name: text(200),
  /** The unit whose party school this is (the city's, a county's): the trainees below it are expected here. */
  unitId: id.nullable().default(null),
  address: optionalText(300),
});
export type VenueInput = z.output<typeof venueInputSchema>;

const speakerSchema = z.object({ name: text(100), title: optionalText(200) });
const materialSchema = z.object({ title: text(200), note: optionalText(500) });

export const lessonInputSchema = z.object({
  id: id.optional(),
  kind: lessonKindSchema,
  title: text(200),
  startsAt: localDateTime,
  endsAt: localDateTime,
  /** Where it is attended; the first is the main venue. A 同步课堂 has several. */
  venueIds: z.array(id).min(1).max(100),
  speakers: z.array(speakerSchema).max(100).default([]),
  materials: z.array(materialSchema).max(100).default([]),
  hours,
  /** Unset: the class's. */
  graceMinutes: graceMinutes.nullable().default(null),
  lateSharePercent: lateSharePercent.nullable().default(null),
});
export type LessonInput = z.output<typeof lessonInputSchema>;
export type LessonRequest = z.input<typeof lessonInputSchema>;

// ---- responses: the class and its agenda ---------------------------------------------------------------------

export const venueSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  address: z.string(),
});
export type Venue = z.output<typeof venueSchema>;

export const lessonSchema = z.object({
  id: z.string(),
  kind: lessonKindSchema,
  kindLabel: messageSchema,
  title: z.string(),
  /** Local date of its start ("2022-06-15"): the day it is listed under. */
  day: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  venueIds: z.array(z.string()),
  speakers: z.array(z.object({ name: z.string(), title: z.string() })),
  materials: z.array(z.object({ title: z.string(), note: z.string() })),
  hours: z.string(),
  /** As set on the lesson (null: the class's) and as it applies. */
  graceMinutes: z.number().int().nullable(),
  lateSharePercent: z.number().int().nullable(),
  effectiveGraceMinutes: z.number().int(),
  effectiveLateSharePercent: z.number().int(),
});
export type Lesson = z.output<typeof lessonSchema>;

export const classSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  campaignId: z.string().nullable(),
  rootUnitId: z.string(),
  rootUnitName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  graceMinutes: z.number().int(),
  lateSharePercent: z.number().int(),
  lessons: z.number().int(),
  participants: z.number().int(),
  /** When 讲收获 closes or closed (Beijing wall clock); null: open. */
  reflectionsCloseAt: z.string().nullable(),
});
export type ClassSummary = z.output<typeof classSummarySchema>;

export const classSchema = classSummarySchema.extend({
  venues: z.array(venueSchema),
  /** Ordered by start. */
  agenda: z.array(lessonSchema),
});
export type TrainingClass = z.output<typeof classSchema>;

// ---- the roster ---------------------------------------------------------------------------------------------

const phone = z.string().trim().regex(/^[0-9+\- ]{0,20}$/, { error: '电话只能含数字、+、- 和空格 / digits, +, - and spaces only' }).nullable();

export const participantInputSchema = z.object({
  name: text(100),
  unitId: id,
  post: optionalText(100),
  phone: phone.default(null),
});
export type ParticipantInput = z.output<typeof participantInputSchema>;

export const participantPatchSchema = somethingToChange(
  // No defaults here: a field left out stays as it is.
  z.object({ name: text(100), unitId: id, post: z.string().trim().max(100), phone }).partial(),
);
export type ParticipantPatch = z.output<typeof participantPatchSchema>;

export const participantSchema = z.object({
  id: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** The unit's place: 泽州县 / 南村镇 / 南村村. */
  unitPath: z.string(),
  post: z.string(),
  /** Hidden (null) from a county viewer. */
  phone: z.string().nullable(),
  /** 个人签到码; hidden (null) from a county viewer. */
  code: z.string().nullable(),
});
export type Participant = z.output<typeof participantSchema>;

export const rosterQuery = z.object({
  q: z.string().trim().max(100).optional(),
  /** This unit and the units below it. */
  unitId: id.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type RosterQuery = z.output<typeof rosterQuery>;

/** The printable roster: one unit and the units below it, or the whole class. */
export const rosterSheetQuery = z.object({ unitId: id.optional() });

export const rosterPageSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(participantSchema),
});
export type RosterPage = z.output<typeof rosterPageSchema>;

export const importQuery = z.object({
  /** The file's name as the user chose it: a hint for its type only, the content decides. */
  filename: z.string().min(1).max(200).default('roster.csv'),
  /** true (the default): check only. false: import when — and only when — every row is clean. */
  dryRun: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  /** Data rows read (the header not counted). */
  rows: z.number().int(),
  /** Rows that would be (or were) added. */
  accepted: z.number().int(),
  imported: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), message: messageSchema })),
});
export type ImportReport = z.output<typeof importReportSchema>;

// ---- check-in: office ---------------------------------------------------------------------------------------

export const leaveInputSchema = z.object({ participantId: id, reason: text(500) });
export type LeaveInput = z.output<typeof leaveInputSchema>;

/** 补签: the office or a clerk enters a check-in the phone did not make; the reason goes to the audit log. */
export const lateEntryInputSchema = z.object({
  participantId: id,
  venueId: id,
  status: z.enum(['on_time', 'late']),
  reason: text(500),
});
export type LateEntryInput = z.output<typeof lateEntryInputSchema>;

export const checkinRecordSchema = z.object({
  lessonId: z.string(),
  participantId: z.string(),
  venueId: z.string().nullable(),
  status: attendanceMarkSchema,
  /** ISO-8601 UTC, and the local clock ("09:02"). */
  at: z.string(),
  clock: z.string(),
  method: z.enum(['scan', 'office']),
  reason: z.string().nullable(),
});
export type CheckinRecord = z.output<typeof checkinRecordSchema>;

export const screenLinkSchema = z.object({ url: z.string(), path: z.string() });

// ---- check-in: the trainee's phone --------------------------------------------------------------------------

/** What the QR encodes after the page's path: "<step>.<mac>". */
export const scanCodeSchema = z.string().regex(/^\d{1,12}\.[A-Za-z0-9_-]{8,64}$/, { error: '签到码格式不对 / not a check-in code' });

export const grantRequestSchema = z.object({ classId: id, lessonId: id, venueId: id, code: scanCodeSchema });

export const grantSchema = z.object({
  /** Shown to nobody: the page sends it back to identify and check in (valid GRANT_TTL_MS). */
  grant: z.string(),
  expiresAt: z.string(),
  className: z.string(),
  lesson: z.object({ id: z.string(), title: z.string(), kindLabel: messageSchema, startsAt: z.string(), endsAt: z.string() }),
  venue: z.object({ id: z.string(), name: z.string() }),
});
export type Grant = z.output<typeof grantSchema>;

/** The units of the class's roster (for picking one's name), or the names in one unit. */
export const directoryRequestSchema = z.object({ grant: z.string().max(400), unitId: id.optional() });
export const directorySchema = z.object({
  units: z.array(z.object({ id: z.string(), name: z.string(), path: z.string(), participants: z.number().int() })),
  people: z.array(z.object({ id: z.string(), name: z.string(), post: z.string() })),
});
export type Directory = z.output<typeof directorySchema>;

/**
 * Identify with exactly one of: the device's secret, a personal code, or a name picked in one's unit; and show the
 * scan either as a grant, or — for a device that knows its trainee — as the scanned code itself, so that a returning
 * trainee checks in with one request.
 */
export const checkinRequestSchema = z.object({
  grant: z.string().max(400).optional(),
  scan: grantRequestSchema.optional(),
  device: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/).optional(),
  personalCode: z.string().trim().max(40).optional(),
  participantId: id.optional(),
});
export type CheckinRequest = z.output<typeof checkinRequestSchema>;

export const checkinAnswerSchema = z.object({
  /** true: this scan checked them in; false: they had already (the answer says when). */
  created: z.boolean(),
  status: attendanceMarkSchema,
  at: z.string(),
  clock: z.string(),
  participant: z.object({ name: z.string(), unitName: z.string() }),
  lessonTitle: z.string(),
  venueName: z.string(),
  /** A new device secret when the phone identified by code or name: it keeps it for the class. */
  device: z.string().nullable(),
  message: messageSchema,
});
export type CheckinAnswer = z.output<typeof checkinAnswerSchema>;

export const myCheckinsRequestSchema = z.object({ classId: id, device: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/) });
export const myCheckinsSchema = z.object({
  className: z.string(),
  participant: z.object({ name: z.string(), unitName: z.string() }),
  lessons: z.array(z.object({ lessonId: z.string(), title: z.string(), startsAt: z.string(), status: attendanceStatusSchema, clock: z.string().nullable(), hours: z.string(), credit: z.string() })),
  credit: z.string(),
});
export type MyCheckins = z.output<typeof myCheckinsSchema>;

// ---- attendance ---------------------------------------------------------------------------------------------

const countsSchema = z.object({
  expected: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  leave: z.number().int(),
  missing: z.number().int(),
});

export const lessonAttendanceSchema = z.object({
  lessonId: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** not_yet / open / closed: whether a scan may check in now. */
  window: z.enum(['not_yet', 'open', 'closed']),
  total: countsSchema,
  venues: z.array(countsSchema.extend({ venueId: z.string(), name: z.string() })),
  /** Per unit one level below the class's city (a county), within what the caller may see. */
  units: z.array(countsSchema.extend({ unitId: z.string(), name: z.string() })),
});
export type LessonAttendance = z.output<typeof lessonAttendanceSchema>;

export const venueRosterSchema = z.object({
  lessonId: z.string(),
  venueId: z.string(),
  venueName: z.string(),
  rows: z.array(z.object({
    participantId: z.string(),
    name: z.string(),
    unitName: z.string(),
    post: z.string(),
    status: attendanceStatusSchema,
    clock: z.string().nullable(),
    /** Where they checked in when it was another venue. */
    atVenue: z.string().nullable(),
  })),
});
export type VenueRoster = z.output<typeof venueRosterSchema>;

export const attendanceQuery = z.object({
  unitId: id.optional(),
  /** Only people missing at least one ended lesson. */
  absentOnly: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

export const attendanceRecordSchema = z.object({
  participantId: z.string(),
  name: z.string(),
  unitName: z.string(),
  unitPath: z.string(),
  post: z.string(),
  /** One per lesson of the agenda, in its order. */
  lessons: z.array(z.object({ lessonId: z.string(), status: attendanceStatusSchema, clock: z.string().nullable(), credit: z.string() })),
  /** 学时 earned, exactly ("7/2") and as shown ("3.50"). */
  credit: z.object({ exact: z.string(), display: z.string() }),
  absent: z.number().int(),
});

export const attendancePageSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  lessons: z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), hours: z.string() })),
  /** 学时 a person attending every lesson on time would earn. */
  fullCredit: z.string(),
  items: z.array(attendanceRecordSchema),
});
export type AttendancePage = z.output<typeof attendancePageSchema>;

/** The venue screen: the code to show now and when to fetch the next. */
export const screenCodeSchema = z.object({
  url: z.string(),
  qrSvg: z.string(),
  /** Fetch again after this many ms (the next step, plus a little). */
  refreshInMs: z.number().int(),
  className: z.string(),
  lessonTitle: z.string(),
  venueName: z.string(),
  startsAt: z.string(),
  window: z.enum(['not_yet', 'open', 'closed']),
  counts: countsSchema,
});
export type ScreenCode = z.output<typeof screenCodeSchema>;
