/**
 * 选票链 (decision 0019): each session's ballots chained by hash, so a published head commits to every ballot of it.
 *
 * - A ballot's hash is sha256 of `leitai-ballot/1\n` + the canonical JSON of what it says: instrument, rater group,
 *   rater name (named groups only), bound unit, session, channel and its ratings field by field. Not its id nor its
 *   sheet id: those are storage labels (an export may name ballots its own way); the board pairs each id with its
 *   hash, so a verifier can still name the ballot that changed.
 * - Ballots carry no time and no order (decision 0009), and the chain must not invent one that could match a ballot
 *   to the person who cast it: a session's ballots are taken in the order of their hashes (then ids), a canonical
 *   order anyone can recompute from the ballots alone and which says nothing about when each was cast.
 * - The head: h₀ = sha256(`leitai-ballot-chain/1\n` + session id), hᵢ = sha256(hᵢ₋₁ + `\n` + hashᵢ); the session's
 *   head is the last one (h₀ for a session with no ballot). Ballots with no session form the chain of session `null`.
 */
import { BALLOT_CHAIN } from '../../contracts/bundle.js';
import type { Ballot, Rating } from '../../domain/types.js';
import { canonicalJson } from './canonical.js';
import { sha256Hex } from './secrets.js';


export interface BoardEntry {
  /** The ballot's id in the bundle. */
  id: string;
  /** sha256 hex of the ballot's content (`ballotHash`). */
  hash: string;
}

/** One session's part of the ballot board: its ballots in chain order, their number and the head they chain to. */
export interface BoardSession {
  sessionId: string | null;
  ballotCount: number;
  head: string;
  ballots: BoardEntry[];
}

/** The fields of a rating that mean something, in a fixed shape (absent fields left out). */
function ratingContent(r: Rating): Record<string, unknown> {
  const out: Record<string, unknown> = { subjectId: r.subjectId };
  if (r.grade !== undefined) out.grade = r.grade;
  if (r.score !== undefined) out.score = r.score;
  if (r.criteria !== undefined) out.criteria = r.criteria;
  if (r.adjustments !== undefined) out.adjustments = r.adjustments.map((a) => ({ itemId: a.itemId, points: a.points, reason: a.reason }));
  if (r.abstain !== undefined) out.abstain = r.abstain;
  if (r.opinion !== undefined) out.opinion = r.opinion;
  return out;
}

/** The hash of what a ballot says (not of its id or sheet). */
export function ballotHash(b: Ballot): string {
  const content = {
    instrumentId: b.instrumentId,
    raterGroupId: b.raterGroupId,
    raterName: b.raterName ?? null,
    boundUnitId: b.boundUnitId ?? null,
    sessionId: b.sessionId ?? null,
    channel: b.channel,
    ratings: b.ratings.map(ratingContent),
  };
  return sha256Hex(`leitai-ballot/1\n${canonicalJson(content)}`);
}

/** The head a chain of ballot hashes (already in chain order) ends in. */
export function chainHead(sessionId: string | null, hashes: readonly string[]): string {
  let head = sha256Hex(`${BALLOT_CHAIN}\n${sessionId ?? ''}`);
  for (const h of hashes) head = sha256Hex(`${head}\n${h}`);
  return head;
}

export const byChainOrder = (a: BoardEntry, b: BoardEntry): number =>
  a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** The ballot board of a campaign: per session (in first-seen order of `sessionIds`, then any other), its chain. */
export function buildBoard(ballots: readonly Ballot[], sessionIds: readonly string[] = []): BoardSession[] {
  const bySession = new Map<string | null, BoardEntry[]>();
  for (const id of sessionIds) bySession.set(id, []);
  for (const b of ballots) {
    const key = b.sessionId ?? null;
    let list = bySession.get(key);
    if (list === undefined) {
      list = [];
      bySession.set(key, list);
    }
    list.push({ id: b.id, hash: ballotHash(b) });
  }
  return [...bySession].map(([sessionId, entries]) => {
    entries.sort(byChainOrder);
    return { sessionId, ballotCount: entries.length, head: chainHead(sessionId, entries.map((e) => e.hash)), ballots: entries };
  });
}

/** True when the entries are in chain order (hash, then id). */
export function inChainOrder(entries: readonly BoardEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if (byChainOrder(entries[i - 1]!, entries[i]!) > 0) return false;
  return true;
}
