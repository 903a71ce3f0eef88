import { PostgresDialect } from 'kysely';
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
