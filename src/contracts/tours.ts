/**
 * 观摩 (issue #15, docs/tours.md): request and response schemas of tours — the office's itinerary, observers and review
 * meetings, the progress view, and the observer phone's two calls. Dates are YYYY-MM-DD, planned times HH:MM (Beijing
 * time), instants ISO-8601.
 */
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar.js';
import { ITINERARY_PROBLEM_CODES } from '../domain/tours/itinerary.js';
import { ballotFormAdjustments } from './api.js';
import { messageSchema, somethingToChange } from './common.js';
import { id, ratingSchema } from './definition.js';
import { storedRating } from './stored-definition.js';

const text = (max: number) => z.string().trim().min(1).max(max);
/** Text that may be left empty while planning. */
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const tourDate = z.string().refine(isCalendarDate, { error: '日期须为 YYYY-MM-DD 且真实存在 / a real date as YYYY-MM-DD' });
export const plannedTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '时间须为 HH:MM（00:00–23:59）/ a time as HH:MM (00:00–23:59)' });

/** The personal link's secret part: 128 random bits, base64url. */
const SECRET = '[A-Za-z0-9_-]{16,64}';
const LINK = new RegExp(`^(?:/o/)?([A-Za-z0-9_-]{1,64})\\.(${SECRET})$`);
/**
 * An observer's personal link as the phone holds it: `/o/<observerId>.<secret>` or its last segment alone. Parsed
 * into its two parts; anything else is a 400.
 */
export const observerLink = z
  .string()
  .max(200)
  .transform((v, ctx) => {
    const m = LINK.exec(v.trim());
    if (!m) {
      ctx.addIssue({ code: 'custom', message: 'expected the personal link /o/<observer>.<secret>' });
      return z.NEVER;
    }
    return { observerId: m[1]!, secret: m[2]! };
  });
export type ObserverLink = z.output<typeof observerLink>;

/** A sheet id made on the phone: a UUID v4 (lowercase as stored). */
export const sheetId = z
  .string()
  .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/, { error: 'sheet id: a UUID v4 made on the phone' })
  .transform((v) => v.toLowerCase());

// ---- params -------------------------------------------------------------------------------------------------

export const tourParams = z.object({ tourId: id });
export const observerParams = z.object({ tourId: id, observerId: id });
export const reviewParams = z.object({ tourId: id, unitId: id });
export const sheetsQuery = z.object({ observerId: id.optional(), stopId: id.optional() });

// ---- office requests ----------------------------------------------------------------------------------------

export const tourInputSchema = z.object({
  name: text(200),
  sessionId: id,
  /** Default: the session's only score instrument whose subjects are sites. */
  instrumentId: id.optional(),
  /** Default: the instrument's only named rater group. */
  raterGroupId: id.optional(),
  /** A rater group of the instrument whose weight makes review meetings' scores count; null or absent: recorded only. */
  reviewGroupId: id.nullable().default(null),
});
export type TourInput = z.output<typeof tourInputSchema>;

export const tourPatchSchema = somethingToChange(z.object({ name: text(200), reviewGroupId: id.nullable() }).partial());
export type TourPatch = z.output<typeof tourPatchSchema>;

const stopInput = z.object({
  /** A stop already planned keeps its id (and its sheets); a new one has none. */
  id: id.optional(),
  subjectId: id,
  theme: optionalText(200),
  address: optionalText(300),
  plannedTime: plannedTime.nullable().default(null),
});

/** The whole plan at once: days in order, each with its stops in visiting order. */
export const itineraryInputSchema = z.object({
  days: z
    .array(
      z.object({
        id: id.optional(),
        date: tourDate,
        label: optionalText(100),
        stops: z.array(stopInput).max(500),
      }),
    )
    .max(60),
});
export type ItineraryInput = z.output<typeof itineraryInputSchema>;

export const observerInputSchema = z.object({
  /** The seat the sheets are signed with, e.g. 观摩团成员01. */
  name: text(100),
  /** e.g. 市委组织部副部长. */
  roleName: text(100),
});
export type ObserverInput = z.output<typeof observerInputSchema>;

export const observerPatchSchema = somethingToChange(observerInputSchema.partial());
export type ObserverPatch = z.output<typeof observerPatchSchema>;

export const reviewInputSchema = z.object({
  heldOn: tourDate,
  place: optionalText(200),
  attendees: z.array(text(100)).max(300),
  siteComments: z.array(z.object({ subjectId: id, comment: z.string().trim().max(2000) })).max(500),
  remarks: z.string().trim().max(5000),
  /** On the instrument's min..max and step, as a decimal string; null: no score. */
  score: z.string().trim().max(20).nullable(),
});
export type ReviewInput = z.output<typeof reviewInputSchema>;

// ---- office responses ---------------------------------------------------------------------------------------

const sessionStatus = z.enum(['draft', 'open', 'closed']);

export const tourSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  sessionId: z.string(),
  sessionName: z.string(),
  status: sessionStatus,
  days: z.number().int(),
  stops: z.number().int(),
  observers: z.number().int(),
  /** Sheets received, every revision. */
  sheets: z.number().int(),
});
export const tourListSchema = z.object({ tours: z.array(tourSummarySchema) });

export const itineraryProblemSchema = z.object({
  code: z.enum(ITINERARY_PROBLEM_CODES),
  subjectId: z.string().optional(),
  unitId: z.string().optional(),
  dayId: z.string().optional(),
  message: messageSchema,
});

const siteSchema = z.object({ subjectId: z.string(), siteName: z.string(), unitId: z.string(), unitName: z.string() });

export const tourStopSchema = z.object({
  id: z.string(),
  subjectId: z.string(),
  siteName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  theme: z.string(),
  address: z.string(),
  plannedTime: z.string().nullable(),
});

export const tourDaySchema = z.object({ id: z.string(), date: z.string(), label: z.string(), stops: z.array(tourStopSchema) });

export const tourObserverSchema = z.object({
  id: z.string(),
  name: z.string(),
  roleName: z.string(),
  lastSeenAt: z.string().nullable(),
  lastSyncedAt: z.string().nullable(),
});

export const tourViewSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  session: z.object({ id: z.string(), name: z.string(), status: sessionStatus }),
  instrument: z.object({ id: z.string(), name: z.string() }),
  raterGroup: z.object({ id: z.string(), name: z.string() }),
  /** counts: whether the instrument weighs the group, i.e. whether review meetings' scores count. */
  reviewGroup: z.object({ id: z.string(), name: z.string(), counts: z.boolean() }).nullable(),
  days: z.array(tourDaySchema),
  observers: z.array(tourObserverSchema),
  /** Every site of the instrument, for the planner. */
  sites: z.array(siteSchema),
  check: z.array(itineraryProblemSchema),
  /** Sheets received, every revision: while any exists the tour cannot be deleted. */
  sheets: z.number().int(),
});
export type TourView = z.output<typeof tourViewSchema>;

/** The personal link is shown once: only its hash is kept. */
export const observerCreatedSchema = z.object({ observer: tourObserverSchema, link: z.string() });
export const observerLinkSchema = z.object({ link: z.string() });

const latestSheet = z.object({ id: z.string(), receivedAt: z.string(), scoredAt: z.string(), score: z.string().nullable(), adjusted: z.boolean() });

export const tourProgressSchema = z.object({
  session: z.object({ status: sessionStatus }),
  stops: z.array(
    z.object({
      stopId: z.string(),
      subjectId: z.string(),
      siteName: z.string(),
      unitName: z.string(),
      dayId: z.string(),
      /** Some observer has a counting sheet (or a ballot) for it. */
      visited: z.boolean(),
      /** Observers with a counting sheet for it, or a ballot of the session that rates it. */
      received: z.number().int(),
      expected: z.number().int(),
    }),
  ),
  observers: z.array(
    tourObserverSchema.extend({
      /** The seat already signs a ballot in the tour's session: its stops are 已评（选票）, and its phone's sheets are refused. */
      viaBallot: z.boolean(),
      sheets: z.array(z.object({ stopId: z.string(), revisions: z.number().int(), latest: latestSheet.nullable() })),
    }),
  ),
  missing: z.array(z.object({ observerId: z.string(), stopId: z.string() })),
  counties: z.array(z.object({ unitId: z.string(), unitName: z.string(), stops: z.number().int(), sitesScored: z.number().int(), reviewHeld: z.boolean() })),
});
export type TourProgress = z.output<typeof tourProgressSchema>;


export const tourSheetViewSchema = z.object({
  id: z.string(),
  observerId: z.string(),
  observerName: z.string(),
  stopId: z.string(),
  subjectId: z.string(),
  siteName: z.string(),
  /** 1 for the first sheet of this observer's stop, 2 for the next… */
  revision: z.number().int(),
  /** The latest revision of the observer's stop: the one that counts. */
  counts: z.boolean(),
  rating: storedRating,
  scoredAt: z.string(),
  receivedAt: z.string(),
});
export const tourSheetListSchema = z.object({ sheets: z.array(tourSheetViewSchema) });

export const tourReviewSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  /** false until the office records it. */
  held: z.boolean(),
  heldOn: z.string().nullable(),
  place: z.string(),
  attendees: z.array(z.string()),
  /** One entry per site of the county on the tour, in itinerary order (an empty comment when none was written). */
  siteComments: z.array(z.object({ subjectId: z.string(), siteName: z.string(), comment: z.string() })),
  remarks: z.string(),
  score: z.string().nullable(),
  /** Whether a score counts in 观摩评 (the tour's review group is weighed by the instrument). */
  counts: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type TourReview = z.output<typeof tourReviewSchema>;
export const tourReviewListSchema = z.object({ reviews: z.array(tourReviewSchema) });

// ---- the observer's phone -----------------------------------------------------------------------------------

export const phoneOpenSchema = z.object({ link: observerLink });
export type PhoneOpenInput = z.output<typeof phoneOpenSchema>;

export const phoneSheetSchema = z.object({
  link: observerLink,
  sheet: z.object({
    id: sheetId,
    stopId: id,
    /** When the observer scored, by the phone's clock. */
    scoredAt: z.iso.datetime({ offset: true, error: 'scoredAt: an ISO-8601 time such as 2022-06-06T06:05:00Z' }),
    rating: ratingSchema,
  }),
});
export type PhoneSheetInput = z.output<typeof phoneSheetSchema>;

export const observerBundleSchema = z.object({
  tour: z.object({
    id: z.string(),
    name: z.string(),
    /** Sheets are taken while the tour's session is open. */
    open: z.boolean(),
    /** When and how scoring closes, to show on the phone. */
    closesNote: messageSchema,
  }),
  observer: z.object({ id: z.string(), name: z.string(), roleName: z.string() }),
  instrument: z.object({
    id: z.string(),
    name: z.string(),
    min: z.string(),
    max: z.string(),
    step: z.string(),
    criteria: z.array(z.object({ id: z.string(), label: z.string(), maxPoints: z.string() })).nullable(),
    opinion: z.enum(['none', 'optional', 'required']),
    adjustments: ballotFormAdjustments.nullable(),
  }),
  days: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      label: z.string(),
      stops: z.array(z.object({ id: z.string(), subjectId: z.string(), siteName: z.string(), unitName: z.string(), theme: z.string(), address: z.string(), plannedTime: z.string().nullable() })),
    }),
  ),
  /** This observer's own sheets, every revision, oldest first. */
  sheets: z.array(z.object({ id: z.string(), stopId: z.string(), rating: storedRating, scoredAt: z.string(), receivedAt: z.string(), revision: z.number().int() })),
  serverTime: z.string(),
});
export type ObserverBundle = z.output<typeof observerBundleSchema>;

export const sheetReceiptSchema = z.object({
  id: z.string(),
  /** stored: kept now; duplicate: the same sheet was already kept (nothing stored; the first receipt). */
  status: z.enum(['stored', 'duplicate']),
  receivedAt: z.string(),
  revision: z.number().int(),
});
export type SheetReceipt = z.output<typeof sheetReceiptSchema>;
