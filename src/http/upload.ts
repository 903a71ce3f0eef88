/**
 * 上传: one file per request, as multipart/form-data (@fastify/multipart, registered once in app.ts). The part is
 * streamed to a temporary file while it is hashed and counted, never held whole in memory; over the route's limit the
 * answer is a 413 with the limit in it, the rest of the request is read and dropped (no connection reset), and the
 * temporary file is removed. The caller recognises and stores the file, then calls `discard()` whatever happened.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../contracts/errors.js';
import { MESSAGES } from '../contracts/messages.js';

const MB = 1024 * 1024;
/** Per-route limits of one uploaded file. */
export const SEMINAR_REPORT_FILE_LIMIT = 20 * MB;
export const CASE_DOCUMENT_FILE_LIMIT = 20 * MB;
export const GROUP_OUTPUT_FILE_LIMIT = 20 * MB;

export interface Upload {
  /** The temporary file holding the bytes. */
  path: string;
  sha256: string;
  size: number;
  /** The name the browser sent, as it came (to be cleaned before it is shown or stored). */
  clientName: string;
  discard(): Promise<void>;
}

function tooLarge(limit: number): AppError {
  return new AppError('payload_too_large', { message: MESSAGES.uploadTooLarge(Math.round(limit / MB)) });
}

export async function receiveUpload(request: FastifyRequest, limit: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', { message: MESSAGES.uploadNotMultipart });
  const declared = Number(request.headers['content-length']);
  // A body announced far over the limit is refused before a byte is written (the form's own fields are small).
  if (Number.isFinite(declared) && declared > limit + MB) {
    request.raw.resume();
    throw tooLarge(limit);
  }
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ throwFileSizeLimit: false, limits: { files: 1, fileSize: limit, fields: 4, parts: 5, fieldSize: 1024 } });
  } catch (error) {
    throw partError(error, limit);
  }
  if (!part) throw new AppError('invalid_request', { message: MESSAGES.uploadFileMissing });
  const file = path.join(tmpdir(), `leitai-upload-${randomBytes(8).toString('hex')}`);
  const discard = () => rm(file, { force: true });
  const hash = createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(part.file, count, createWriteStream(file, { flags: 'wx', mode: 0o600 }));
  } catch (error) {
    await discard();
    throw partError(error, limit);
  }
  if (part.file.truncated) {
    await discard();
    throw tooLarge(limit);
  }
  if (size === 0) {
    await discard();
    throw new AppError('invalid_request', { message: MESSAGES.uploadEmpty });
  }
  return { path: file, sha256: hash.digest('hex'), size, clientName: part.filename ?? '', discard };
}

function partError(error: unknown, limit: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(limit);
  if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new AppError('payload_too_large', { message: MESSAGES.uploadTooManyParts });
  if (code === 'FST_PROTO_VIOLATION') return new AppError('invalid_request', { message: MESSAGES.uploadFileMissing });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('unsupported_media_type', { message: MESSAGES.uploadNotMultipart });
  return new AppError('invalid_request', { message: MESSAGES.uploadFileMissing, cause: error });
}
