/**
 * 计票单: one session's count — issued, returned, valid, invalid, abstentions, per-subject grade counts and scores
 * from this session's ballots only, the invalid ballots with their reasons, and the session's verdict. The JSON
 * answer; the printable page and the xlsx are renderings of the same object.
 */
import { z } from 'zod';
import { messageSchema } from './common.js';
import { groupParticipationSchema, sessionVerdictSchema } from './sessions.js';

export const tallyReportSchema = z.object({
  campaign: z.object({ campaignId: z.string(), name: z.string() }),
  session: z.object({
    sessionId: z.string(),
    name: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
    openedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
  }),
  generatedAt: z.string(),
  /** Sheets (份) are what raters hand in; ballots (张) are one per form on a sheet; abstentions one per subject. */
  counts: z.object({
    expected: z.number().int(),
    issued: z.number().int(),
    returned: z.number().int(),
    present: z.number().int(),
    validBallots: z.number().int(),
    invalidBallots: z.number().int(),
    /** Returned sheets holding at least one invalid ballot. */
    sheetsWithInvalid: z.number().int(),
    abstentions: z.number().int(),
  }),
  verdict: sessionVerdictSchema,
  /** The session's ballots count in the campaign's results (an open session provisionally). */
  counted: z.boolean(),
  groups: z.array(groupParticipationSchema),
  instruments: z.array(
    z.object({
      instrumentId: z.string(),
      name: z.string(),
      kind: z.enum(['grade', 'score', 'adjustments']),
      grades: z.array(z.object({ key: z.string(), label: z.string() })).nullable(),
      subjects: z.array(
        z.object({
          subjectId: z.string(),
          name: z.string(),
          valueCount: z.number().int(),
          abstentions: z.number().int(),
          /** Grade instruments: the count of each grade, in the grades' order. */
          gradeCounts: z.array(z.number().int()).nullable(),
          score: z.string().nullable(),
          exact: z.string().nullable(),
        }),
      ),
    }),
  ),
  invalidBallots: z.array(
    z.object({
      channel: z.enum(['online', 'paper']),
      /** A paper sheet's number lets the clerk find the paper; an online ballot keeps no identifier here. */
      sheetNumber: z.string().nullable(),
      instrumentId: z.string(),
      instrumentName: z.string(),
      reasons: z.array(messageSchema),
    }),
  ),
});
export type TallyReport = z.output<typeof tallyReportSchema>;
