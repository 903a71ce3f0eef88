/** The only reader of process.env: validated once at start, then frozen. */
import path from 'node:path';
import { z } from 'zod';
import { parsePublicUrl } from '../domain/public-address.js';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  LEITAI_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must start with postgres://' })
    .optional(),
  /**
   * The address of the one connection each server listens for other servers' changes on: it must reach PostgreSQL
   * directly, not through a transaction-pooling pgbouncer. Default: DATABASE_URL.
   */
  LEITAI_LISTEN_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'LEITAI_LISTEN_URL must start with postgres://' })
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LEITAI_DEMO: z.enum(['auto', 'off']).default('auto'),
  /**
   * The reverse proxies in front of the server, whose X-Forwarded-For names the client: "127.0.0.1", "10.0.0.0/8,
   * 192.168.1.2", or a hop count ("1"). Never "true": any client could then claim any address.
   */
  LEITAI_TRUST_PROXY: z
    .string()
    .optional()
    .transform((v, c) => {
      if (v === undefined || v.trim() === '') return null;
      const value = v.trim();
      if (/^\d{1,2}$/.test(value)) return Number(value);
      const parts = value.split(',').map((p) => p.trim());
      if (parts.every((p) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(p))) return parts.join(',');
      c.addIssue({ code: 'custom', message: 'LEITAI_TRUST_PROXY must list proxy addresses or CIDR ranges (e.g. 127.0.0.1,10.0.0.0/8) or give a hop count (e.g. 1)' });
      return z.NEVER;
    }),
  LEITAI_COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  LEITAI_PUBLIC_URL: z
    .string()
    .optional()
    .transform((v, c) => {
      if (v === undefined || v.trim() === '') return null;
      const parsed = parsePublicUrl(v);
      if (parsed.ok) return parsed.origin;
      c.addIssue({ code: 'custom', message: 'LEITAI_PUBLIC_URL must be an http(s) address without a path, such as https://leitai.example.cn or http://192.168.1.20:3000' });
      return z.NEVER;
    }),
});

/** On PostgreSQL, `listenUrl` is where the server listens for other servers' changes (LEITAI_LISTEN_URL or DATABASE_URL). */
export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; listenUrl?: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /** Load the Jincheng demo into an empty database at start. */
  demo: boolean;
  /** Mark the session cookie Secure even when the request arrives over HTTP (behind a TLS-terminating proxy). */
  cookieSecure: boolean;
  /** LEITAI_TRUST_PROXY: the proxies whose X-Forwarded-For names the client, or null. */
  trustProxy: string | number | null;
  /**
   * 公开地址: where phones reach the server (QR slips, screen links, notices), as an origin; null when unset. A value
   * the office stores in the console overrides it (app/settings).
   */
  publicUrl: string | null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`配置有误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.LEITAI_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { kind: 'postgres' as const, url: e.DATABASE_URL, listenUrl: e.LEITAI_LISTEN_URL ?? e.DATABASE_URL }
      : { kind: 'sqlite' as const, file: path.join(dataDir, 'leitai.sqlite') },
    logLevel: e.LOG_LEVEL,
    demo: e.LEITAI_DEMO === 'auto',
    cookieSecure: e.LEITAI_COOKIE_SECURE === 'true',
    trustProxy: e.LEITAI_TRUST_PROXY,
    publicUrl: e.LEITAI_PUBLIC_URL,
  });
}
