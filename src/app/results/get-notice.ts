/**
 * 公示: what the public notice shows, read from the frozen publication only — never recomputed, so the notice never
 * changes. Rankings with tiers and component scores; no ballot, group breakdown or invalid-ballot detail.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { getPublication, listPublicationChains, type Publication, type PublishedChain } from '../../db/repositories/publications.js';
import type { PresentedTally } from '../../domain/present.js';
import { equalShownTotals, type EqualShownTotal } from '../../domain/shown-ties.js';
import type { Message } from '../../domain/results.js';
import type { AppContext } from '../context.js';
import { RESULTS_HASH_METHOD } from '../kernel/results-hash.js';
import type { Notice } from '../../contracts/notice.js';

/** How the public can check the notice, in plain words: what the check code proves and how to get the export. */
export function verificationText(hash: string): Message {
  return {
    zh: `本公示的得分均由原始选票按公布的计分办法算出，发布时已连同校验码（SHA-256）${hash} 一并固定保存，此后不能更改。活动导出包包含测评方案和全部原始选票（匿名票不含任何个人信息），任何人都可以据此独立重新计票：重新计票得出的校验码与本公示的校验码一致，即证明公示结果与原始选票完全相符、未被改动。如需核验，可向发布单位申请导出包。`,
    en: `The scores in this notice were computed from the raw ballots by the published method and frozen when the notice was issued, together with the check code (SHA-256) ${hash}; they cannot be changed afterwards. The campaign's export holds the method and every raw ballot (anonymous ballots carry no personal detail), so anyone can recount independently: a recount that yields the same check code proves that the published results match the ballots exactly and were not altered. To check, ask the issuing office for the export.`,
  };
}

/** Markers printed beside a total whose shown value equals a neighbour's with a different rank. */
export const EQUAL_SHOWN_MARK: Record<EqualShownTotal, string> = { unrounded: '*', 'tie-break': '#' };

function equalShownNotes(present: Set<EqualShownTotal>, precision: number): Message[] {
  const notes: Message[] = [];
  if (present.has('unrounded')) {
    notes.push({
      zh: `标“${EQUAL_SHOWN_MARK.unrounded}”的单位总分显示相同但名次不同：总分由原始选票精确算出，表中四舍五入保留 ${precision} 位小数；名次按未经四舍五入的总分排定，这些单位的总分实际仍有高低。`,
      en: `Totals marked “${EQUAL_SHOWN_MARK.unrounded}” look the same but rank differently: totals are computed exactly from the ballots and shown rounded to ${precision} decimals; ranks follow the unrounded totals, which still differ.`,
    });
  }
  if (present.has('tie-break')) {
    notes.push({
      zh: `标“${EQUAL_SHOWN_MARK['tie-break']}”的单位总分相同，名次按活动事先规定的并列比较办法（依次比较指定评价方式的得分）排定。`,
      en: `Totals marked “${EQUAL_SHOWN_MARK['tie-break']}” are equal; their ranks follow the tie-break declared beforehand (the scores of named evaluation forms, in order).`,
    });
  }
  return notes;
}

/** The notice of a publication, with the ballot chains stored with it (none for one published before them). */
export function noticeOf(p: Publication, chains: readonly PublishedChain[] = []): Notice {
  const results = JSON.parse(p.snapshot) as PresentedTally;
  const sessionNames = new Map(results.sessions.map((s) => [s.sessionId, s.name]));
  // In the results' session order, ballots without a session last.
  const order = new Map(results.sessions.map((s, i) => [s.sessionId, i]));
  const rank = (c: PublishedChain) => (c.sessionId === null ? Number.MAX_SAFE_INTEGER : (order.get(c.sessionId) ?? Number.MAX_SAFE_INTEGER - 1));
  const sorted = [...chains].sort((a, b) => rank(a) - rank(b));
  return {
    campaignId: p.campaignId,
    campaignName: results.name,
    title: p.title,
    noticeDate: p.noticeDate,
    objectionEndDate: p.objectionEndDate,
    objectionDays: p.objectionDays,
    contact: p.contact,
    issuer: p.issuer,
    publishedAt: p.publishedAt,
    resultsHash: p.resultsHash,
    hashMethod: RESULTS_HASH_METHOD,
    verification: verificationText(p.resultsHash),
    ballotChains: sorted.map((c) => ({
      sessionId: c.sessionId,
      name: c.sessionId === null ? '（不属于任何测评会）' : (sessionNames.get(c.sessionId) ?? c.sessionId),
      ballotCount: c.ballotCount,
      head: c.head,
    })),
    rankings: results.rankings.map((r) => {
      const equalShown = equalShownTotals(r.rows, results.tieJudgement);
      return {
        rankingId: r.rankingId,
        name: r.name,
        tiers: r.tiers,
        components: (r.rows[0]?.components ?? []).map((c) => ({ instrumentId: c.instrumentId, name: c.name, weight: c.weight.display })),
        rows: r.rows.map((row, i) => ({
          rank: row.rank,
          unitId: row.unitId,
          name: row.name,
          total: row.total.display,
          tier: row.tier,
          tierLabel: row.tierLabel,
          tierTie: row.tierTie,
          equalShownTotal: equalShown[i] ?? null,
          components: row.components.map((c) => ({ instrumentId: c.instrumentId, score: c.score?.display ?? null })),
        })),
        notes: equalShownNotes(new Set(equalShown.filter((e) => e !== null)), results.precision),
      };
    }),
  };
}

/** The notice of a published campaign; 404 for anything else (unpublished campaigns are not acknowledged). */
export async function getNotice(ctx: AppContext, campaignId: string): Promise<Notice> {
  const publication = await getPublication(ctx.database.db, campaignId);
  if (!publication) throw new AppError('not_found', { message: MESSAGES.noNotice });
  return noticeOf(publication, await listPublicationChains(ctx.database.db, publication.id));
}
