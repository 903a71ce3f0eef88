/**
 * Fresh, migrated databases for tests, one per call, on both engines.
 * PostgreSQL comes from LEITAI_TEST_PG_URL (scripts/run-tests.ts starts an embedded server and sets it).
 * LEITAI_TEST_DIALECTS=sqlite (or postgres) narrows the loop explicitly; nothing is skipped silently.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createDb } from '../../src/db/create-db.js';
import type { Database, DbKind } from '../../src/db/database.js';
import { migrateTo, migrateToLatest } from '../../src/db/migrations/index.js';
import type { CampaignDefinition, Rating, Unit } from '../../src/domain/types.js';
import { packRatings } from '../../src/db/ballot-codec.js';
import { insertUnits } from '../../src/db/repositories/units.js';
import { createCampaign } from '../../src/db/repositories/campaigns.js';
import { saveDefinitionParts } from '../../src/db/repositories/definition.js';
import { createSession } from '../../src/db/repositories/sessions.js';
import { issueTokens } from '../../src/db/repositories/tokens.js';
import type { BallotRow } from '../../src/db/records.js';

export function dialects(): DbKind[] {
  const only = process.env.LEITAI_TEST_DIALECTS;
  if (!only) return ['sqlite', 'postgres'];
  const kinds = only.split(',').map((k) => k.trim());
  for (const k of kinds) if (k !== 'sqlite' && k !== 'postgres') throw new Error(`LEITAI_TEST_DIALECTS: unknown ${k}`);
  return kinds as DbKind[];
}

/** `upTo`: stop after that migration (a database as an older release left it), for migration tests. */
export async function createTestDb(kind: DbKind, upTo?: string): Promise<Database> {
  const database = kind === 'sqlite' ? await freshSqlite() : await freshPostgres();
  try {
    if (upTo) await migrateTo(database, upTo);
    else await migrateToLatest(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function freshSqlite(): Promise<Database> {
  const dir = await mkdtemp(join(tmpdir(), 'leitai-test-'));
  const database = await createDb({ kind: 'sqlite', file: join(dir, 'leitai.db') });
  return {
    ...database,
    close: async () => {
      await database.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function pgUrl(): URL {
  const url = process.env.LEITAI_TEST_PG_URL;
  if (!url) {
    throw new Error(
      'LEITAI_TEST_PG_URL is not set: run the tests with `npm test` (starts an embedded PostgreSQL), ' +
        'or point it at a server, or set LEITAI_TEST_DIALECTS=sqlite to run SQLite only on purpose',
    );
  }
  return new URL(url);
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = pgUrl();
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new, empty PostgreSQL database on the test server: its URL, and how to drop it once nothing uses it. */
export async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `leitai_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = pgUrl();
  url.pathname = `/${name}`;
  // Not WITH (FORCE): pg's pool.end() resolves before its connections have closed, and killing them makes
  // their clients throw. A plain DROP waits (up to 5 s) for those sessions to go away.
  return { url: url.toString(), drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name}`)).then(() => undefined) };
}

async function freshPostgres(): Promise<Database> {
  const fresh = await freshPostgresUrl();
  const database = await createDb({ kind: 'postgres', url: fresh.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

// ---- factories for storage tests ----

export const NOW = new Date('2022-06-01T08:00:00.000Z');

/** 山西省 → 晋城市 → its 6 county-level units → one township. The campaign's root is the city. */
export function jinchengUnits(): Unit[] {
  const counties = ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'];
  return [
    { id: 'u-shanxi', code: '140000', name: '山西省', level: 'province', parentId: null },
    { id: 'u-jincheng', code: '140500', name: '晋城市', level: 'city', parentId: 'u-shanxi' },
    ...counties.map((name, i) => ({
      id: `u-c${i + 1}`,
      code: `14050${i + 1}`,
      name,
      level: 'county' as const,
      parentId: 'u-jincheng',
    })),
    { id: 'u-t1', code: null, name: '北石店镇', level: 'township', parentId: 'u-c5' },
  ];
}

/** A small definition with one of each part: 汇报评 (grades + quotas), 观摩评 (scores + adjustments), a ranking. */
export function smallDefinition(): CampaignDefinition {
  const units = jinchengUnits().filter((u) => u.id !== 'u-shanxi');
  const countyIds = units.filter((u) => u.level === 'county').map((u) => u.id);
  const subjectIds = countyIds.map((id) => `s-${id}`);
  return {
    id: 'c-1',
    name: '亮晒评 2022',
    precision: 2,
    tieJudgement: 'exact',
    units: [...units].sort((a, b) => a.id.localeCompare(b.id)),
    subjects: [
      ...countyIds.map((id, i) => ({ id: `s-${id}`, kind: 'unit' as const, unitId: id, name: units[i + 1]!.name })),
      { id: 's-site1', kind: 'site', unitId: 'u-c5', name: '北石店镇实训点', rollupWeight: '2' },
    ],
    raterGroups: [
      { id: 'g-office', name: '专项行动办公室', mode: 'anonymous' },
      { id: 'g-force', name: '工作专班', mode: 'named' },
    ],
    instruments: [
      {
        id: 'i-report',
        kind: 'grade',
        name: '汇报评',
        subjectIds,
        groupWeights: [
          { groupId: 'g-office', weight: '1' },
          { groupId: 'g-force', weight: '1' },
        ],
        aggregation: { method: 'trimmed', k: 1 },
        missingGroup: 'renormalize',
        allowAbstain: true,
        opinion: 'none',
        visibility: 'after-close',
        grades: [
          { key: 'good', label: '好', points: '100' },
          { key: 'fair', label: '较好', points: '85' },
          { key: 'ok', label: '一般', points: '70' },
          { key: 'poor', label: '差', points: '50' },
        ],
        quotaRules: [
          { id: 'q1', label: '好 ≤ 40%', grades: ['good'], bound: 'max', numerator: 40, denominator: 100, rounding: 'exact', base: 'all' },
          { id: 'q2', label: '较好或以下 ≥ 25%', grades: ['fair', 'ok', 'poor'], bound: 'min', numerator: 25, denominator: 100, rounding: 'exact', base: 'all' },
        ],
      },
      {
        id: 'i-observe',
        kind: 'score',
        name: '观摩评',
        subjectIds: ['s-site1'],
        groupWeights: [{ groupId: 'g-force', weight: '1' }],
        aggregation: { method: 'mean' },
        missingGroup: 'zero',
        allowAbstain: false,
        opinion: 'optional',
        visibility: 'live',
        min: '0',
        max: '100',
        step: '0.5',
        criteria: null,
        adjustments: {
          items: [{ id: 'a1', label: '亮点', direction: 'bonus', maxPoints: '5' }],
          maxTotalBonus: '5',
          maxTotalDeduction: '5',
        },
      },
    ],
    rankings: [
      {
        id: 'r-county',
        name: '县级排名',
        level: 'county',
        scopeUnitId: 'u-jincheng',
        components: [
          { instrumentId: 'i-report', weight: '60' },
          { instrumentId: 'i-observe', weight: '40' },
        ],
        adjustmentInstrumentIds: [],
        missingComponent: 'zero',
        tieBreaks: [{ instrumentId: 'i-report' }],
        tiers: [
          { key: 'good', label: '好', numerator: 40, denominator: 100, rounding: 'exact' },
          { key: 'rest', label: '其他', numerator: 100, denominator: 100, rounding: 'exact' },
        ],
      },
    ],
    sessions: [
      {
        id: 'sess-1',
        name: '县委书记汇报会',
        instrumentIds: ['i-report'],
        agenda: null,
        expected: { 'g-office': 10, 'g-force': 3 },
        issued: { 'g-office': 5 },
        present: null,
        status: 'draft',
      },
    ],
  };
}

/** Issues `count` anonymous tokens of 专项行动办公室 in the small campaign's session: `tok-<n>`, hashes `th-<n>`, codes `ch-<n>`. */
export async function issueSmallCampaignTokens(database: Database, count: number): Promise<void> {
  await issueTokens(
    database.db,
    Array.from({ length: count }, (_, i) => ({ id: `tok-${i}`, campaignId: 'c-1', sessionId: 'sess-1', raterGroupId: 'g-office', tokenHash: `th-${i}`, codeHash: `ch-${i}`, boundUnitId: null, raterName: null })),
  );
}

/** Stores the small definition (units, campaign, parts, session with 5 paper sheets issued). */
export async function seedSmallCampaign(database: Database): Promise<CampaignDefinition> {
  const def = smallDefinition();
  const { db } = database;
  await insertUnits(db, jinchengUnits());
  await createCampaign(db, { id: def.id, name: def.name, rootUnitId: 'u-jincheng' }, NOW);
  await saveDefinitionParts(db, def.id, {
    subjects: def.subjects,
    raterGroups: def.raterGroups,
    instruments: def.instruments,
    rankings: def.rankings,
  });
  for (const s of def.sessions) {
    await createSession(db, {
      id: s.id,
      campaignId: def.id,
      name: s.name,
      instrumentIds: s.instrumentIds,
      expected: s.expected,
      paperIssued: s.issued,
      present: s.present,
    });
  }
  return def;
}

/**
 * A 汇报评 ballot on the seeded campaign; `variant` changes the content (and so the content hash). Stored packed
 * unless `packed` is false, so both ways the tally reads ratings are exercised.
 */
export function reportBallot(sheetId: string, variant = 0, packed = true): BallotRow {
  const ratings: Rating[] = [
    { subjectId: 's-u-c1', grade: variant === 0 ? 'good' : 'fair' },
    { subjectId: 's-u-c2', grade: 'fair' },
    { subjectId: 's-u-c3', abstain: true },
  ];
  const instrument = smallDefinition().instruments.find((i) => i.id === 'i-report')!;
  return {
    id: `b-${randomBytes(8).toString('hex')}`,
    campaignId: 'c-1',
    sessionId: 'sess-1',
    instrumentId: 'i-report',
    raterGroupId: 'g-office',
    raterName: null,
    boundUnitId: null,
    sheetId,
    channel: 'online',
    ratings,
    contentHash: `hash-${variant}`,
    receipt: `receipt-${sheetId}-${variant}`,
    enteredBy: null,
    packed: packed ? packRatings(instrument, ratings) : null,
  };
}
