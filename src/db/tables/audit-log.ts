import type { Generated } from 'kysely';

/** Append-only record of office actions. */
export interface AuditLogTable {
  /** Monotonic, so the log has one order even when `at` ties. */
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  /** JSON text. */
  detail: string;
}
