import type { Generated } from 'kysely';

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

/**
 * A case's fields as the search compares them (migration 0016): normalised (domain/cases/grams.ts normaliseText), the
 * tags joined by spaces, with the columns a search filters and sorts by. Written with the case, by
 * repositories/cases.ts only.
 */
export interface CaseTextsTable {
  /** SQLite: also the rowid of the case's row in case_search (FTS5). */
  doc: Generated<number>;
  case_id: string;
  published: number;
  unit_id: string;
  year: number;
  updated_at: string;
  title: string;
  tags: string;
  summary: string;
}

/** The normalised body of the case_texts row `doc` (kept apart so the short fields stay in few pages). */
export interface CaseTextBodiesTable {
  doc: number;
  body: string;
}
