/**
 * 讲收获 (issue #14 item 5): what trainees write on their phone — with the check-in page's device identity, each with
 * an id made on the phone so a re-send stores once — and the office's browsing, 精选 and exports.
 */
import { z } from 'zod';
import { id } from './definition.js';

/** A reflection is a paragraph or a few: at most this many characters. */
export const REFLECTION_MAX = 2000;

const device = z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, { error: '本机身份无效 / not a device identity' });
const text = z
  .string()
  .trim()
  .min(1, { error: '请写下您的心得 / write your reflection first' })
  .max(REFLECTION_MAX, { error: `心得最多 ${REFLECTION_MAX} 个字 / at most ${REFLECTION_MAX} characters` });

export const reflectionParams = z.object({ classId: id, reflectionId: id });

// ---- the trainee's phone ------------------------------------------------------------------------------------

export const myReflectionsRequestSchema = z.object({ classId: id, device });

/** A reflection sent from the phone: its id is made there once, so sending it again stores nothing new. */
export const reflectionWriteSchema = z.object({
  classId: id,
  device,
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '心得编号无效 / not a reflection id' }),
  /** The lesson it is about; null: the class as a whole. */
  lessonId: id.nullable().default(null),
  text,
});
export type ReflectionWrite = z.output<typeof reflectionWriteSchema>;

export const myReflectionSchema = z.object({
  id: z.string(),
  lessonId: z.string().nullable(),
  lessonTitle: z.string().nullable(),
  text: z.string(),
  /** ISO-8601 UTC. */
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MyReflection = z.output<typeof myReflectionSchema>;

export const myReflectionsSchema = z.object({
  className: z.string(),
  participant: z.object({ name: z.string(), unitName: z.string() }),
  /** Whether the class still takes reflections. */
  open: z.boolean(),
  /** Beijing wall clock ("2022-06-17T18:00") when the office set a close; null otherwise. */
  closesAt: z.string().nullable(),
  lessons: z.array(z.object({ id: z.string(), title: z.string() })),
  items: z.array(myReflectionSchema),
});
export type MyReflections = z.output<typeof myReflectionsSchema>;

export const reflectionSavedSchema = z.object({
  /** created: stored now; unchanged: the same text was already stored (a re-send); edited: the text was changed. */
  result: z.enum(['created', 'unchanged', 'edited']),
  reflection: myReflectionSchema,
});
export type ReflectionSaved = z.output<typeof reflectionSavedSchema>;

// ---- the office ---------------------------------------------------------------------------------------------

export const reflectionQuery = z.object({
  /** This unit and the units below it (a county, a township). */
  unitId: id.optional(),
  /** A lesson's id, or "class" for those about the class as a whole. */
  lessonId: id.optional(),
  q: z.string().trim().max(100).optional(),
  featured: z.enum(['true', 'false']).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type ReflectionQuery = z.output<typeof reflectionQuery>;

/** The exports take the same filters, without paging. */
export const reflectionExportQuery = reflectionQuery.omit({ page: true, pageSize: true });
export type ReflectionExportQuery = z.output<typeof reflectionExportQuery>;

export const reflectionSchema = z.object({
  id: z.string(),
  participant: z.object({ id: z.string(), name: z.string(), post: z.string(), unitId: z.string(), unitName: z.string(), unitPath: z.string() }),
  /** The county and the township it counts under ("" when the person sits above that level). */
  county: z.string(),
  township: z.string(),
  lessonId: z.string().nullable(),
  lessonTitle: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** 精选. */
  featured: z.boolean(),
});
export type ReflectionView = z.output<typeof reflectionSchema>;

export const reflectionPageSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Within what the caller may see, before the filters. */
  counts: z.object({ all: z.number().int(), featured: z.number().int(), writers: z.number().int() }),
  open: z.boolean(),
  closesAt: z.string().nullable(),
  items: z.array(reflectionSchema),
});
export type ReflectionPage = z.output<typeof reflectionPageSchema>;

export const reflectionPatchSchema = z.object({ featured: z.boolean() });

export const reflectionStateSchema = z.object({ open: z.boolean(), closesAt: z.string().nullable() });
export type ReflectionState = z.output<typeof reflectionStateSchema>;
