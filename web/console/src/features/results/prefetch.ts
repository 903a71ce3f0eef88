/**
 * The ranking board's and unit page's reads (small purpose-built endpoints), kept in the page for a short while and
 * startable before the page's code has arrived (main.tsx calls `prefetchFor(location)`). Imports neither React nor
 * antd: it is in the small entry chunk, which runs before the UI kit has even downloaded.
 */
import { endpoints } from '../../api/endpoints.js';
import type { PresentedExplanation, RankingBoardView, RankingListView, UnitCardView } from '../../api/types.js';

const KEEP_MS = 60_000;
const kept = new Map<string, { at: number; promise: Promise<unknown> }>();
/** The values of kept reads that have arrived, so a page can show them in its first render (see useView). */
const arrived = new WeakMap<Promise<unknown>, unknown>();

/** The value of a read that has already arrived, else undefined. */
export function arrivedValue<T>(promise: Promise<T>): T | undefined {
  return arrived.get(promise) as T | undefined;
}

function load<T>(key: string, fetcher: () => Promise<T>, fresh = false): Promise<T> {
  const entry = kept.get(key);
  if (!fresh && entry && Date.now() - entry.at < KEEP_MS) return entry.promise as Promise<T>;
  const promise = fetcher();
  kept.set(key, { at: Date.now(), promise });
  promise.then((value) => arrived.set(promise, value), () => kept.delete(key));
  return promise;
}

export const views = {
  rankings: (campaignId: string, fresh?: boolean) => load<RankingListView>(`list ${campaignId}`, () => endpoints.rankings(campaignId), fresh),
  board: (campaignId: string, rankingId: string, fresh?: boolean) =>
    load<RankingBoardView>(`board ${campaignId} ${rankingId}`, () => endpoints.rankingBoard(campaignId, rankingId), fresh),
  unit: (campaignId: string, rankingId: string, unitId: string, fresh?: boolean) =>
    load<UnitCardView>(`unit ${campaignId} ${rankingId} ${unitId}`, () => endpoints.unitCard(campaignId, rankingId, unitId), fresh),
  explanation: (campaignId: string, rankingId: string, unitId: string, fresh?: boolean) =>
    load<PresentedExplanation>(`explain ${campaignId} ${rankingId} ${unitId}`, () => endpoints.explanation(campaignId, rankingId, unitId), fresh),
};

/** The ranking shown: the one asked for (the kept read itself, so its arrived value shows at once), else the first. */
export function boardFor(campaignId: string, rankingId: string | null, fresh?: boolean): Promise<RankingBoardView> {
  return rankingId !== null ? views.board(campaignId, rankingId, fresh) : firstBoard(campaignId, fresh);
}

async function firstBoard(campaignId: string, fresh?: boolean): Promise<RankingBoardView> {
  const id = (await views.rankings(campaignId, fresh)).rankings[0]?.rankingId;
  if (id === undefined) {
    const list = await views.rankings(campaignId);
    return { campaignId, name: list.name, ballots: list.ballots, rankings: [], ranking: { rankingId: '', name: '', level: '', tiers: [], components: [], hasAdjustments: false, rows: [] } };
  }
  return views.board(campaignId, id, fresh);
}

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

/** Starts the reads of the results page or unit page at `loc`, if it is one. Returns whether it was. */
export function prefetchFor(loc: { pathname: string; search: string }): boolean {
  const unit = /^\/console\/campaigns\/([^/]+)\/results\/([^/]+)\/units\/([^/]+)/.exec(loc.pathname);
  if (unit) {
    const [c, r, u] = [unit[1]!, unit[2]!, unit[3]!].map(decodeURIComponent) as [string, string, string];
    quiet(views.unit(c, r, u));
    quiet(views.explanation(c, r, u));
    return true;
  }
  const board = /^\/console\/campaigns\/([^/]+)\/results\/?$/.exec(loc.pathname);
  if (board) {
    quiet(boardFor(decodeURIComponent(board[1]!), new URLSearchParams(loc.search).get('ranking')));
    return true;
  }
  return false;
}

