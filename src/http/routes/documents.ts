/**
 * 文件 (issue #14): a document's bytes for those who may read its owner, served as an attachment that no browser
 * renders in the console's origin; removing one; and the documents of a library case and of a 研讨组 (upload: one
 * file, multipart/form-data, recognised by content).
 */
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../app/context.js';
import { openDocument } from '../../app/documents/open-document.js';
import { listCaseDocuments, listGroupDocuments, uploadCaseDocument, uploadGroupDocument } from '../../app/documents/owner-documents.js';
import { removeDocument } from '../../app/documents/remove-document.js';
import { caseParams } from '../../contracts/cases.js';
import { id } from '../../contracts/definition.js';
import { documentListSchema, documentParams, documentSchema } from '../../contracts/documents.js';
import { contentDisposition } from '../../domain/documents/file-name.js';
import { FILE_KINDS } from '../../domain/documents/file-kinds.js';
import { requireActor } from '../auth.js';
import { noContent } from '../responses.js';
import { CASE_DOCUMENT_FILE_LIMIT, GROUP_OUTPUT_FILE_LIMIT, receiveUpload, type Upload } from '../upload.js';
import { typed } from './types.js';

const groupParams = z.object({ classId: id, groupId: id });

/** The one form field: `file`. */
export const UPLOAD_NOTE = '请求为 multipart/form-data，含一个文件字段 file；只接受 PDF、docx、xlsx、JPG、PNG（按内容识别）/ multipart/form-data with one file field; PDF, docx, xlsx, JPG or PNG by content';

/** The bytes of any allowed kind. */
function documentBytes() {
  const description = '文件内容（附件下载）/ the file, as an attachment';
  const bytes = z.custom<Uint8Array | Readable>((v) => v instanceof Uint8Array || v instanceof Readable).meta({ type: 'string', format: 'binary', description });
  return { description, content: Object.fromEntries(Object.values(FILE_KINDS).map((k) => [k.mediaType, { schema: bytes }])) };
}

/** Runs `work` on the received upload and removes its temporary file whatever happened. */
export async function withUpload<T>(upload: Upload, work: (upload: Upload) => Promise<T>): Promise<T> {
  try {
    return await work(upload);
  } finally {
    await upload.discard();
  }
}

export function documentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const tags = ['documents'];

  api.get('/api/documents/:documentId', {
    schema: { tags, summary: '下载文件（仅限可查看其所属内容的角色）/ download a document (for roles that may read its owner)', params: documentParams, response: { 200: documentBytes() } },
  }, async (request, reply) => {
    const { row, bytes } = await openDocument(ctx, requireActor(request), request.params.documentId);
    return reply
      .type(row.media_type)
      .header('content-length', row.size)
      .header('content-disposition', contentDisposition(row.file_name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cache-control', 'private, no-store')
      .send(bytes);
  });

  api.delete('/api/documents/:documentId', {
    schema: { tags, summary: '删除文件（办公室；乡镇可删本单位未收取材料的文件）/ remove a document (the office; a township its own report’s while not accepted)', params: documentParams, response: { 204: noContent } },
  }, async (request, reply) => {
    await removeDocument(ctx, requireActor(request), request.params.documentId);
    return reply.code(204).send();
  });

  api.get('/api/cases/:caseId/documents', {
    schema: { tags, summary: '案例的附件 / a case’s documents', params: caseParams, response: { 200: documentListSchema } },
  }, async (request) => listCaseDocuments(ctx, requireActor(request), request.params.caseId));

  api.post('/api/cases/:caseId/documents', {
    schema: { tags, summary: `上传案例附件（上限 20 MB）/ upload a case document (20 MB at most). ${UPLOAD_NOTE}`, consumes: ['multipart/form-data'], params: caseParams, response: { 201: documentSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const upload = await receiveUpload(request, CASE_DOCUMENT_FILE_LIMIT);
    return reply.code(201).send(await withUpload(upload, (u) => uploadCaseDocument(ctx, actor, request.params.caseId, u)));
  });

  api.get('/api/training/classes/:classId/groups/:groupId/documents', {
    schema: { tags, summary: '研讨组成果附件 / a topic group’s output documents', params: groupParams, response: { 200: documentListSchema } },
  }, async (request) => listGroupDocuments(ctx, request.params.classId, request.params.groupId));

  api.post('/api/training/classes/:classId/groups/:groupId/documents', {
    schema: { tags, summary: `上传研讨组成果附件（上限 20 MB）/ upload a group output document (20 MB at most). ${UPLOAD_NOTE}`, consumes: ['multipart/form-data'], params: groupParams, response: { 201: documentSchema } },
  }, async (request, reply) => {
    const actor = requireActor(request);
    const upload = await receiveUpload(request, GROUP_OUTPUT_FILE_LIMIT);
    return reply.code(201).send(await withUpload(upload, (u) => uploadGroupDocument(ctx, actor, request.params.classId, request.params.groupId, u)));
  });
}
