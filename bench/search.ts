
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { searchCases } from '../src/app/cases/search-cases.js';
import { createAppContext } from '../src/app/context.js';
import type { Actor } from '../src/app/policies/roles.js';
import type { DbKind } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import { insertCases, scanCasesBySubstring } from '../src/db/repositories/cases.js';
import { insertUnits } from '../src/db/repositories/units.js';
import { loadDivisionTree } from '../src/divisions/china-division.js';
import { loadVillages } from '../src/divisions/china-villages.js';
import { caseIndex, queryTerms } from '../src/domain/cases/grams.js';
import { caseText } from '../src/demo/case-text.js';
import { createRandom } from '../src/demo/random.js';
import { benchEachDatabase, openDatabase, profiled } from './bench-kit.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    cases: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '400' },
    profile: { type: 'string' },
  },
});
const CASES = Number(args.cases);
const QUERIES = Number(args.queries);

const OFFICE: Actor = { id: 'bench', name: 'bench', role: 'organiser', unitId: null };

/** The query mix, by kind; drawn round-robin so every kind is measured alike. */
const QUERY_KINDS: Record<string, string[]> = {
  twoChar: ['网格', '物业', '集体', '执法', '调解', '党建', '社区', '积分', '清化', '台账', '导师', '食堂', '信访', '光伏', '热线'],
  singleChar: ['网', '村', '党', '治', '镇', '格', '物', '蟒', '峪', '的', '债', '鑫'],
  phrase: ['红色物业', '接诉即办', '村股份经济合作社', '矛盾纠纷调处化解中心', '四议两公开', '捆绑式积分考核', '一支队伍管执法', '基层治理能力明显提升', '美丽庭院', '飞地抱团'],
  multiword: ['网格 积分', '物业 党支部', '集体经济 光伏', '执法 网格', '调解 老党员', '接诉即办 满意率', '党建 引领 治理', '村 镇 县'],
  rare: ['皇城村', '湘峪村', '蟒河镇', '太平仙社区', '晋庙铺镇', '马圪当乡'],
  none: ['量子计算', '区块链溯源', '深海养殖 网格', '航天'],
};

function queryMix(n: number): string[] {
  const kinds = Object.values(QUERY_KINDS);
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const list = kinds[i % kinds.length]!;
    out.push(list[Math.floor(i / kinds.length) % list.length]!);
  }
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function benchDatabase(kind: DbKind, dir: string, pgUrl: string | null): Promise<Record<string, unknown>> {
  const database = await openDatabase(kind, dir, pgUrl, 'search');
  await migrateToLatest(database);
  const ctx = createAppContext(database);
  try {
    const units = loadDivisionTree({ cityCode: '1405' });
    await insertUnits(database.db, units);
    const townships = units.filter((u) => u.level === 'township');
    const counties = new Map(units.map((u) => [u.id, u.name]));
    const villages = loadVillages('1405');
    const rng = createRandom(20221);
    const t0 = performance.now();
    let chars = 0;
    const at = '2022-06-10T01:00:00.000Z';
    for (let start = 0; start < CASES; start += 500) {
      const entries = [];
      for (let i = start; i < Math.min(CASES, start + 500); i++) {
        const township = townships[i % townships.length]!;
        const own = villages.filter((v) => v.townshipId === township.id);
        const village = own.length > 0 && rng.chance(0.7) ? rng.pick(own).name.replace(/(村民委员会|村委会)$/, '村').replace(/(居民委员会|居委会)$/, '') : null;
        // Mostly a few hundred characters, some a few thousand.
        const sections = rng.chance(0.25) ? rng.int(6, 16) : rng.int(1, 3);
        const text = caseText(rng, { county: counties.get(township.parentId ?? '') ?? '', township: township.name, village }, { sections });
        chars += text.body.length;
        const row = { id: `b-${String(i).padStart(5, '0')}`, unit_id: township.id, ...text, tags: JSON.stringify(text.tags), published: 1, created_at: at, updated_at: new Date(Date.parse(at) + i * 1000).toISOString() };
        entries.push({ row, index: caseIndex(text) });
      }
      await insertCases(database.db, entries);
      sampleRss();
    }
    // As autovacuum would soon after a bulk load: the planner knows the tables' sizes.
    if (kind === 'postgres') await sql`vacuum analyze`.execute(database.db);
    const loadSeconds = (performance.now() - t0) / 1000;
    console.log(`\n== ${kind} ==  ${CASES} cases (bodies ${Math.round(chars / CASES)} characters on average) stored and indexed in ${loadSeconds.toFixed(1)} s`);

    const queries = queryMix(QUERIES);
    // Warm both paths once (statement caches, pages in memory), as a running server would be.
    for (const q of new Set(queries)) {
      await searchCases(ctx, OFFICE, { q, page: 1, pageSize: 20 });
      await scanCasesBySubstring(database.db, queryTerms(q));
    }
    const times: number[] = [];
    const perQuery = new Map<string, number[]>();
    const totals = new Map<string, number>();
    await profiled(args.profile, `search-${kind}`, async () => {
      for (const q of queries) {
        const s = performance.now();
        const list = await searchCases(ctx, OFFICE, { q, page: 1, pageSize: 20 });
        const ms = performance.now() - s;
        times.push(ms);
        perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
        totals.set(q, list.total);
        sampleRss();
      }
    });
    const baseline: number[] = [];
    for (const q of queries) {
      const s = performance.now();
      const ids = await scanCasesBySubstring(database.db, queryTerms(q));
      baseline.push(performance.now() - s);
      if (ids.length !== totals.get(q)) throw new Error(`${kind}: "${q}" found ${totals.get(q)} cases, the substring scan ${ids.length}`);
      sampleRss();
    }
    const sorted = [...times].sort((a, b) => a - b);
    const base = [...baseline].sort((a, b) => a - b);
    const slowest = [...perQuery].map(([q, ms]) => [q, Math.max(...ms)] as const).sort((a, b) => b[1] - a[1]).slice(0, 6);
    console.log(`search   p50 ${r2(percentile(sorted, 50))} ms, p99 ${r2(percentile(sorted, 99))} ms, max ${r2(sorted[sorted.length - 1]!)} ms over ${queries.length} queries`);
    console.log(`baseline p50 ${r2(percentile(base, 50))} ms, p99 ${r2(percentile(base, 99))} ms (SQL LIKE over every field of every row)`);
    console.log(`slowest: ${slowest.map(([q, ms]) => `“${q}” ${r2(ms)} ms (${totals.get(q)} found)`).join('; ')}`);
    return {
      bench: 'search',
      db: kind,
      cases: CASES,
      queries: queries.length,
      p50_ms: r2(percentile(sorted, 50)),
      p99_ms: r2(percentile(sorted, 99)),
      baseline_p50_ms: r2(percentile(base, 50)),
      baseline_p99_ms: r2(percentile(base, 99)),
      peak_mb: Math.round(peakRss / 1048576),
    };
  } finally {
    await ctx.ballotWriter.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  const kinds = args.db.split(',').map((k) => k.trim()) as DbKind[];
  await benchEachDatabase(kinds, 'search', (kind, dir, pgUrl) => {
    peakRss = 0;
    return benchDatabase(kind, dir, pgUrl);
  });
}

await main();
