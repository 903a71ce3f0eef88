/** 文件: the rows of uploaded documents; their bytes are in the file store (app/kernel/file-store.ts), by hash. */
import type { Db } from '../database.js';
import type { DocumentOwnerKind, DocumentsTable } from '../tables/training-content.js';
import { chunk } from './shared.js';

export type DocumentRow = DocumentsTable;

export async function insertDocuments(db: Db, rows: readonly DocumentRow[]): Promise<void> {
  for (const part of chunk(rows, 13)) await db.insertInto('documents').values(part).execute();
}

export async function getDocumentRow(db: Db, id: string): Promise<DocumentRow | null> {
  return (await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

/** The listed (not removed) documents of owners of one kind, oldest first. */
export async function listOwnerDocuments(db: Db, ownerKind: DocumentOwnerKind, ownerIds: readonly string[], classId: string | null): Promise<DocumentRow[]> {
  if (ownerIds.length === 0) return [];
  const out: DocumentRow[] = [];
  for (const part of chunk([...ownerIds], 1, 2000)) {
    let q = db.selectFrom('documents').selectAll().where('owner_kind', '=', ownerKind).where('owner_id', 'in', part).where('removed_at', 'is', null);
    q = classId === null ? q.where('class_id', 'is', null) : q.where('class_id', '=', classId);
    out.push(...(await q.orderBy('uploaded_at').orderBy('id').execute()));
  }
  return out;
}

export async function countOwnerDocuments(db: Db, ownerKind: DocumentOwnerKind, ownerId: string, classId: string | null): Promise<number> {
  return (await listOwnerDocuments(db, ownerKind, [ownerId], classId)).length;
}

export async function markDocumentRemoved(db: Db, id: string, at: string, by: string): Promise<boolean> {
  const result = await db.updateTable('documents').set({ removed_at: at, removed_by: by }).where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Does the class have this 研讨组 (documents may be attached to it)? */
export async function topicGroupExists(db: Db, classId: string, groupId: string): Promise<boolean> {
  return (await db.selectFrom('topic_groups').select('id').where('class_id', '=', classId).where('id', '=', groupId).executeTakeFirst()) !== undefined;
}
