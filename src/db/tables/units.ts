import type { UnitLevel } from '../../domain/types.js';

/** 单位 rows: the division tree, shared by every campaign. */
export interface UnitsTable {
  id: string;
  /** National division code when known; indexed, not unique (imports may carry duplicates to report). */
  code: string | null;
  name: string;
  level: UnitLevel;
  parent_id: string | null;
}
