/**
 * 文件存储: uploaded bytes addressed by their sha-256, so one file stored twice is kept once and a stored file never
 * changes. Documents (db/repositories/documents.ts) hold the hash; the bytes live here.
 *
 * The disk store keeps `<root>/<first 2 hex>/<sha256>` (root = `<dataDir>/files` on a server). A file is written to a
 * temporary name in its final directory, fsynced, then renamed, so a crash leaves either nothing or the whole file.
 *
 * An S3-compatible store (SeaweedFS, Garage, Ceph RGW; stack.md) would implement the same three methods with
 * @aws-sdk/client-s3 and `forcePathStyle: true`: `put` as a PutObject of the temp file's stream under the key
 * `<2 hex>/<sha256>` after a HeadObject finds it absent, `open` as GetObject's Body stream, `has` as HeadObject.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, rmSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface FileStore {
  /** Stores the bytes of the file at `tempPath` under `sha256` (already computed by the caller while it wrote the file). An existing hash is not rewritten. */
  put(sha256: string, tempPath: string): Promise<void>;
  /** The stored bytes; refuses an unknown hash. */
  open(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

const HASH = /^[0-9a-f]{64}$/;

function checkHash(sha256: string): string {
  if (!HASH.test(sha256)) throw new Error(`not a sha-256: ${sha256.slice(0, 80)}`);
  return sha256;
}

export class DiskFileStore implements FileStore {
  constructor(readonly root: string) {}

  private place(sha256: string): string {
    checkHash(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      return (await stat(this.place(sha256))).isFile();
    } catch {
      return false;
    }
  }

  async put(sha256: string, tempPath: string): Promise<void> {
    const target = this.place(sha256);
    if (await this.has(sha256)) return;
    await mkdir(path.dirname(target), { recursive: true });
    const partial = `${target}.${randomBytes(6).toString('hex')}.part`;
    try {
      await copyFile(tempPath, partial);
      const handle = await open(partial, 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async open(sha256: string): Promise<Readable> {
    const file = this.place(sha256);
    await stat(file);
    return createReadStream(file);
  }
}

/** Temporary stores' directories, removed when the process exits. */
const temporary: string[] = [];

/**
 * A store under a fresh directory of the system's temp dir, for contexts given no data directory (tests, benchmarks):
 * created on first write, removed when the process exits.
 */
export function temporaryFileStore(): DiskFileStore {
  const root = path.join(tmpdir(), `leitai-files-${process.pid}-${randomBytes(4).toString('hex')}`);
  if (temporary.length === 0) {
    process.once('exit', () => {
      for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
    });
  }
  temporary.push(root);
  return new DiskFileStore(root);
}

/** The sha-256 of bytes, as the store addresses them. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Stores bytes made in memory (the demo's generated reports) through a temp file, as an upload arrives; answers their hash. */
export async function storeBytes(store: FileStore, bytes: Uint8Array): Promise<string> {
  const sha256 = sha256Of(bytes);
  if (await store.has(sha256)) return sha256;
  const temp = path.join(tmpdir(), `leitai-bytes-${randomBytes(8).toString('hex')}`);
  try {
    await writeFile(temp, bytes);
    await store.put(sha256, temp);
  } finally {
    await rm(temp, { force: true });
  }
  return sha256;
}
