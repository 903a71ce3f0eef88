/** 座谈会 (issue #14): its ordered speakers and the townships' written reports (书面材料) with their status. */
import { z } from 'zod';
import { id } from './definition.js';
import { documentSchema } from './documents.js';

const text = (max: number) => z.string().trim().max(max);

export const speakerInputSchema = z.object({
  /** Kept when the office edits a speaker; a new one gets an id. */
  id: id.optional(),
  name: text(60).min(1),
  unitId: id.nullable().default(null),
  post: text(120).min(1),
  topic: text(200).min(1),
});

/** The whole ordered list at once: its order is the speaking order. */
export const speakersInputSchema = z.object({ speakers: z.array(speakerInputSchema).max(100) });
export type SpeakersInput = z.output<typeof speakersInputSchema>;
export type SpeakersRequest = z.input<typeof speakersInputSchema>;

export const speakerSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  name: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  post: z.string(),
  topic: z.string(),
});
export type SeminarSpeaker = z.output<typeof speakerSchema>;
export const speakerListSchema = z.array(speakerSchema);

export const reportStatusSchema = z.enum(['missing', 'submitted', 'accepted']);
export type ReportStatus = z.output<typeof reportStatusSchema>;

export const reportParams = z.object({ classId: id, reportId: id });

/** Report slots for every township under the class's city, or for the units named. */
export const reportsCreateSchema = z.object({
  unitIds: z.array(id).min(1).max(5000).optional(),
  title: text(200).default(''),
});
export type ReportsCreate = z.output<typeof reportsCreateSchema>;
export type ReportsCreateRequest = z.input<typeof reportsCreateSchema>;

export const reportsQuery = z.object({
  status: reportStatusSchema.optional(),
  /** A county (or any unit): its reports and those below it. */
  unitId: id.optional(),
});
export type ReportsQuery = z.output<typeof reportsQuery>;

export const reportReturnSchema = z.object({ note: text(500).min(1) });
export const reportRemindSchema = z.object({
  /** The reports to remind; all missing ones when left out. */
  reportIds: z.array(id).min(1).max(5000).optional(),
});
export type ReportRemind = z.output<typeof reportRemindSchema>;

export const reportSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  /** "泽州县 / 南村镇". */
  unitPath: z.string(),
  countyId: z.string(),
  countyName: z.string(),
  title: z.string(),
  /** The office's note when it sent the report back. */
  note: z.string(),
  status: reportStatusSchema,
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  reminders: z.number().int(),
  documents: z.array(documentSchema),
});
export type SeminarReport = z.output<typeof reportSchema>;

const countsSchema = z.object({ total: z.number().int(), missing: z.number().int(), submitted: z.number().int(), accepted: z.number().int() });

export const reportBoardSchema = z.object({
  /** Over every report the caller may see (the filter narrows `reports` only). */
  counts: countsSchema,
  counties: z.array(countsSchema.extend({ countyId: z.string(), countyName: z.string() })),
  reports: z.array(reportSchema),
});
export type ReportBoard = z.output<typeof reportBoardSchema>;

export const remindResultSchema = z.object({ reminded: z.number().int(), remindedAt: z.string() });
export const reportsCreatedSchema = z.object({ created: z.number().int(), skipped: z.number().int() });

/** A township viewer's own pending reports, across classes: what its home page shows. */
export const myReportSchema = reportSchema.extend({ classId: z.string(), className: z.string() });
export const myReportListSchema = z.array(myReportSchema);
export type MyReport = z.output<typeof myReportSchema>;
