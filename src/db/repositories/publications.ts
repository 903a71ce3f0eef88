/** 公示 records: written once when a campaign is published, read by the public notice. */
import type { Db } from '../database.js';
import type { PublicationsTable } from '../tables/index.js';

export interface Publication {
  id: string;
  campaignId: string;
  title: string;
  noticeDate: string;
  objectionEndDate: string;
  objectionDays: number;
  contact: string | null;
  /** 落款: the issuing organ; null for a publication made before it was asked for. */
  issuer: string | null;
  /** The snapshot JSON text exactly as stored. */
  snapshot: string;
  resultsHash: string;
  publishedBy: string;
  publishedAt: string;
}

export async function insertPublication(db: Db, p: Publication): Promise<void> {
  await db
    .insertInto('publications')
    .values({
      id: p.id,
      campaign_id: p.campaignId,
      title: p.title,
      notice_date: p.noticeDate,
      objection_end_date: p.objectionEndDate,
      objection_days: p.objectionDays,
      contact: p.contact,
      issuer: p.issuer,
      snapshot: p.snapshot,
      results_hash: p.resultsHash,
      published_by: p.publishedBy,
      published_at: p.publishedAt,
    })
    .execute();
}

function toPublication(row: PublicationsTable): Publication {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    title: row.title,
    noticeDate: row.notice_date,
    objectionEndDate: row.objection_end_date,
    objectionDays: row.objection_days,
    contact: row.contact,
    issuer: row.issuer,
    snapshot: row.snapshot,
    resultsHash: row.results_hash,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

export async function getPublication(db: Db, campaignId: string): Promise<Publication | null> {
  const row = await db.selectFrom('publications').selectAll().where('campaign_id', '=', campaignId).executeTakeFirst();
  return row ? toPublication(row) : null;
}

/** One session's ballot chain as published (decision 0019). */
export interface PublishedChain {
  sessionId: string | null;
  ballotCount: number;
  head: string;
  /** [ballotId, hash] in chain order. */
  board: [string, string][];
}

/** Stores a publication's ballot chains, in the caller's transaction (with the publication itself). */
export async function insertPublicationChains(db: Db, publicationId: string, campaignId: string, chains: readonly PublishedChain[]): Promise<void> {
  for (const c of chains) {
    await db
      .insertInto('publication_chains')
      .values({
        publication_id: publicationId,
        campaign_id: campaignId,
        session_key: c.sessionId ?? '',
        ballot_count: c.ballotCount,
        head: c.head,
        board: JSON.stringify(c.board),
      })
      .execute();
  }
}

/** The ballot chains stored with a publication, in the order they were stored (by session key). */
export async function listPublicationChains(db: Db, publicationId: string): Promise<PublishedChain[]> {
  const rows = await db.selectFrom('publication_chains').selectAll().where('publication_id', '=', publicationId).orderBy('session_key').execute();
  return rows.map((r) => ({
    sessionId: r.session_key === '' ? null : r.session_key,
    ballotCount: Number(r.ballot_count),
    head: r.head,
    board: JSON.parse(r.board) as [string, string][],
  }));
}
