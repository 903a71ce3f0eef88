import { sql } from 'kysely';
import type { Db } from '../database.js';
import { postgresNamed } from '../dialect/index.js';
import type { SessionStatus, TokensTable, TokenStatus } from '../tables/index.js';
import { chunk, inTransaction } from './shared.js';

export interface Token {
  id: string;
  campaignId: string;
  sessionId: string;
  raterGroupId: string;
  tokenHash: string;
  codeHash: string;
  boundUnitId: string | null;
  raterName: string | null;
  status: TokenStatus;
  receipt: string | null;
}

export type NewToken = Omit<Token, 'status' | 'receipt'>;

function toToken(row: TokensTable): Token {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    sessionId: row.session_id,
    raterGroupId: row.rater_group_id,
    tokenHash: row.token_hash,
    codeHash: row.code_hash,
    boundUnitId: row.bound_unit_id,
    raterName: row.rater_name,
    status: row.status,
    receipt: row.receipt,
  };
}

/**
 * Inserts tokens (hashes only) in chunks, one transaction, and adds them to their groups' handed-out counts
 * (token_counts) in it. A hash collision fails the whole batch.
 */
export async function issueTokens(db: Db, tokens: readonly NewToken[]): Promise<void> {
  await inTransaction(db, async (trx) => {
    const added = new Map<string, { session_id: string; rater_group_id: string; handed_out: number }>();
    for (const t of tokens) {
      const key = `${t.sessionId}\u0000${t.raterGroupId}`;
      const row = added.get(key) ?? { session_id: t.sessionId, rater_group_id: t.raterGroupId, handed_out: 0 };
      row.handed_out++;
      added.set(key, row);
    }
    for (const row of added.values()) await countHandedOut(trx, row);
    for (const part of chunk(tokens, 10)) {
      await trx
        .insertInto('tokens')
        .values(
          part.map((t) => ({
            id: t.id,
            campaign_id: t.campaignId,
            session_id: t.sessionId,
            rater_group_id: t.raterGroupId,
            token_hash: t.tokenHash,
            code_hash: t.codeHash,
            bound_unit_id: t.boundUnitId,
            rater_name: t.raterName,
            status: 'issued' as const,
            receipt: null,
          })),
        )
        .execute();
    }
  });
}

/** A token as found to be redeemed or used: with its session's status read in the same query. */
export interface FoundToken extends Token {
  sessionStatus: SessionStatus;
}

/**
 * Many tokens by a unique hash column in one query (up to 1,000 per statement): the found ones by their hash, each with
 * its session's status as of the same read (a phone's form shows it; a separate read per phone cost a round trip).
 */
export async function findTokensBy(db: Db, column: 'token_hash' | 'code_hash', hashes: readonly string[]): Promise<Map<string, FoundToken>> {
  const out = new Map<string, FoundToken>();
  for (const part of chunk([...new Set(hashes)], 1, 1000)) {
    // PostgreSQL: one named statement for any number of hashes (planned once per connection).
    const rows =
      (await postgresNamed<TokensTable & { session_status: SessionStatus }>(
        db,
        `leitai_tokens_by_${column}`,
        `select t.*, s.status as session_status from tokens t join sessions s on s.id = t.session_id where t.${column} = any($1::text[])`,
        [part],
      )) ??
      (await db
        .selectFrom('tokens')
        .innerJoin('sessions', 'sessions.id', 'tokens.session_id')
        .selectAll('tokens')
        .select('sessions.status as session_status')
        .where(`tokens.${column}`, 'in', part)
        .execute());
    for (const row of rows) {
      const token: FoundToken = { ...toToken(row), sessionStatus: row.session_status };
      out.set(column === 'token_hash' ? token.tokenHash : token.codeHash, token);
    }
  }
  return out;
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<FoundToken | null> {
  return (await findTokensBy(db, 'token_hash', [tokenHash])).get(tokenHash) ?? null;
}

export async function findTokenByCodeHash(db: Db, codeHash: string): Promise<FoundToken | null> {
  return (await findTokensBy(db, 'code_hash', [codeHash])).get(codeHash) ?? null;
}

/**
 * Single use, decided by the database: only the one UPDATE that still finds the token 'issued' changes it.
 * True for that caller, false for everyone else (already used, revoked, or unknown).
 */
export async function markTokenUsed(db: Db, tokenId: string, receipt: string): Promise<boolean> {
  const result = await db
    .updateTable('tokens')
    .set({ status: 'used', receipt })
    .where('id', '=', tokenId)
    .where('status', '=', 'issued')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * markTokenUsed for many tokens in one statement: the ids of those this call moved from 'issued' to 'used'
 * (each with its own receipt). A token missing from the answer was used, revoked or unknown already.
 */
export async function markTokensUsed(db: Db, claims: readonly { tokenId: string; receipt: string }[]): Promise<Set<string>> {
  const claimed = new Set<string>();
  for (const part of chunk(claims, 3, 3000)) {
    const receipt = sql<string>`case id ${sql.join(part.map((c) => sql`when ${c.tokenId} then ${c.receipt}`), sql` `)} end`;
    const rows = await db
      .updateTable('tokens')
      .set({ status: 'used', receipt })
      .where('id', 'in', part.map((c) => c.tokenId))
      .where('status', '=', 'issued')
      .returning('id')
      .execute();
    for (const r of rows) claimed.add(r.id);
  }
  return claimed;
}

/** Revokes an unused token, taking it off its group's handed-out count; false when it was already used or revoked. */
export async function revokeToken(db: Db, tokenId: string): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const revoked = await trx
      .updateTable('tokens')
      .set({ status: 'revoked' })
      .where('id', '=', tokenId)
      .where('status', '=', 'issued')
      .returning(['session_id', 'rater_group_id'])
      .executeTakeFirst();
    if (!revoked) return false;
    await countHandedOut(trx, { ...revoked, handed_out: -1 });
    return true;
  });
}

/** Adds `handed_out` (negative: takes off) to a session and group's count of tokens handed out. */
async function countHandedOut(trx: Db, change: { session_id: string; rater_group_id: string; handed_out: number }): Promise<void> {
  await trx
    .insertInto('token_counts')
    .values(change)
    .onConflict((oc) => oc.columns(['session_id', 'rater_group_id']).doUpdateSet((eb) => ({ handed_out: sql<number>`${eb.ref('token_counts.handed_out')} + ${change.handed_out}` })))
    .execute();
}

export async function listTokens(db: Db, sessionId: string): Promise<Token[]> {
  const rows = await db.selectFrom('tokens').selectAll().where('session_id', '=', sessionId).orderBy('id').execute();
  return rows.map(toToken);
}
