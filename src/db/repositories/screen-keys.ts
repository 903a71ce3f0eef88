/** Big-screen keys of a session (hashes only). */
import type { Db } from '../database.js';

export async function insertScreenKey(db: Db, row: { id: string; sessionId: string; keyHash: string; createdAt: string }): Promise<void> {
  await db.insertInto('screen_keys').values({ id: row.id, session_id: row.sessionId, key_hash: row.keyHash, created_at: row.createdAt, revoked_at: null }).execute();
}

/** Revokes every live key of the session; returns how many. */
export async function revokeScreenKeysOf(db: Db, sessionId: string, at: string): Promise<number> {
  const r = await db.updateTable('screen_keys').set({ revoked_at: at }).where('session_id', '=', sessionId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Is this a live key of this session? */
export async function isLiveScreenKey(db: Db, sessionId: string, keyHash: string): Promise<boolean> {
  const row = await db.selectFrom('screen_keys').select('id').where('key_hash', '=', keyHash).where('session_id', '=', sessionId).where('revoked_at', 'is', null).executeTakeFirst();
  return row !== undefined;
}
