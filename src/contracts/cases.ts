/** 典型案例库 (issue #14, first part): cases and their search. */
import { z } from 'zod';
import { id } from './definition.js';

export const caseInputSchema = z.object({
  id: id.optional(),
  /** The township or village whose case it is. */
  unitId: id,
  title: z.string().trim().min(1).max(200),
  summary: z.string().trim().max(2000).default(''),
  body: z.string().trim().max(100_000).default(''),
  tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]),
  year: z.number().int().min(1990).max(2100),
  /** Published cases are readable by every logged-in role; drafts by the office only. */
  published: z.boolean().default(false),
});
export type CaseInput = z.output<typeof caseInputSchema>;
/** What a client sends (defaults not yet applied). */
export type CaseRequest = z.input<typeof caseInputSchema>;

export const caseParams = z.object({ caseId: id });

export const caseSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  tags: z.array(z.string()),
  year: z.number().int(),
  published: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CaseView = z.output<typeof caseSchema>;

export const caseSearchQuery = z.object({
  /** Words to find (all of them): a one-character query finds too. */
  q: z.string().trim().max(100).optional(),
  unitId: id.optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  tag: z.string().trim().max(30).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type CaseSearchQuery = z.output<typeof caseSearchQuery>;

export const caseHitSchema = caseSchema.omit({ body: true }).extend({
  /** Where the query was found and a highlighted snippet (segments, never HTML); null without a query. */
  match: z.object({ field: z.enum(['title', 'tags', 'summary', 'body']), snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })) }).nullable(),
});

export const caseListSchema = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(caseHitSchema),
});
export type CaseList = z.output<typeof caseListSchema>;

/** 案例 ↔ 案例评: the office names the campaign's 案例评 instrument, one of its items, and the library case it is. */
export const caseLinkInputSchema = z.object({ instrumentId: id, itemId: id, caseId: id });
export type CaseLinkInput = z.output<typeof caseLinkInputSchema>;

/** While the set-up is a draft: a new 案例评 item made from a library case (named as the case, owned by its county). */
export const caseItemInputSchema = z.object({ instrumentId: id, caseId: id });
export type CaseItemInput = z.output<typeof caseItemInputSchema>;

export const campaignItemParams = z.object({ campaignId: id, itemId: id });

export const caseLinkSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string(),
  instrumentId: z.string(),
  instrumentName: z.string(),
  itemId: z.string(),
  itemName: z.string(),
  /** The unit the item is rated for (a county, in the article). */
  itemUnitName: z.string(),
  caseId: z.string(),
  caseTitle: z.string(),
  caseUnitName: z.string(),
  casePublished: z.boolean(),
  linkedAt: z.string(),
  /** The item's score in its 案例评 and its rank among the instrument's items: once published, and to whoever may read it. */
  result: z.object({ score: z.string(), rank: z.number().int(), of: z.number().int() }).nullable(),
});
export type CaseLinkView = z.output<typeof caseLinkSchema>;
export const caseLinkListSchema = z.array(caseLinkSchema);
export type CaseLinkList = z.output<typeof caseLinkListSchema>;

/** One case with the 案例评 items it is (those the caller may see). */
export const caseDetailSchema = caseSchema.extend({ links: caseLinkListSchema });
export type CaseDetail = z.output<typeof caseDetailSchema>;
