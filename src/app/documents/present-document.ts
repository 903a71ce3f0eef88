/** What leaves the server of a document: its cleaned name, recognised kind, size, when and by whom — never its hash or owner keys. */
import type { DocumentView } from '../../contracts/documents.js';
import type { Db } from '../../db/database.js';
import { listAccounts } from '../../db/repositories/accounts.js';
import type { DocumentRow } from '../../db/repositories/documents.js';
import { kindOfMediaType } from '../../domain/documents/file-kinds.js';

/** The display names of the actors (`role:accountId`) who uploaded `rows`. */
export async function uploaderNames(db: Db, rows: readonly DocumentRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (!rows.some((r) => r.uploaded_by.includes(':'))) return names;
  for (const a of await listAccounts(db)) names.set(`${a.role}:${a.id}`, a.display_name);
  return names;
}

export function presentDocument(row: DocumentRow, names: ReadonlyMap<string, string>): DocumentView {
  return {
    id: row.id,
    fileName: row.file_name,
    kind: kindOfMediaType(row.media_type) ?? 'pdf',
    mediaType: row.media_type,
    size: row.size,
    uploadedAt: row.uploaded_at,
    uploaderName: names.get(row.uploaded_by) ?? null,
  };
}

export async function presentDocuments(db: Db, rows: readonly DocumentRow[]): Promise<DocumentView[]> {
  const names = await uploaderNames(db, rows);
  return rows.map((r) => presentDocument(r, names));
}
