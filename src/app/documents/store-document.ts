/**
 * 保存上传文件: recognise the upload by content (kernel/file-recognition.ts), put its bytes in the file store, then —
 * in the caller's transaction — the document row. The bytes go in first and outside the transaction: a transaction
 * that then fails leaves at most an unreferenced file, never a row without its bytes.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.js';
import { insertDocuments, type DocumentRow } from '../../db/repositories/documents.js';
import type { DocumentOwnerKind } from '../../db/tables/training-content.js';
import type { AppContext } from '../context.js';
import { recogniseFile, type RecognisedFile } from '../kernel/file-recognition.js';
import { recordAudit } from '../kernel/record-audit.js';
import type { Actor } from '../policies/roles.js';
import type { UploadedFile } from './uploaded-file.js';

export interface DocumentOwner {
  kind: DocumentOwnerKind;
  id: string;
  /** The class of a report's or a group's document; null for a case's. */
  classId: string | null;
}

/** Recognised and stored: what the row will say. Refuses (415) anything but pdf, docx, xlsx, jpg and png. */
export async function keepUpload(ctx: AppContext, upload: UploadedFile, fallbackStem: string): Promise<RecognisedFile> {
  const recognised = await recogniseFile(upload.path, upload.clientName, fallbackStem);
  await ctx.files.put(upload.sha256, upload.path);
  return recognised;
}

export async function insertDocument(trx: Db, ctx: AppContext, actor: Actor | 'system', owner: DocumentOwner, file: { sha256: string; size: number } & Pick<RecognisedFile, 'mediaType' | 'fileName'>): Promise<DocumentRow> {
  const row: DocumentRow = {
    id: `doc-${randomBytes(6).toString('hex')}`,
    sha256: file.sha256,
    size: file.size,
    media_type: file.mediaType,
    file_name: file.fileName,
    owner_kind: owner.kind,
    owner_id: owner.id,
    class_id: owner.classId,
    uploaded_by: typeof actor === 'string' ? actor : `${actor.role}:${actor.id}`,
    uploaded_at: ctx.clock().toISOString(),
    removed_at: null,
    removed_by: null,
  };
  await insertDocuments(trx, [row]);
  await recordAudit(trx, ctx, actor, 'document.upload', 'document', row.id, { owner: owner.kind, ownerId: owner.id, classId: owner.classId, fileName: row.file_name, mediaType: row.media_type, size: row.size });
  return row;
}
