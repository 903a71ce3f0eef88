export type CampaignStatus = 'draft' | 'active' | 'published';

export interface CampaignsTable {
  id: string;
  name: string;
  /** The city or province the campaign is about; the definition's units are this unit's subtree. */
  root_unit_id: string | null;
  precision: number;
  tie_judgement: 'exact' | 'published';
  status: CampaignStatus;
  published_at: string | null;
  /** ISO-8601 UTC text, so both dialects compare and sort the same. */
  created_at: string;
  updated_at: string;
}
