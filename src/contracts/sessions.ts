/** Response schemas of the session routes: sessions as stored, their counts and verdict, and issued tokens. */
import { z } from 'zod';
import { messageSchema } from './common.js';
import { sessionTallySchema } from './results.js';

const countsByGroup = z.record(z.string(), z.number().int());

/** 测评会 as stored: its agenda, expected raters, paper sheets issued per group and its state. */
export const sessionSchema = z.object({
  id: z.string(),
  campaignId: z.string(),
  name: z.string(),
  instrumentIds: z.array(z.string()),
  /** Subject ids on the agenda; null = every subject of its instruments. */
  agenda: z.array(z.string()).nullable(),
  expected: countsByGroup,
  paperIssued: countsByGroup,
  present: z.number().int().nullable(),
  status: z.enum(['draft', 'open', 'closed']),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type SessionView = z.output<typeof sessionSchema>;

/** 测评会有效性: quorum and over-return, stated with the session's own numbers. */
export const sessionVerdictSchema = z.object({
  status: z.enum(['valid', 'no-quorum', 'void']),
  /** More than half of the expected raters present: present·2 > expected. */
  quorum: z.object({
    met: z.boolean(),
    present: z.number().int(),
    expected: z.number().int(),
    needed: z.number().int(),
    /** No head count was recorded: the returned sheets stand for it. */
    presentFromReturned: z.boolean(),
  }),
  overReturn: z.object({ void: z.boolean(), issued: z.number().int(), returned: z.number().int() }),
  explanation: messageSchema,
  /** What the office does next when the session does not count (record sheets issued, the head count, rerun); null when nothing. */
  nextStep: messageSchema.nullable(),
});
export type SessionVerdict = z.output<typeof sessionVerdictSchema>;

/** Participation of one rater group in a session: expected raters, sheets issued and sheets returned. */
export const groupParticipationSchema = z.object({
  groupId: z.string(),
  name: z.string(),
  expected: z.number().int(),
  issued: z.number().int(),
  returned: z.number().int(),
});
export type GroupParticipation = z.output<typeof groupParticipationSchema>;

/** A session as the office watches it: its record, the counts the tally derives from the ballots and its verdict. */
export const sessionOverviewSchema = z.object({
  ...sessionSchema.shape,
  /** null when the tally has no count for the session. */
  counts: sessionTallySchema.nullable(),
  verdict: sessionVerdictSchema.nullable(),
  groups: z.array(groupParticipationSchema),
});
export type SessionOverview = z.output<typeof sessionOverviewSchema>;

/** 测评码: a one-time token, shown only in this answer. */
export const issuedTokenSchema = z.object({
  tokenId: z.string(),
  /** Goes into the QR code as /r/<token>. */
  token: z.string(),
  /** Typed on a phone when the QR cannot be scanned. */
  code: z.string(),
  raterGroupId: z.string(),
  boundUnitId: z.string().nullable(),
  raterName: z.string().nullable(),
});
export type IssuedToken = z.output<typeof issuedTokenSchema>;
