/** 下载文件: a document's bytes for a caller who may read its owner; a removed document is no longer served. */
import type { Readable } from 'node:stream';
import { AppError } from '../../contracts/errors.js';
import { MESSAGES, notFound } from '../../contracts/messages.js';
import { getDocumentRow, type DocumentRow } from '../../db/repositories/documents.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { assertMayReadDocument } from './document-access.js';

export async function openDocument(ctx: AppContext, actor: Actor, documentId: string): Promise<{ row: DocumentRow; bytes: Readable }> {
  const row = await getDocumentRow(ctx.database.db, documentId);
  if (!row) throw notFound('document', documentId);
  await assertMayReadDocument(ctx.database.db, actor, row);
  if (row.removed_at !== null) throw new AppError('not_found', { message: MESSAGES.documentRemoved });
  return { row, bytes: await ctx.files.open(row.sha256) };
}
