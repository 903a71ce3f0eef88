import type { Session } from '../../domain/types.js';
import type { Db } from '../database.js';
import { isPostgres } from '../dialect/index.js';
import type { SessionsTable, SessionStatus } from '../tables/index.js';
import { addGroupCounts, addSessionCounts, countsBySession } from './shared.js';
import { observerIssuedCounts } from './tour-sheets.js';

export interface NewSession {
  id: string;
  campaignId: string;
  name: string;
  instrumentIds: string[];
  /** Subject ids on the agenda; null or absent = every subject of its instruments. */
  agenda?: string[] | null;
  expected: Record<string, number>;
  /** Paper sheets issued per group (tokens are counted from the tokens table). */
  paperIssued?: Record<string, number>;
  present?: number | null;
}

/** A session as stored: the domain fields except `issued` (derived, see `issuedCounts`), plus bookkeeping. */
export interface SessionRecord extends Omit<Session, 'issued'> {
  campaignId: string;
  paperIssued: Record<string, number>;
  openedAt: string | null;
  closedAt: string | null;
}

export function toSessionRecord(row: SessionsTable): SessionRecord {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    name: row.name,
    instrumentIds: JSON.parse(row.instrument_ids) as string[],
    agenda: row.agenda === null ? null : (JSON.parse(row.agenda) as string[]),
    expected: JSON.parse(row.expected) as Record<string, number>,
    paperIssued: JSON.parse(row.paper_issued) as Record<string, number>,
    present: row.present,
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
  };
}

export async function createSession(db: Db, input: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: input.id,
      campaign_id: input.campaignId,
      name: input.name,
      instrument_ids: JSON.stringify(input.instrumentIds),
      agenda: input.agenda ? JSON.stringify(input.agenda) : null,
      expected: JSON.stringify(input.expected),
      paper_issued: JSON.stringify(input.paperIssued ?? {}),
      present: input.present ?? null,
      status: 'draft',
      opened_at: null,
      closed_at: null,
    })
    .execute();
}

export async function getSession(db: Db, id: string): Promise<SessionRecord | null> {
  const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSessionRecord(row) : null;
}

/**
 * Holds the session's row until the transaction ends, so that paper entries of one session decide one after another
 * (each counts the sheets the previous one stored). SQLite's one writer at a time already does. On PostgreSQL a
 * `NO KEY UPDATE` lock: it waits for another such lock, but not for the key-share locks that inserting ballots (whose
 * session_id references this row) takes — a plain FOR UPDATE would deadlock two entries that each inserted first.
 */
export async function lockSession(trx: Db, id: string): Promise<void> {
  const query = trx.selectFrom('sessions').select('id').where('id', '=', id);
  await (isPostgres(trx) ? query.forNoKeyUpdate() : query).execute();
}

export async function listSessions(db: Db, campaignId: string): Promise<SessionRecord[]> {
  const rows = await db.selectFrom('sessions').selectAll().where('campaign_id', '=', campaignId).orderBy('id').execute();
  return rows.map(toSessionRecord);
}

/** Which of these sessions are open right now (a group commit checks its batch's sessions once, in its transaction). */
export async function openSessionIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('sessions').select('id').where('id', 'in', [...ids]).where('status', '=', 'open').execute();
  return new Set(rows.map((r) => r.id));
}

/** draft → open stamps opened_at, open → closed stamps closed_at; false when the session was not in `from`. */
export async function updateSessionStatus(
  db: Db,
  id: string,
  from: SessionStatus,
  to: SessionStatus,
  now: Date,
): Promise<boolean> {
  const at = now.toISOString();
  const result = await db
    .updateTable('sessions')
    .set({ status: to, ...(to === 'open' ? { opened_at: at } : {}), ...(to === 'closed' ? { closed_at: at } : {}) })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The office's head count; null = the number of returned sheets stands for it. */
export async function setSessionPresent(db: Db, id: string, present: number | null): Promise<void> {
  await db.updateTable('sessions').set({ present }).where('id', '=', id).execute();
}

/** Replaces the per-group count of paper sheets issued (the clerk's figure, not an increment). */
export async function setPaperIssued(db: Db, id: string, paperIssued: Record<string, number>): Promise<void> {
  await db.updateTable('sessions').set({ paper_issued: JSON.stringify(paperIssued) }).where('id', '=', id).execute();
}

/**
 * Sheets handed out online per session and group, for a whole campaign: tokens (any status but revoked) and tour
 * observers' personal links (tour-sheets.ts, `observerIssuedCounts`).
 */
export async function tokenIssuedCounts(db: Db, campaignId: string): Promise<Map<string, Record<string, number>>> {
  return addSessionCounts(await tokensOnly(db, campaignId), await observerIssuedCounts(db, campaignId));
}

async function tokensOnly(db: Db, campaignId: string): Promise<Map<string, Record<string, number>>> {
  // Kept per session and group by the transactions that issue and revoke tokens (migration 0018): each results read
  // asks, and counting the tokens themselves cost PostgreSQL ~17 ms a read while a room voted.
  const rows = await db
    .selectFrom('token_counts')
    .select(['session_id', 'rater_group_id', 'handed_out as n'])
    .where('session_id', 'in', (eb) => eb.selectFrom('sessions').select('id').where('campaign_id', '=', campaignId))
    .where('handed_out', '>', 0)
    .execute();
  return countsBySession(rows);
}

/** Session.issued: tokens issued and not revoked, plus paper sheets issued, per group. */
export function combineIssued(
  tokens: Record<string, number> | undefined,
  paper: Record<string, number>,
): Record<string, number> {
  return addGroupCounts({ ...paper }, tokens);
}

export async function issuedCounts(db: Db, sessionId: string): Promise<Record<string, number>> {
  const session = await getSession(db, sessionId);
  if (!session) return {};
  const tokens = await tokenIssuedCounts(db, session.campaignId);
  return combineIssued(tokens.get(sessionId), session.paperIssued);
}
