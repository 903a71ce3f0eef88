/**
 * Request schemas of the HTTP API (one per route), shared by server, web client and tests; and the phone's two
 * answers, the ballot form and the receipt.
 */
import { z } from 'zod';
import { messageSchema } from './common.js';
import { definitionSchema, id, ratingSchema, unitLevel, unitSchema } from './definition.js';

const countsByGroup = z.record(id, z.number().int().min(0).max(1_000_000));
const name = z.string().trim().min(1).max(200);

/** A campaign's set-up: the definition without units (they come from the root unit's subtree) and sessions. */
export const campaignSetupSchema = definitionSchema.omit({ units: true, sessions: true }).extend({ rootUnitId: id });
export type CampaignSetup = z.output<typeof campaignSetupSchema>;

export const campaignParams = z.object({ campaignId: id });
export const sessionParams = z.object({ sessionId: id });

export const unitsQuery = z.object({
  root: id.optional(),
  parent: id.optional(),
  level: unitLevel.optional(),
});

export const unitsCreateSchema = z.object({ units: z.array(unitSchema).min(1).max(100_000) });

export const sessionInputSchema = z.object({
  id: id.optional(),
  name,
  instrumentIds: z.array(id).min(1).max(20),
  /** Subject ids on this session's agenda (e.g. one county's townships); omit for all subjects of the instruments. */
  agenda: z.array(id).min(1).max(100_000).nullable().default(null),
  expected: countsByGroup,
  /** Paper sheets issued per group (tokens issued are counted by themselves). */
  paperIssued: countsByGroup.default({}),
  present: z.number().int().min(0).max(1_000_000).nullable().default(null),
});
export type SessionInput = z.output<typeof sessionInputSchema>;
/** What a client sends (defaults not yet applied). */
export type SessionRequest = z.input<typeof sessionInputSchema>;

export const presentSchema = z.object({ present: z.number().int().min(0).max(1_000_000).nullable() });

/** 纸质发出: paper sheets handed out per group, as the figure now stands (groups left out keep theirs; 0 clears one). */
export const paperIssuedSchema = z.object({ paperIssued: countsByGroup.refine((r) => Object.keys(r).length > 0, { error: 'name at least one rater group' }) });
export type PaperIssuedInput = z.output<typeof paperIssuedSchema>;

export const issueTokensSchema = z.object({
  raterGroupId: id,
  count: z.number().int().min(1).max(5000),
  /** One per token (null = not bound): the unit each rater belongs to, which they never rate. */
  boundUnitIds: z.array(id.nullable()).max(5000).optional(),
  /** Named groups: one name (or role title) per token. */
  raterNames: z.array(z.string().trim().min(1).max(100)).max(5000).optional(),
});
export type IssueTokensInput = z.output<typeof issueTokensSchema>;

const sheetBallots = z
  .array(z.object({ instrumentId: id, ratings: z.array(ratingSchema).max(50_000) }))
  .min(1)
  .max(20);

export const submitSchema = z
  .object({
    /** The QR token secret, or the short code typed on a phone. */
    token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
    code: z.string().min(4).max(32).optional(),
    ballots: sheetBallots,
  })
  .refine((v) => (v.token === undefined) !== (v.code === undefined), {
    error: 'send exactly one of token or code',
    path: ['token'],
  });
export type SubmitInput = z.output<typeof submitSchema>;

/** 回执: the sheet is stored (or was already: a re-send of the same content answers the first receipt). */
export const receiptSchema = z.object({
  receipt: z.string(),
  /** true when this was a re-send of a sheet already stored. */
  duplicate: z.boolean(),
  /** Ballots on the sheet, one per instrument. */
  ballots: z.number().int(),
  /** Where the sheet was cast, so the rater's receipt names it; the session's id leads to its public receipt list. */
  campaign: z.object({ name: z.string() }),
  session: z.object({ id: z.string(), name: z.string() }),
});
export type Receipt = z.output<typeof receiptSchema>;

/** An entry page's own id (录入页), random, kept by the page for its browser tab. */
export const deskSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'expected 8–64 letters, digits, - or _' });

export const paperEntrySchema = z.object({
  /** The serial number printed on the paper ballot. */
  sheetNumber: z.string().trim().min(1).max(64),
  raterGroupId: id,
  raterName: z.string().trim().min(1).max(100).nullable().default(null),
  boundUnitId: id.nullable().default(null),
  ballots: sheetBallots,
  /**
   * 按无效票保存: the clerk confirms the paper itself is incomplete or wrong (a blank where no abstention is allowed, a
   * missing opinion or reason). A sheet whose only problems are such paper defects is then stored as cast, counts as
   * returned, and its broken ballots are invalid with their reasons; typing errors are still refused.
   */
  asInvalid: z.boolean().default(false),
  /**
   * 录入页: the entry page that typed the sheet (a random id the page keeps for its tab), so the sheet number it was
   * given (`POST …/paper-sheet-numbers`) is its own; absent for scripts, which number sheets themselves.
   */
  desk: deskSchema.optional(),
  /**
   * 收回多于发出: the clerk confirms this sheet really came back although it makes more sheets returned than issued —
   * the session is then void and must be rerun. Without it such a sheet is refused (409 over_return), nothing stored.
   */
  confirmOverReturn: z.boolean().default(false),
});
export type PaperEntryInput = z.output<typeof paperEntrySchema>;
/** What a client sends to enter a sheet (defaults not yet applied). */
export type PaperEntryRequest = z.input<typeof paperEntrySchema>;

export const explainParams = z.object({ campaignId: id, rankingId: id, unitId: id });
export const explainSubjectParams = z.object({ campaignId: id, instrumentId: id, subjectId: id });

/** What a phone asks for before rating: the sheet for one token (the QR secret) or short code. */
export const ballotFormRequestSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional(),
    code: z.string().min(4).max(32).optional(),
  })
  .refine((v) => (v.token === undefined) !== (v.code === undefined), {
    error: 'send exactly one of token or code',
    path: ['token'],
  });
export type BallotFormRequest = z.output<typeof ballotFormRequestSchema>;

/** A quota rule as the rater sees it on this ballot: the concrete count, not the ratio. */
const ballotFormRule = z.object({
  id: z.string(),
  /** As the office wrote it, e.g. "好 ≤ 40%". */
  title: z.string(),
  grades: z.array(z.string()),
  bound: z.enum(['max', 'min']),
  base: z.enum(['all', 'rated']),
  /** Allowed (max) or required (min) count over all subjects on this ballot. */
  allowed: z.number().int(),
  /** base 'rated': the allowed count for each number of rated subjects 0…n (abstentions leave the base). */
  allowedByRated: z.array(z.number().int()).nullable(),
  /** 本票最多 2 个“好” / At most 2 × 好 on this ballot. */
  description: messageSchema,
});

/**
 * Bonus and deduction items with their caps (and steps, when declared), and the caps of a subject's totals on one
 * ballot (decimal strings); `capReading` says what a total over its cap does: count as the cap (ceiling, 封顶 — also
 * when absent) or make the ballot invalid (strict). The server always sends it.
 */
export const ballotFormAdjustments = z.object({
  items: z.array(
    z.object({ id: z.string(), label: z.string(), direction: z.enum(['bonus', 'deduction']), maxPoints: z.string(), step: z.string().optional() }),
  ),
  maxTotalBonus: z.string(),
  maxTotalDeduction: z.string(),
  capReading: z.enum(['ceiling', 'strict']).optional(),
});

/** A form's grades (grade instruments), best first as declared; null for other kinds. Shared with the paper form. */
export const formGrades = z.array(z.object({ key: z.string(), label: z.string() })).nullable();

/** A form's score range and step (decimal strings) and its rubric criteria, if any; null for other kinds. */
export const formScore = z
  .object({
    min: z.string(),
    max: z.string(),
    step: z.string(),
    criteria: z.array(z.object({ id: z.string(), label: z.string(), maxPoints: z.string() })).nullable(),
  })
  .nullable();

const ballotFormInstrument = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['grade', 'score', 'adjustments']),
  allowAbstain: z.boolean(),
  opinion: z.enum(['none', 'optional', 'required']),
  /** Grade instruments: the grades, best first as declared. */
  grades: formGrades,
  /** Score instruments: the range and step (decimal strings) and the rubric criteria, if any. */
  score: formScore,
  /**
   * Score instruments with on-the-spot adjustments (观摩评 亮点加分/不足减分) and adjustments instruments: the items, each
   * with its cap, and the caps of a subject's bonus and deduction totals on one ballot (decimal strings, positive).
   * Every adjustment needs a written reason.
   */
  adjustments: ballotFormAdjustments.nullable(),
  /** The subjects on this rater's ballot: the session's agenda minus the rater's own unit (回避). */
  subjects: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(['unit', 'site', 'case']) })),
  rules: z.array(ballotFormRule),
});

export const ballotFormSchema = z.object({
  campaign: z.object({ name: z.string() }),
  /** `id` leads to the session's public receipt list (/receipts/<id>). */
  session: z.object({ id: z.string(), name: z.string(), status: z.enum(['draft', 'open', 'closed']) }),
  /** used: the sheet is stored; the receipt is shown again. */
  token: z.object({ status: z.enum(['issued', 'used']), receipt: z.string().nullable() }),
  /** The rater's group; a named group's token also carries the name it signs with, an anonymous one never. */
  group: z.object({ name: z.string(), mode: z.enum(['anonymous', 'named']), raterName: z.string().nullable() }),
  instruments: z.array(ballotFormInstrument),
});
export type BallotForm = z.output<typeof ballotFormSchema>;
