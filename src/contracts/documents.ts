/** 文件 (issue #14): documents uploaded for a 座谈会 report, a library case or a 研讨组's output, recognised by content. */
import { z } from 'zod';
import { id } from './definition.js';

export const documentKindSchema = z.enum(['pdf', 'docx', 'xlsx', 'jpg', 'png']);

export const documentParams = z.object({ documentId: id });

/** One uploaded document as the console lists it; its bytes are at GET /api/documents/:id. */
export const documentSchema = z.object({
  id: z.string(),
  /** The uploader's cleaned file name (never a path). */
  fileName: z.string(),
  /** What the content was recognised as. */
  kind: documentKindSchema,
  mediaType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  /** The uploader's display name; null for documents the system stored (the demo). */
  uploaderName: z.string().nullable(),
});
export type DocumentView = z.output<typeof documentSchema>;

export const documentListSchema = z.array(documentSchema);
