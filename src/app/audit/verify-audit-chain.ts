/**
 * 审计链校验 (decision 0019): walks the audit log oldest first and checks that every entry has its link, that each
 * link points at the entry before it, and that each hash is the entry's own. The first broken entry is named: from it
 * on nothing can be trusted, and everything before it is exactly as it was written.
 */
import { AUDIT_GENESIS, auditEntryHash } from '../../db/audit-chain.js';
import { listChainedAudit, orphanChainLinks, type ChainedAuditEntry } from '../../db/repositories/audit.js';
import type { AppContext } from '../context.js';

export type BrokenReason =
  /** The entry has no link: written around the chain. */
  | 'unchained'
  /** Its link does not point at the entry before it: an entry before it was removed or inserted. */
  | 'link'
  /** Its hash is not its content's: the entry was edited. */
  | 'content'
  /** A link whose entry is gone: an entry was deleted. */
  | 'orphan';

export interface AuditBreak {
  id: number;
  at: string | null;
  action: string | null;
  reason: BrokenReason;
}

export interface AuditChainVerdict {
  ok: boolean;
  checked: number;
  firstBroken: AuditBreak | null;
  /** The hash of the last entry checked: the log's head. */
  head: string;
}

/**
 * Checks entries in order. `continuous`: they are the whole log (the first links to the genesis, each to the one
 * before); false for a filtered export, where each entry is checked against its own stated link only.
 */
export class AuditChainWalker {
  private prev: string = AUDIT_GENESIS;
  checked = 0;
  firstBroken: AuditBreak | null = null;

  constructor(private readonly continuous: boolean) {}

  add(e: ChainedAuditEntry): void {
    if (this.firstBroken !== null) return;
    this.checked++;
    let reason: BrokenReason | null = null;
    if (e.prevHash === null || e.hash === null) reason = 'unchained';
    else if (this.continuous && e.prevHash !== this.prev) reason = 'link';
    else if (auditEntryHash(e.prevHash, e) !== e.hash) reason = 'content';
    if (reason !== null) this.firstBroken = { id: e.id, at: e.at, action: e.action, reason };
    else this.prev = e.hash!;
  }

  get head(): string {
    return this.prev;
  }
}

/** Verifies the chain of the audit log in the database. */
export async function verifyAuditChain(ctx: AppContext): Promise<AuditChainVerdict> {
  const walker = new AuditChainWalker(true);
  let after = 0;
  for (;;) {
    const page = await listChainedAudit(ctx.database.db, after, 2000);
    if (page.length === 0) break;
    for (const e of page) walker.add(e);
    if (walker.firstBroken !== null) break;
    after = page[page.length - 1]!.id;
  }
  let firstBroken = walker.firstBroken;
  if (firstBroken === null) {
    const [orphan] = await orphanChainLinks(ctx.database.db);
    if (orphan !== undefined) firstBroken = { id: orphan, at: null, action: null, reason: 'orphan' };
  }
  return { ok: firstBroken === null, checked: walker.checked, firstBroken, head: walker.head };
}

const REASONS: Record<BrokenReason, { zh: string; en: string }> = {
  unchained: { zh: '没有链接（绕过审计链写入）', en: 'has no link (written around the chain)' },
  link: { zh: '未链接到前一条记录（其前有记录被删除或插入）', en: 'does not link to the entry before it (an entry before it was removed or inserted)' },
  content: { zh: '内容与其哈希不符（被修改）', en: 'does not match its hash (edited)' },
  orphan: { zh: '对应的记录已不存在（被删除）', en: 'has lost its entry (deleted)' },
};

/** The verdict in words, zh / en, one line each. */
export function describeAuditVerdict(v: AuditChainVerdict): string[] {
  if (v.firstBroken === null) {
    return [`✔ 审计日志 ${v.checked} 条记录的哈希链完整 / the audit log's hash chain of ${v.checked} entries is intact`, `  链头 / head: ${v.head}`];
  }
  const b = v.firstBroken;
  const what = b.action ? `第 ${b.id} 条（${b.at}，${b.action}）` : `第 ${b.id} 条`;
  const whatEn = b.action ? `entry ${b.id} (${b.at}, ${b.action})` : `entry ${b.id}`;
  return [`✘ 审计链断裂：${what}${REASONS[b.reason].zh} / the audit chain is broken: ${whatEn} ${REASONS[b.reason].en}`];
}
