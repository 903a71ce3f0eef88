
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ensureAdmin } from '../src/app/accounts/ensure-admin.js';
import { createAppContext } from '../src/app/context.js';
import { createBallotWriter } from '../src/app/kernel/ballot-writer.js';
import type { DbKind } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import { listCheckinRows, listParticipantRows, listVenueRows } from '../src/db/repositories/training.js';
import { formatLocalDateTime, localDateOf } from '../src/domain/training/local-time.js';
import type { Unit } from '../src/domain/types.js';
import { buildApp } from '../src/http/app.js';
import { benchEachDatabase, openDatabase, profiled, runLoadProcess } from './bench-kit.js';
import type { CheckinJob, CheckinLoadResult } from './checkin-load.js';
import type { LoadResult } from './room-load.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    trainees: { type: 'string', default: '2100' },
    connections: { type: 'string', default: '50' },
    'bare-seconds': { type: 'string', default: '5' },
    profile: { type: 'string' },
  },
});
const TRAINEES = Number(args.trainees);
const CONNECTIONS = Number(args.connections);
const BARE_SECONDS = Number(args['bare-seconds']);

const CITY: Unit = { id: 'u-jc', code: '140500', name: '晋城市', level: 'city', parentId: null };
const COUNTIES: Unit[] = ['城区', '泽州县', '高平市'].map((name, i) => ({ id: `u-c${i + 1}`, code: `14050${i + 1}`, name, level: 'county', parentId: 'u-jc' }));
const TOWNS: Unit[] = COUNTIES.flatMap((c, i) => Array.from({ length: 12 }, (_, k) => ({ id: `u-t${i + 1}-${k + 1}`, code: `14050${i + 1}1${String(k + 1).padStart(2, '0')}`, name: `${c.name}第${k + 1}镇`, level: 'township' as const, parentId: c.id })));

const r3 = (x: number) => Math.round(x * 1000) / 1000;

async function call<T = unknown>(app: FastifyInstance, bearer: string, method: 'POST' | 'GET', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await app.inject({ method, url, payload: payload as string, headers: { authorization: `Bearer ${bearer}`, ...headers } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as T;
}

async function benchDatabase(kind: DbKind, dir: string, pgUrl: string | null): Promise<Record<string, unknown>> {
  const database = await openDatabase(kind, dir, pgUrl, 'checkin');
  await migrateToLatest(database);
  // As the server runs it (src/server/start.ts): on a SQLite file, commits on the writer thread.
  const ctx = createAppContext(database, { ballotWriter: createBallotWriter(database) });
  const admin = (await ensureAdmin(ctx))!.accessToken;
  const app = await buildApp(ctx, { logger: false });
  const bareAnswer = { response: { 200: z.object({ ok: z.boolean() }) } };
  app.get('/bench/bare', { schema: bareAnswer, config: { access: 'public', serialize: 'as-built' } }, async () => ({ ok: true }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    await call(app, admin, 'POST', '/api/units', { units: [CITY, ...COUNTIES, ...TOWNS] });
    const now = Date.now();
    await call(app, admin, 'POST', '/api/training/classes', { id: 'tc-bench', name: '基层治理能力提升培训班', rootUnitId: CITY.id, startsOn: localDateOf(now - 86_400_000), endsOn: localDateOf(now + 86_400_000) });
    for (const c of COUNTIES) await call(app, admin, 'POST', '/api/training/classes/tc-bench/venues', { id: `v-${c.id}`, name: `${c.name}党校`, unitId: c.id });
    const start = Math.floor(now / 60_000) * 60_000;
    // Two lessons open now: the first time trainees identify, and the next lesson, when their phones know them.
    for (const [id, title] of [['l-forum', '书记论坛'], ['l-sync', '同步课堂']]) {
      await call(app, admin, 'POST', '/api/training/classes/tc-bench/lessons', {
        id, kind: 'synchronized', title, startsAt: formatLocalDateTime(start), endsAt: formatLocalDateTime(start + 3 * 3_600_000), venueIds: COUNTIES.map((c) => `v-${c.id}`), hours: '3',
      });
    }
    const csv = ['姓名,单位,职务', ...Array.from({ length: TRAINEES }, (_, i) => { const town = TOWNS[i % TOWNS.length]!; return `学员${String(i + 1).padStart(5, '0')},${town.name},党委委员`; })].join('\n');
    const imported = performance.now();
    const dry = await call<{ errors: unknown[] }>(app, admin, 'POST', '/api/training/classes/tc-bench/participants/import?dryRun=true', csv, { 'content-type': 'text/csv' });
    if (dry.errors.length > 0) throw new Error(`roster: ${JSON.stringify(dry.errors.slice(0, 3))}`);
    await call(app, admin, 'POST', '/api/training/classes/tc-bench/participants/import?dryRun=false', csv, { 'content-type': 'text/csv' });
    const importSeconds = (performance.now() - imported) / 1000;
    const people = await listParticipantRows(database.db, 'tc-bench');
    const venues = await listVenueRows(database.db, 'tc-bench');
    const venueIndex = new Map(venues.map((v, i) => [v.unit_id, i]));
    const townCounty = new Map(TOWNS.map((t) => [t.id, t.parentId]));
    const trainees = people.map((p) => ({ code: p.code, venue: venueIndex.get(townCounty.get(p.unit_id) ?? '') ?? 0 })).sort(() => Math.random() - 0.5);
    console.log(`\n== ${kind} ==  server ${address}; ${trainees.length} trainees at ${venues.length} venues; roster CSV dry run + import: ${importSeconds.toFixed(2)} s`);

    let bareCpuMs = 0;
    const bare = async () => {
      const elu = performance.eventLoopUtilization();
      const r = await runLoadProcess<LoadResult>(new URL('./room-load.ts', import.meta.url), { mode: 'bare', url: address, connections: CONNECTIONS, seconds: BARE_SECONDS, path: '/bench/bare' }, dir);
      bareCpuMs = performance.eventLoopUtilization(elu).active / Math.max(1, r.acknowledged);
      return r.acknowledged / r.seconds;
    };
    const bare1 = await bare();
    console.log(`bare route  -c ${CONNECTIONS}: ${Math.round(bare1)} req/s, ${(bareCpuMs * 1000).toFixed(1)} µs of the main thread each`);
    const burst = async (lessonId: string, mode: CheckinJob['mode'], who: CheckinJob['trainees']) => {
      const job: CheckinJob = { url: address, connections: CONNECTIONS, classId: 'tc-bench', lessonId, mode, venues: venues.map((v) => ({ id: v.id, secret: v.secret })), trainees: who };
      const elu = performance.eventLoopUtilization();
      const run = await profiled(args.profile, `${kind}-${mode}`, () => runLoadProcess<CheckinLoadResult>(new URL('./checkin-load.ts', import.meta.url), job, dir));
      const cpuUs = (performance.eventLoopUtilization(elu).active / Math.max(1, run.checkins)) * 1000;
      const stored = (await listCheckinRows(database.db, 'tc-bench', lessonId)).length;
      const rate = run.checkins / run.seconds;
      const scans = mode === 'first' ? `; scan p99 ${run.grant_p99_ms} ms, scans ${JSON.stringify(run.grantStatuses)}` : '';
      console.log(`${mode.padEnd(10)}  -c ${CONNECTIONS}: ${run.checkins} check-ins in ${run.seconds.toFixed(2)} s = ${Math.round(rate)}/s; p50 ${run.p50_ms} ms, p99 ${run.p99_ms} ms, max ${run.max_ms} ms${scans}`);
      console.log(`            statuses ${JSON.stringify(run.statuses)}, errors ${run.errors + run.timeouts}; stored ${stored}; ${cpuUs.toFixed(0)} µs of the main thread per check-in`);
      return { run, stored, rate, cpuUs, errors: who.length - run.checkins + run.errors + run.timeouts + (stored === run.checkins ? 0 : 1) };
    };
    // First lesson: every phone identifies (scan, then personal code: two requests each); this also warms the server.
    const first = await burst('l-forum', 'first', trainees);
    // The next lesson: each phone knows its trainee and checks in with one request — the common case.
    const returning = await burst('l-sync', 'returning', trainees.map((t, i) => ({ ...t, device: first.run.devices[i] ?? '' })));
    const bare2 = await bare();
    const bareRps = Math.max(bare1, bare2);
    console.log(`bare again  -c ${CONNECTIONS}: ${Math.round(bare2)} req/s; the baseline is the higher: ${Math.round(bareRps)} req/s`);
    return {
      bench: 'checkin',
      db: kind,
      checkins: returning.run.checkins,
      errors: returning.errors,
      stored: returning.stored,
      p50_ms: returning.run.p50_ms,
      p99_ms: returning.run.p99_ms,
      seconds: r3(returning.run.seconds),
      checkins_per_s: Math.round(returning.rate),
      bare_rps: Math.round(bareRps),
      ratio_to_bare: r3(returning.rate / bareRps),
      main_thread_us: Math.round(returning.cpuUs),
      bare_main_thread_us: r3(bareCpuMs * 1000),
      first_time: { checkins: first.run.checkins, errors: first.errors, stored: first.stored, p99_ms: first.run.p99_ms, scan_p99_ms: first.run.grant_p99_ms, seconds: r3(first.run.seconds), checkins_per_s: Math.round(first.rate), ratio_to_bare: r3(first.rate / bareRps) },
      import_seconds: r3(importSeconds),
      peak_mb: Math.round(process.memoryUsage().rss / 1048576),
    };
  } finally {
    await app.close();
    await ctx.ballotWriter.close();
    await database.close();
  }
}

async function main(): Promise<void> {
  const kinds = args.db.split(',').map((k) => k.trim()) as DbKind[];
  await benchEachDatabase(kinds, 'checkin', (kind, dir, pgUrl) => {
    return benchDatabase(kind, dir, pgUrl);
  });
}

await main();
