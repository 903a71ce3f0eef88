/**
 * Response schemas of paper entry (纸质票录入): the receipt of an entered sheet, the clerk's entry form, a stored sheet
 * and the double-entry check.
 */
import { z } from 'zod';
import type { BallotProblem } from '../domain/results.js';
import { ballotFormAdjustments, deskSchema, formGrades, formScore } from './api.js';
import { assertSame, messageSchema, paramsSchema, type Same } from './common.js';
import { storedRatingsSchema } from './stored-definition.js';

/** Why a ballot, or part of one, is not acceptable. `structural` problems are refused even on paper. */
const ballotProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['structural', 'rule']),
  /** A quota rule's problem names the rule… */
  ruleId: z.string().optional(),
  params: paramsSchema,
  message: messageSchema,
  /** …a structural one, where it has one, the subject (fields in the order the ballot check writes them). */
  subjectId: z.string().optional(),
});

export const paperReceiptSchema = z.object({
  receipt: z.string(),
  /** true: this sheet number was already entered with the same content. */
  duplicate: z.boolean(),
  sheetId: z.string(),
  /** false: stored as 无效票 because of `problems`. */
  valid: z.boolean(),
  problems: z.array(ballotProblemSchema.extend({ instrumentId: z.string() })),
  /** The session's sheets after this one: issued, returned; `overReturned`: more back than issued, so it is void. */
  session: z.object({ issued: z.number().int(), returned: z.number().int(), overReturned: z.boolean() }),
});
export type PaperReceipt = z.output<typeof paperReceiptSchema>;

/** 票号: the next sheet number of a session for one entry page (录入页). */
export const sheetNumberRequestSchema = z.object({ desk: deskSchema });
export type SheetNumberRequest = z.output<typeof sheetNumberRequestSchema>;

/**
 * The number this entry page types its next sheet under: the one it was given before and has not used yet (a reload
 * gets it back), else the next free one of the session (P-001, P-002, …), never given to another page.
 */
export const sheetNumberSchema = z.object({ sheetNumber: z.string() });
export type SheetNumber = z.output<typeof sheetNumberSchema>;

const formInstrumentSchema = z.object({
  instrumentId: z.string(),
  name: z.string(),
  kind: z.enum(['grade', 'score', 'adjustments']),
  /** Always true: the page types every kind (grades, scores, criteria, adjustments). Kept for clients that read it. */
  keyboardEntry: z.boolean(),
  allowAbstain: z.boolean(),
  /**
   * Written opinion per subject (评价意见, e.g. 专班评). 'required': a rated (not abstained) subject without one is a
   * structural problem, so the sheet is refused as an entry error and not stored as 无效票; 'optional': may be blank.
   */
  opinion: z.enum(['none', 'optional', 'required']),
  grades: formGrades,
  score: formScore,
  /** The same items and caps the phone shows (see the ballot form). */
  adjustments: ballotFormAdjustments.nullable(),
  /** `conflictUnitIds`: the sheet's bound units (of the group's `boundUnits`) that take this subject off the sheet. */
  subjects: z.array(z.object({ subjectId: z.string(), name: z.string(), conflictUnitIds: z.array(z.string()) })),
  /**
   * `allowed` is the concrete count for a rule over all subjects; a rule over rated subjects depends on abstentions.
   * `allowedByN[n]` is the count for a base of n subjects, for a sheet whose bound unit or abstentions shrink the base.
   */
  rules: z.array(
    z.object({
      ruleId: z.string(),
      label: z.string(),
      grades: z.array(z.string()),
      bound: z.enum(['max', 'min']),
      base: z.enum(['all', 'rated']),
      allowed: z.number().int().nullable(),
      allowedByN: z.array(z.number().int()),
      forBallot: messageSchema,
    }),
  ),
});
export type FormInstrument = z.output<typeof formInstrumentSchema>;

/** A unit a sheet's rater may belong to (回避): one that takes some, but not all, of the group's subjects off the sheet. */
const boundUnitChoiceSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  /** Name with its parent's, unique within the group: 龙港镇（沁水县）. */
  label: z.string(),
});
export type BoundUnitChoice = z.output<typeof boundUnitChoiceSchema>;

/** 纸质票录入表: per rater group, what its paper sheet asks for. */
export const paperFormSchema = z.object({
  session: z.object({
    sessionId: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    campaignId: z.string(),
    campaignName: z.string(),
  }),
  groups: z.array(
    z.object({
      groupId: z.string(),
      name: z.string(),
      mode: z.enum(['anonymous', 'named']),
      boundUnits: z.array(boundUnitChoiceSchema),
      instruments: z.array(formInstrumentSchema),
    }),
  ),
  /** Problems a paper sheet itself can have: a sheet refused for these only may be stored as invalid (`asInvalid`). */
  paperDefects: z.array(z.string()),
});
export type PaperForm = z.output<typeof paperFormSchema>;

/** A paper sheet as stored, with each ballot's problems as the rules see it now. */
export const storedPaperSheetSchema = z.object({
  sheetNumber: z.string(),
  raterGroupId: z.string(),
  raterName: z.string().nullable(),
  boundUnitId: z.string().nullable(),
  receipt: z.string(),
  valid: z.boolean(),
  ballots: z.array(
    z.object({
      instrumentId: z.string(),
      ratings: storedRatingsSchema,
      problems: z.array(z.object({ code: z.string(), message: messageSchema })),
    }),
  ),
});
export type StoredPaperSheet = z.output<typeof storedPaperSheetSchema>;

/** One difference between the stored sheet and a second clerk's entry, each side as the clerks read it. */
const mismatchSchema = z.object({
  field: z.enum(['raterGroupId', 'raterName', 'boundUnitId', 'instrument', 'rating']),
  instrumentId: z.string().nullable(),
  subjectId: z.string().nullable(),
  label: z.string(),
  stored: z.string(),
  entered: z.string(),
});
export type Mismatch = z.output<typeof mismatchSchema>;

/** 双人录入核对: nothing is written but an audit line. */
export const paperVerificationSchema = z.object({
  sheetNumber: z.string(),
  matches: z.boolean(),
  mismatches: z.array(mismatchSchema),
});
export type PaperVerification = z.output<typeof paperVerificationSchema>;

assertSame<Same<z.output<typeof ballotProblemSchema>, BallotProblem>>();
