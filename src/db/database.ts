import type { Kysely } from 'kysely';
import type { Schema } from './tables/index.js';

export type DbKind = 'sqlite' | 'postgres';

export type DbConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** What repositories take first: the database itself or a transaction (a Transaction is a Kysely). */
export type Db = Kysely<Schema>;

export interface Database {
  db: Kysely<Schema>;
  kind: DbKind;
  close(): Promise<void>;
}
