/** 审计日志: who did what, when. Ballot content and rater identity never go here. */
import type { Db } from '../../db/database.js';
import { appendAudit } from '../../db/repositories/audit.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';

export async function recordAudit(
  db: Db,
  ctx: AppContext,
  /** anonymous: a caller not signed in (a failed login). */
  actor: Actor | 'system' | 'anonymous',
  action: string,
  entity: string,
  entityId: string | null,
  detail: unknown = {},
): Promise<void> {
  const who = typeof actor === 'string' ? actor : `${actor.role}:${actor.id}`;
  await appendAudit(db, { actor: who, action, entity, entityId, detail }, ctx.clock());
}
