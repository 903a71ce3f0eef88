/** Rows of the parts of a campaign definition. `position` keeps the office's declared order. */

export interface SubjectsTable {
  id: string;
  campaign_id: string;
  kind: 'unit' | 'site' | 'case';
  unit_id: string;
  name: string;
  rollup_weight: string | null;
  position: number;
}

export interface RaterGroupsTable {
  id: string;
  campaign_id: string;
  name: string;
  mode: 'anonymous' | 'named';
  position: number;
}

export interface InstrumentsTable {
  id: string;
  campaign_id: string;
  kind: 'grade' | 'score' | 'adjustments';
  name: string;
  /** JSON text: every field of the domain Instrument except id, kind and name. */
  config: string;
  position: number;
}

export interface RankingsTable {
  id: string;
  campaign_id: string;
  name: string;
  /** JSON text: every field of the domain RankingSpec except id and name. */
  config: string;
  position: number;
}
