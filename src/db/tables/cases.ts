/** 典型案例 rows (migration 0011). */
export interface CasesTable {
  id: string;
  /** The township or village whose case it is. */
  unit_id: string;
  title: string;
  summary: string;
  body: string;
  /** JSON: the tags, in order. */
  tags: string;
  year: number;
  /** 1 when published (every logged-in role may read it), 0 while a draft (the office only). */
  published: number;
  created_at: string;
  updated_at: string;
}

/** The search index, written and read by repositories/cases.ts only (its SQL differs per engine). */
export interface CaseSearchTable {
  case_id: string;
  grams: string;
}
