/**
 * The documents of a library case and of a 研讨组: listed for those who may read the owner, uploaded and removed by
 * the office. (A report's documents come with the report: app/seminar.)
 */
import type { DocumentView } from '../../contracts/documents.js';
import { notFound } from '../../contracts/messages.js';
import { getCaseRow } from '../../db/repositories/cases.js';
import { listOwnerDocuments, topicGroupExists } from '../../db/repositories/documents.js';
import { inTransaction } from '../../db/repositories/shared.js';
import type { AppContext } from '../context.js';
import type { Actor } from '../policies/roles.js';
import { requireClass } from '../training/require-class.js';
import { isOffice } from './document-access.js';
import { presentDocument, presentDocuments, uploaderNames } from './present-document.js';
import { insertDocument, keepUpload, type DocumentOwner } from './store-document.js';
import type { UploadedFile } from './uploaded-file.js';

async function requireCaseFor(ctx: AppContext, actor: Actor, caseId: string): Promise<{ title: string }> {
  const row = await getCaseRow(ctx.database.db, caseId);
  // A draft is not there for those who may not see it (as GET /api/cases/:id).
  if (!row || (row.published !== 1 && !isOffice(actor))) throw notFound('case', caseId);
  return row;
}

async function requireGroup(ctx: AppContext, classId: string, groupId: string): Promise<void> {
  await requireClass(ctx.database.db, classId);
  if (!(await topicGroupExists(ctx.database.db, classId, groupId))) throw notFound('topicGroup', groupId);
}

async function upload(ctx: AppContext, actor: Actor, owner: DocumentOwner, file: UploadedFile, stem: string): Promise<DocumentView> {
  const kept = await keepUpload(ctx, file, stem);
  return inTransaction(ctx.database.db, async (trx) => {
    const row = await insertDocument(trx, ctx, actor, owner, { ...kept, sha256: file.sha256, size: file.size });
    return presentDocument(row, await uploaderNames(trx, [row]));
  });
}

export async function listCaseDocuments(ctx: AppContext, actor: Actor, caseId: string): Promise<DocumentView[]> {
  await requireCaseFor(ctx, actor, caseId);
  return presentDocuments(ctx.database.db, await listOwnerDocuments(ctx.database.db, 'case', [caseId], null));
}

export async function uploadCaseDocument(ctx: AppContext, actor: Actor, caseId: string, file: UploadedFile): Promise<DocumentView> {
  const found = await requireCaseFor(ctx, actor, caseId);
  return upload(ctx, actor, { kind: 'case', id: caseId, classId: null }, file, found.title);
}

export async function listGroupDocuments(ctx: AppContext, classId: string, groupId: string): Promise<DocumentView[]> {
  await requireGroup(ctx, classId, groupId);
  return presentDocuments(ctx.database.db, await listOwnerDocuments(ctx.database.db, 'topic_group', [groupId], classId));
}

export async function uploadGroupDocument(ctx: AppContext, actor: Actor, classId: string, groupId: string, file: UploadedFile): Promise<DocumentView> {
  await requireGroup(ctx, classId, groupId);
  return upload(ctx, actor, { kind: 'topic_group', id: groupId, classId }, file, '研讨成果');
}
