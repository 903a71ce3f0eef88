/** A stored case as the API shows it. */
import type { CaseView } from '../../contracts/cases.js';
import type { CaseRow } from '../../db/repositories/cases.js';

export function presentCase(row: CaseRow, unitName: string): CaseView {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: JSON.parse(row.tags) as string[],
    year: row.year,
    published: row.published === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
