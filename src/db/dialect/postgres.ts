import { PostgresDialect, type Kysely } from 'kysely';
import pg from 'pg';

export function openPostgres(url: string): { dialect: PostgresDialect; pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return { dialect: new PostgresDialect({ pool }), pool };
}

const REFUSE_FUNCTION = `CREATE OR REPLACE FUNCTION leitai_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'restrict_violation';
END
$$`;

/** Row triggers refuse UPDATE and DELETE; a statement trigger refuses TRUNCATE, which skips row triggers. */
export function postgresAppendOnlyStatements(table: string): string[] {
  return [
    REFUSE_FUNCTION,
    `CREATE TRIGGER ${table}_refuse_change BEFORE UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION leitai_refuse_change()`,
    `CREATE TRIGGER ${table}_refuse_truncate BEFORE TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION leitai_refuse_change()`,
  ];
}

export function postgresAutoIncrementType(): string {
  return 'bigint generated always as identity primary key';
}

/*
 * Named statements. Kysely sends every query unnamed, so PostgreSQL parses and plans it each time; on the ballot path
 * (a token look-up per event-loop turn, a batch statement per group commit) planning was ~0.3–0.9 ms of a ~3 ms
 * statement. A named statement is parsed once per connection and its plan reused. The pool is found from the Kysely
 * instance that createDb built.
 */
const pools = new WeakMap<object, pg.Pool>();

// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely, a transaction of it, or a migration's Kysely<any>
export function rememberPostgresPool(db: Kysely<any>, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * Runs `text` as the named statement `name` (one name, one text: never reuse a name for other SQL). Null when `db` is
 * not a PostgreSQL database built by createDb (SQLite, or a transaction: then the caller uses Kysely).
 */
// biome-ignore lint/suspicious/noExplicitAny: any schema: the app's Kysely, a transaction of it, or a migration's Kysely<any>
export async function postgresNamed<R>(db: Kysely<any>, name: string, text: string, values: unknown[]): Promise<R[] | null> {
  const pool = pools.get(db);
  if (!pool) return null;
  const result = await pool.query<R & pg.QueryResultRow>({ name, text, values });
  return result.rows;
}
