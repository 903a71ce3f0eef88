/**
 * 公示: the notice a campaign's results were published with. Append-only: the results snapshot (the presented
 * tally as it was at that moment) and its hash never change, whatever is recomputed later.
 */
export interface PublicationsTable {
  id: string;
  campaign_id: string;
  title: string;
  /** Calendar dates, YYYY-MM-DD (China Standard Time). */
  notice_date: string;
  objection_end_date: string;
  objection_days: number;
  contact: string | null;
  /** 落款: the issuing organ; null for publications made before migration 0008. */
  issuer: string | null;
  /** JSON text of the presented results (PresentedTally). */
  snapshot: string;
  /** sha256 of the snapshot's canonical JSON (keys sorted), hex. */
  results_hash: string;
  published_by: string;
  /** ISO-8601 UTC. */
  published_at: string;
}
