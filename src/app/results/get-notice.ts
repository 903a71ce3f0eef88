/**
 * 公示: what the public notice shows, read from the frozen publication only — never recomputed, so the notice never
 * changes. Rankings with tiers and component scores; no ballot, group breakdown or invalid-ballot detail.
 */
import { AppError } from '../../contracts/errors.js';
import { MESSAGES } from '../../contracts/messages.js';
import { getPublication, type Publication } from '../../db/repositories/publications.js';
import type { PresentedTally } from '../../domain/present.js';
import type { Message } from '../../domain/results.js';
import type { AppContext } from '../context.js';
import { RESULTS_HASH_METHOD } from '../kernel/results-hash.js';
import type { Notice } from '../../contracts/notice.js';

export function verificationText(hash: string): Message {
  return {
    zh: `本公示结果的校验码（SHA-256）为 ${hash}。持有本活动导出包（方案与全部原始选票）者，可运行 “leitai tally 导出包.json --verify” 离线重新计票，输出的结果哈希应与此校验码一致。`,
    en: `The results hash (SHA-256) of this notice is ${hash}. Anyone holding the campaign's export bundle (definition and every raw ballot) can recompute offline with “leitai tally bundle.json --verify”; the results hash it prints must equal this one.`,
  };
}

export function noticeOf(p: Publication): Notice {
  const results = JSON.parse(p.snapshot) as PresentedTally;
  return {
    campaignId: p.campaignId,
    campaignName: results.name,
    title: p.title,
    noticeDate: p.noticeDate,
    objectionEndDate: p.objectionEndDate,
    objectionDays: p.objectionDays,
    contact: p.contact,
    publishedAt: p.publishedAt,
    resultsHash: p.resultsHash,
    hashMethod: RESULTS_HASH_METHOD,
    verification: verificationText(p.resultsHash),
    rankings: results.rankings.map((r) => ({
      rankingId: r.rankingId,
      name: r.name,
      tiers: r.tiers,
      components: (r.rows[0]?.components ?? []).map((c) => ({ instrumentId: c.instrumentId, name: c.name, weight: c.weight.display })),
      rows: r.rows.map((row) => ({
        rank: row.rank,
        unitId: row.unitId,
        name: row.name,
        total: row.total.display,
        tier: row.tier,
        tierLabel: row.tierLabel,
        tierTie: row.tierTie,
        components: row.components.map((c) => ({ instrumentId: c.instrumentId, score: c.score?.display ?? null })),
      })),
    })),
  };
}

/** The notice of a published campaign; 404 for anything else (unpublished campaigns are not acknowledged). */
export async function getNotice(ctx: AppContext, campaignId: string): Promise<Notice> {
  const publication = await getPublication(ctx.database.db, campaignId);
  if (!publication) throw new AppError('not_found', { message: MESSAGES.noNotice });
  return noticeOf(publication);
}
