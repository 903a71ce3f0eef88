/** What an import's report lets the office do next, and the bad rows of a refusal, for the roster's import drawer. */
import { ApiError } from '../../api/client.js';
import type { ImportReport } from '../../api/types.js';

export type ImportRowError = ImportReport['errors'][number];

/** clean: every row can be imported (and there is at least one); bad: some row is wrong; empty: no row to import. */
export function importVerdict(report: ImportReport): 'clean' | 'bad' | 'empty' {
  if (report.errors.length > 0) return 'bad';
  return report.accepted > 0 ? 'clean' : 'empty';
}

const isRowError = (d: unknown): d is ImportRowError => {
  const e = d as Partial<ImportRowError> | null;
  return typeof e?.row === 'number' && typeof e.message === 'object' && e.message !== null && typeof e.message.zh === 'string' && typeof e.message.en === 'string';
};

/**
 * The rows a refused import names (a 422 `invalid_roster` when the file changed between the check and the import):
 * they come as the refusal's details, as the report's errors or as an array of them.
 */
export function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as unknown;
  const list = Array.isArray(details) ? details : (details as { errors?: unknown } | null)?.errors;
  return Array.isArray(list) ? list.filter(isRowError) : [];
}
