/** What an import's report lets the office do next, and the bad rows of a refusal, for the roster's import drawer. */
import { ApiError } from '../../api/client.js';
import type { ImportReport } from '../../api/types.js';

export type ImportRowError = ImportReport['errors'][number];

/** clean: every row can be imported (and there is at least one); bad: some row is wrong; empty: no row to import. */
export function importVerdict(report: ImportReport): 'clean' | 'bad' | 'empty' {
  if (report.errors.length > 0) return 'bad';
  return report.accepted > 0 ? 'clean' : 'empty';
}

interface Detail {
  row?: unknown;
  path?: unknown;
  column?: unknown;
  message?: { zh?: unknown; en?: unknown } | null;
}

/**
 * The rows a refused import names (a 422 `invalid_roster` when the file changed between the check and the import):
 * the refusal's details, each with its row, its column (as `path`, the API's error detail) and its reason.
 */
export function rowErrorsOf(error: unknown): ImportRowError[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as Detail[]).flatMap((d) => {
    const m = d?.message;
    if (typeof d?.row !== 'number' || typeof m?.zh !== 'string' || typeof m.en !== 'string') return [];
    const column = typeof d.path === 'string' ? d.path : typeof d.column === 'string' ? d.column : undefined;
    return [{ row: d.row, ...(column ? { column } : {}), message: { zh: m.zh, en: m.en } }];
  });
}
