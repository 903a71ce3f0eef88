import { Migrator, type Migration, type MigrationProvider, type MigrationResult } from 'kysely';
import type { Database, DbKind } from '../database.js';
import { initial } from './0001-initial.js';
import { appendOnly } from './0002-append-only.js';
import { accounts } from './0003-accounts.js';
import { ballotSegments } from './0004-ballot-segments.js';
import { publications } from './0005-publications.js';
import { campaignScopedIds } from './0006-campaign-scoped-ids.js';
import { settings } from './0007-settings.js';
import { publicationIssuer } from './0008-publication-issuer.js';
import { paperSheetNumbers } from './0009-paper-sheet-numbers.js';
import { training } from './0010-training.js';
import { caseLibrary } from './0011-case-library.js';
import { trainingContent } from './0012-training-content.js';
import { loginThrottle } from './0013-login-throttle.js';
import { strictCapsKept } from './0014-strict-caps-kept.js';
import { verifiableAudit } from './0015-verifiable-audit.js';
import { caseTexts } from './0016-case-texts.js';
import { tours } from './0017-tours.js';
import { tokenClaims } from './0018-token-claims.js';

/**
 * Append-only list: never edit or reorder a released migration, add a new one. Listed statically (no directory
 * globbing) so it works the same under tsx, in a bundle and in tests. Names sort in application order.
 */
export function migrationsFor(kind: DbKind): Record<string, Migration> {
  return {
    '0001-initial': initial(kind),
    '0002-append-only': appendOnly(kind),
    '0003-accounts': accounts(),
    '0004-ballot-segments': ballotSegments(kind),
    '0005-publications': publications(kind),
    '0006-campaign-scoped-ids': campaignScopedIds(kind),
    '0007-settings': settings(),
    '0008-publication-issuer': publicationIssuer(),
    '0009-paper-sheet-numbers': paperSheetNumbers(kind),
    '0010-training': training(kind),
    '0011-case-library': caseLibrary(kind),
    '0012-training-content': trainingContent(kind),
    '0013-login-throttle': loginThrottle(kind),
    '0014-strict-caps-kept': strictCapsKept(),
    '0015-verifiable-audit': verifiableAudit(kind),
    '0016-case-texts': caseTexts(kind),
    '0017-tours': tours(kind),
    '0018-token-claims': tokenClaims(kind),
  };
}

function provider(kind: DbKind): MigrationProvider {
  return { getMigrations: async () => migrationsFor(kind) };
}

/** Applies every pending migration; throws (after Kysely rolled back the failing one) on error. */
export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.kind) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return results ?? [];
}

/** Applies (or reverts) migrations up to `name`: a database as an older release left it, for migration tests. */
export async function migrateTo(database: Database, name: string): Promise<void> {
  const migrator = new Migrator({ db: database.db, provider: provider(database.kind) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}
