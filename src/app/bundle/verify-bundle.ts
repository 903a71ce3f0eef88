/**
 * Verifies a bundle: its ballots against its ballot board (decision 0019) — every ballot changed, removed or inserted
 * since the board was made is named by session and ballot id — each board session against its chain head, and the
 * bundle's published results against their recomputation, digit for digit.
 */
import { isDeepStrictEqual } from 'node:util';
import type { BallotBoard, Bundle } from '../../contracts/bundle.js';
import type { CampaignDefinition } from '../../domain/types.js';
import { ballotHash, chainHead, inChainOrder } from '../kernel/ballot-chain.js';
import type { TallyOutput } from './tally-bundle.js';

export type BallotChange =
  | { kind: 'changed'; sessionId: string | null; ballotId: string }
  | { kind: 'removed'; sessionId: string | null; ballotId: string }
  | { kind: 'inserted'; sessionId: string | null; ballotId: string };

export interface BoardVerdict {
  /** Sessions whose listed ballots do not chain to their head, or are out of chain order, or miscounted. */
  brokenSessions: { sessionId: string | null; reason: 'head' | 'order' | 'count' }[];
  changes: BallotChange[];
  /** Each session's head as the board states it (compare with the notice). */
  heads: { sessionId: string | null; head: string; ballotCount: number }[];
}

export interface Verdict {
  ok: boolean;
  /** The report, one line each, zh / en. */
  lines: string[];
  board: BoardVerdict | null;
  resultsMatch: boolean | null;
}

/** Compares the ballots with the board. Pure: the ids are the bundle's, the hashes recomputed from the ballots. */
export function checkBoard(bundle: Pick<Bundle, 'ballots'>, board: BallotBoard): BoardVerdict {
  const brokenSessions: BoardVerdict['brokenSessions'] = [];
  const listed = new Map<string, { sessionId: string | null; hash: string }>();
  for (const s of board.sessions) {
    if (!inChainOrder(s.ballots)) brokenSessions.push({ sessionId: s.sessionId, reason: 'order' });
    else if (chainHead(s.sessionId, s.ballots.map((b) => b.hash)) !== s.head) brokenSessions.push({ sessionId: s.sessionId, reason: 'head' });
    else if (s.ballots.length !== s.ballotCount) brokenSessions.push({ sessionId: s.sessionId, reason: 'count' });
    for (const b of s.ballots) listed.set(b.id, { sessionId: s.sessionId, hash: b.hash });
  }
  const changes: BallotChange[] = [];
  const seen = new Set<string>();
  for (const b of bundle.ballots) {
    const entry = listed.get(b.id);
    const sessionId = b.sessionId ?? null;
    if (entry === undefined || seen.has(b.id)) changes.push({ kind: 'inserted', sessionId, ballotId: b.id });
    else if (entry.hash !== ballotHash(b) || entry.sessionId !== sessionId) changes.push({ kind: 'changed', sessionId: entry.sessionId, ballotId: b.id });
    seen.add(b.id);
  }
  for (const [id, entry] of listed) if (!seen.has(id)) changes.push({ kind: 'removed', sessionId: entry.sessionId, ballotId: id });
  return {
    brokenSessions,
    changes,
    heads: board.sessions.map((s) => ({ sessionId: s.sessionId, head: s.head, ballotCount: s.ballotCount })),
  };
}

function sessionLabel(def: CampaignDefinition, sessionId: string | null): { zh: string; en: string } {
  if (sessionId === null) return { zh: '（不属于任何测评会）', en: '(no session)' };
  const name = def.sessions.find((s) => s.id === sessionId)?.name;
  return name ? { zh: `测评会「${name}」（${sessionId}）`, en: `session “${name}” (${sessionId})` } : { zh: `测评会 ${sessionId}`, en: `session ${sessionId}` };
}

const CHANGE_WORDS: Record<BallotChange['kind'], { zh: string; en: string }> = {
  changed: { zh: '被修改', en: 'changed' },
  removed: { zh: '被删除', en: 'removed' },
  inserted: { zh: '被插入（不在公告板上）', en: 'inserted (not on the board)' },
};

const BROKEN_WORDS: Record<BoardVerdict['brokenSessions'][number]['reason'], { zh: string; en: string }> = {
  head: { zh: '公告板上的选票哈希与链头不符', en: 'the ballot hashes on the board do not chain to its head' },
  order: { zh: '公告板上的选票未按链的顺序排列', en: 'the ballots on the board are not in chain order' },
  count: { zh: '公告板上的选票张数与所载张数不符', en: 'the board lists a different number of ballots than it states' },
};

export function verifyBundle(bundle: Bundle, output: TallyOutput): Verdict {
  const lines: string[] = [];
  let ok = true;
  let board: BoardVerdict | null = null;
  if (bundle.board === undefined) {
    lines.push('导出包中没有选票公告板（第 1 版导出包）：只能比对结果 / the bundle has no ballot board (a version 1 bundle): only the results can be compared');
  } else {
    board = checkBoard(bundle, bundle.board);
    const where = bundle.board.publication
      ? { zh: `随 ${bundle.board.publication.publishedAt} 的公示保存`, en: `stored with the notice of ${bundle.board.publication.publishedAt}` }
      : { zh: '导出时计算（尚未公示）', en: 'computed at export (not yet published)' };
    for (const s of board.brokenSessions) {
      ok = false;
      const l = sessionLabel(bundle.definition, s.sessionId);
      lines.push(`✘ ${l.zh}：${BROKEN_WORDS[s.reason].zh} / ${l.en}: ${BROKEN_WORDS[s.reason].en}`);
    }
    for (const c of board.changes) {
      ok = false;
      const l = sessionLabel(bundle.definition, c.sessionId);
      const w = CHANGE_WORDS[c.kind];
      lines.push(`✘ ${l.zh}的选票 ${c.ballotId} ${w.zh} / ${l.en}: ballot ${c.ballotId} ${w.en}`);
    }
    if (board.brokenSessions.length === 0 && board.changes.length === 0) {
      lines.push(`✔ ${bundle.ballots.length} 张选票与选票公告板（${where.zh}）逐张一致 / all ${bundle.ballots.length} ballots match the ballot board (${where.en})`);
    } else {
      lines.push(
        `✘ 选票与公告板（${where.zh}）不一致：${board.changes.length} 张选票有变动 / the ballots differ from the board (${where.en}): ${board.changes.length} ballot(s) changed, removed or inserted`,
      );
    }
    for (const h of board.heads) {
      const l = sessionLabel(bundle.definition, h.sessionId);
      lines.push(`  链头（与公示核对）${l.zh}：${h.ballotCount} 张，${h.head} / chain head (compare with the notice) ${l.en}: ${h.ballotCount} ballot(s), ${h.head}`);
    }
  }
  let resultsMatch: boolean | null = null;
  if (bundle.results === undefined) {
    ok = false;
    lines.push('导出包中没有服务器结果，无法比对 / the bundle holds no server results to compare with');
  } else {
    // Compare as JSON text: what the server published and what we recomputed, digit for digit.
    const recomputed = JSON.parse(JSON.stringify(output.results)) as unknown;
    resultsMatch = isDeepStrictEqual(recomputed, bundle.results);
    if (resultsMatch) lines.push('✔ 重新计算结果与服务器结果完全一致 / recomputed results match the server exactly');
    else {
      ok = false;
      lines.push('✘ 重新计算结果与服务器结果不一致 / recomputed results differ from the server results');
    }
  }
  return { ok, lines, board, resultsMatch };
}
