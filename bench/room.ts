/**
 * npm run bench:room — the article's synchronized session against the real server (buildApp + listen on 127.0.0.1),
 * on a SQLite file (synchronous=FULL) and on PostgreSQL (an embedded server with fsync on, or LEITAI_BENCH_PG_URL).
 * Per database:
 *  1. bare:   a trivial GET route on the same server, autocannon -c 50 — the baseline of this run (run again after each
 *             round of the sustained run); and a trivial POST
 *             route sent the same JSON bodies as a submission (HTTP and JSON parsing alone, a second baseline);
 *  2. room:   2,100 raters, each redeems its token (POST /api/ballot-form) and submits a valid sheet (汇报评 of 6
 *             counties with the article's quotas + 交流评 of 12 townships, 好 ≤ 10%); acknowledged vs stored counted
 *             from the database afterwards;
 *  3. sustained: POST /api/ballots at -c 50 for a bounded time, a fresh token per request, through group commit, in
 *             rounds (3 by default), each followed by the bare GET route again; a round's ratio is its accepted
 *             ballots per second over the higher of the bare GET runs before and after it, and `ratio_to_bare` is the
 *             median round's (the issue's measure; `ratio_rounds` each round's, `ratio_to_highest_bare` all rounds
 *             over the highest bare GET of the run; `sheets_ratio_to_bare` counts requests instead, two ballots each);
 *  4. naive:  the same with one transaction per sheet and the definition loaded per ballot (the path before).
 *  5. two servers (PostgreSQL): a second server (`leitai serve`, its own process) on the same database; the raters of
 *             a fresh session split over both, as behind a load balancer; drain time against the one-server room of
 *             the same run (`ratio_to_one_server`), p99, errors, acknowledged vs stored.
 * During each room run the office's results are read through HTTP one after another (on the second server in step 5):
 * `results_read` gives their p50/p99 — the page an office watches while the room votes.
 * On the embedded PostgreSQL the CPU time of its processes is read from /proc around the room and the sustained runs
 * (`database_cpu_ms_per_sheet`): on these 2 cores the database's work per sheet competes with the server's. The
 * whole machine's CPU per sheet and per bare GET (`machine_cpu_ms_per_sheet`, `bare_machine_cpu_ms_per_request`) and
 * how busy its cores were come from /proc/stat; the load generator's own share from its process.
 * Each database ends with a table of its room runs (one server; two servers on PostgreSQL), also `runs` in its JSON:
 * drain seconds, ballots/s and that over the bare GET route of the same run, p99, errors, stored = acknowledged, and
 * the results read's p50/p99.
 * Load comes from a separate process (bench/room-load.ts). Prints figures, then one JSON line.
 * Options: --db sqlite,postgres  --raters 2100  --room-connections 100  --connections 50  --seconds 12 (sustained, in all)
 *          --rounds 3 (of the sustained run)
 *          --bare-seconds 5  --naive-seconds 5 (0 skips)  --tokens N (fresh tokens for the sustained run)
 *          --profile DIR: a CPU profile of the server (this process) during the room and the sustained runs, written
 *          as DIR/<db>-<phase>.cpuprofile (open in Chrome DevTools or speedscope)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../scripts/embedded-postgres.js';
import type { FastifyInstance } from 'fastify';
import { BallotWriter, createBallotWriter } from '../src/app/kernel/ballot-writer.js';
import { z } from 'zod';
import { createAppContext, refreshCaches } from '../src/app/context.js';
import { ChangeRelay } from '../src/app/kernel/change-relay.js';
import { ensureAdmin } from '../src/app/accounts/ensure-admin.js';
import type { CampaignSetup } from '../src/contracts/api.js';
import type { Database, DbKind } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import { countBallots, countReturnedSheets } from '../src/db/repositories/ballots.js';
import type { Unit } from '../src/domain/types.js';
import { buildApp } from '../src/http/app.js';
import { machineCpuMeter, openDatabase, postgresCpuMeter, profiled, runLoadProcess } from './bench-kit.js';
import type { LoadJob, LoadResult } from './room-load.js';

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'sqlite,postgres' },
    raters: { type: 'string', default: '2100' },
    'room-connections': { type: 'string', default: '100' },
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '12' },
    rounds: { type: 'string', default: '3' },
    'bare-seconds': { type: 'string', default: '5' },
    'naive-seconds': { type: 'string', default: '5' },
    tokens: { type: 'string', default: '80000' },
    profile: { type: 'string' },
    'two-servers': { type: 'string', default: 'on' },
  },
});
const RATERS = Number(args.raters);
const SECONDS = Number(args.seconds);
const ROUNDS = Math.max(1, Math.floor(Number(args.rounds)));
const NAIVE_SECONDS = Number(args['naive-seconds']);
const CONNECTIONS = Number(args.connections);

// ---- the campaign: 晋城's 6 counties (汇报评) and 12 townships (交流评) ----

const CITY: Unit = { id: 'u-jc', code: '140500', name: '晋城市', level: 'city', parentId: null };
const COUNTIES: Unit[] = ['城区', '沁水县', '阳城县', '陵川县', '泽州县', '高平市'].map((name, i) => ({ id: `u-c${i + 1}`, code: `14050${i + 1}`, name, level: 'county', parentId: 'u-jc' }));
const TOWNSHIPS: Unit[] = COUNTIES.flatMap((c, i) => [1, 2].map((k) => ({ id: `u-t${i + 1}${k}`, code: `14050${i + 1}10${k}`, name: `${c.name}第${k}镇`, level: 'township' as const, parentId: c.id })));
const GROUPS = { 'g-office': 300, 'g-force': 600, 'g-inspect': 1200 } as const;
const GRADES = [
  { key: 'good', label: '好', points: '100' },
  { key: 'fair', label: '较好', points: '85' },
  { key: 'avg', label: '一般', points: '70' },
  { key: 'poor', label: '差', points: '50' },
];
/**
 * The set-up of one campaign. Ids of subjects, groups, instruments and rankings are unique across campaigns, so each
 * campaign's carry its prefix `p`.
 */
function setup(p: string, id: string) {
  const groupWeights = Object.keys(GROUPS).map((groupId) => ({ groupId: p + groupId, weight: '1' }));
  const grade = (iid: string, name: string, subjects: Unit[], quotaRules: NonNullable<Extract<CampaignSetup['instruments'][number], { kind: 'grade' }>['quotaRules']>) => ({
    id: p + iid, name, kind: 'grade' as const, subjectIds: subjects.map((u) => `${p}s-${u.id}`), groupWeights,
    aggregation: { method: 'mean' as const }, missingGroup: 'renormalize' as const, allowAbstain: true, opinion: 'none' as const, visibility: 'live' as const, grades: GRADES, quotaRules,
  });
  const ranking = (rid: string, name: string, level: 'county' | 'township', instrumentId: string) => ({
    id: p + rid, name, level, scopeUnitId: 'u-jc', components: [{ instrumentId: p + instrumentId, weight: '100' }], adjustmentInstrumentIds: [], missingComponent: 'zero' as const, tieBreaks: [],
    tiers: [{ key: 'good', label: '好', numerator: 40, denominator: 100, rounding: 'exact' as const }, { key: 'rest', label: '其他', numerator: 100, denominator: 100, rounding: 'exact' as const }],
  });
  return {
    id, name: '亮晒评 擂台测评', rootUnitId: 'u-jc', precision: 2, tieJudgement: 'exact',
    subjects: [...COUNTIES, ...TOWNSHIPS].map((u) => ({ id: `${p}s-${u.id}`, kind: 'unit', unitId: u.id, name: u.name })),
    raterGroups: [{ id: `${p}g-office`, name: '专项行动办公室', mode: 'anonymous' }, { id: `${p}g-force`, name: '工作专班', mode: 'anonymous' }, { id: `${p}g-inspect`, name: '督导组', mode: 'anonymous' }],
    instruments: [
      grade('i-report', '汇报评', COUNTIES, [
        { id: `${p}q-good`, label: '好 ≤ 40%', grades: ['good'], bound: 'max', numerator: 40, denominator: 100, rounding: 'exact', base: 'all' },
        { id: `${p}q-low`, label: '较好或以下 ≥ 25%', grades: ['fair', 'avg', 'poor'], bound: 'min', numerator: 25, denominator: 100, rounding: 'exact', base: 'all' },
      ]),
      grade('i-exchange', '交流评', TOWNSHIPS, [{ id: `${p}q-town`, label: '好 ≤ 10%', grades: ['good'], bound: 'max', numerator: 10, denominator: 100, rounding: 'exact', base: 'all' }]),
    ],
    rankings: [ranking('r-county', '县级排名', 'county', 'i-report'), ranking('r-town', '乡镇排名', 'township', 'i-exchange')],
  } satisfies CampaignSetup;
}

/** Ballots on each sheet of this benchmark: 汇报评 and 交流评. */
const BALLOTS_PER_SHEET = 2;

/** A valid sheet: at most 2 of 6 counties 好 (and so ≥ 2 below), at most 1 of 12 townships 好. */
function sheetBody(p: string, token: string): string {
  const pick = (subjects: Unit[], maxGood: number) => {
    const good = Math.floor(Math.random() * (maxGood + 1));
    return subjects.map((u, i) => ({ subjectId: `${p}s-${u.id}`, grade: i < good ? 'good' : GRADES[1 + Math.floor(Math.random() * 3)]!.key }));
  };
  return JSON.stringify({ token, ballots: [{ instrumentId: `${p}i-report`, ratings: pick(COUNTIES, 2) }, { instrumentId: `${p}i-exchange`, ratings: pick(TOWNSHIPS, 1) }] });
}

// ---- plumbing ----

/**
 * The server's CPU over one phase, independent of how busy the machine is: the main thread's active time (event
 * loop utilisation) and the whole process's CPU (main and writer threads; the load runs in a child process).
 * `start()` is called by load() when the job file is written, just before the load process starts.
 */
function serverCpu() {
  let elu = performance.eventLoopUtilization();
  let usage = process.cpuUsage();
  return {
    start(): void {
      elu = performance.eventLoopUtilization();
      usage = process.cpuUsage();
    },
    done(): { mainMs: number; processMs: number } {
      const d = performance.eventLoopUtilization(elu);
      const u = process.cpuUsage(usage);
      return { mainMs: d.active, processMs: (u.user + u.system) / 1000 };
    },
  };
}

function load(job: LoadJob, dir: string, onStart?: () => void): Promise<LoadResult> {
  return runLoadProcess<LoadResult>(new URL('./room-load.ts', import.meta.url), job, dir, onStart);
}

async function call<T = unknown>(app: FastifyInstance, bearer: string, method: 'POST', url: string, payload?: unknown): Promise<T> {
  const res = await app.inject({ method, url, payload: payload as object, headers: { authorization: `Bearer ${bearer}` } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 500)}`);
  return res.json() as T;
}

async function issue(app: FastifyInstance, bearer: string, sessionId: string, raterGroupId: string, count: number): Promise<string[]> {
  const out: string[] = [];
  for (let left = count; left > 0; left -= 5000) {
    const issued = await call<{ token: string }[]>(app, bearer, 'POST', `/api/sessions/${sessionId}/tokens`, { raterGroupId, count: Math.min(5000, left) });
    out.push(...issued.map((t) => t.token));
  }
  return out;
}

async function storedSheets(database: Database, session: { id: string; campaignId: string }): Promise<{ sheets: number; ballots: number }> {
  const perGroup = await countReturnedSheets(database.db, session.id);
  return { sheets: Object.values(perGroup).reduce((a, b) => a + b, 0), ballots: await countBallots(database.db, { campaignId: session.campaignId, sessionId: session.id }) };
}

/** A campaign of its own per phase: the old path's cost grows with the tokens of the campaign, so phases must not share. */
async function campaignWithSession(app: FastifyInstance, bearer: string, p: string, name: string, expected: Record<string, number>): Promise<{ id: string; campaignId: string; p: string }> {
  const id = `bench-${p.slice(0, -1)}`;
  await call(app, bearer, 'POST', '/api/campaigns', setup(p, id));
  const prefixed = Object.fromEntries(Object.entries(expected).map(([g, n]) => [p + g, n]));
  const session = await call<{ id: string }>(app, bearer, 'POST', `/api/campaigns/${id}/sessions`, { name, instrumentIds: [`${p}i-report`, `${p}i-exchange`], expected: prefixed });
  await call(app, bearer, 'POST', `/api/sessions/${session.id}/open`);
  return { id: session.id, campaignId: id, p };
}

const shuffle = <T>(xs: T[]): T[] => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const r3 = (x: number) => Math.round(x * 1000) / 1000;

// ---- one database ----

/**
 * Reads the campaign's results one request after another while `work` runs: the office's page during the burst, in a
 * process of its own (bench/results-reader.ts).
 */
async function readingResults<T>(url: string, campaignId: string, bearer: string, work: () => Promise<T>): Promise<[T, { reads: number; failed: number; p50_ms: number; p99_ms: number; max_ms: number }]> {
  const reader = spawn(process.execPath, ['--import', 'tsx', new URL('./results-reader.ts', import.meta.url).pathname, url, campaignId], {
    env: { ...process.env, LEITAI_BENCH_BEARER: bearer },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  let ready: () => void = () => undefined;
  const isReady = new Promise<void>((resolve) => (ready = resolve));
  reader.stdout.on('data', (d: Buffer) => {
    out += d;
    if (out.startsWith('ready\n')) ready();
  });
  const finished = new Promise<{ latencies: number[]; failed: number }>((resolve, reject) => {
    reader.on('error', reject);
    reader.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`the results reader exited with ${code}`))));
  });
  // The first read (the campaign counted from scratch) before the raters start, as an office opens its page first.
  await Promise.race([isReady, finished]);
  try {
    const result = await work();
    reader.stdin.end('stop\n');
    const { latencies, failed } = await finished;
    return [result, summarise(latencies, failed)];
  } finally {
    if (reader.exitCode === null) reader.kill();
  }
}

function summarise(latencies: number[], failed: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => r1(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0);
  return { reads: sorted.length, failed, p50_ms: at(50), p99_ms: at(99), max_ms: r1(sorted.at(-1) ?? 0) };
}

/**
 * One run as the issue measures it (§ 2): how long the raters took to drain, ballots per second and that over the bare
 * GET route of the same run, the submissions' p99, errors, whether every acknowledged sheet is stored, and the results
 * read all through it.
 */
interface RunSummary {
  run: string;
  /** Sheets sent: one per rater in a room; as many as the sustained run got through. */
  sheets: number;
  /** Null for the sustained run, which stops at its deadline. */
  drain_s: number | null;
  ballots_per_s: number;
  ratio_to_bare_get: number;
  p99_ms: number;
  errors: number;
  acknowledged: number;
  stored: number;
  /**
   * Every acknowledged sheet stored and nothing else. The sustained run stops at a deadline with requests in flight,
   * which may be stored unanswered: there, stored − acknowledged must lie in [0, connections] per round.
   */
  stored_equals_acknowledged: boolean;
  results_read_p50_ms: number | null;
  results_read_p99_ms: number | null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function summaryOf(run: string, sheets: number, seconds: number, drained: boolean, p99: number, errors: number, acknowledged: number, stored: number, reads: { p50_ms: number; p99_ms: number } | null, bareRps: number, inFlightMax = CONNECTIONS): RunSummary {
  const ballotsPerS = (acknowledged * BALLOTS_PER_SHEET) / seconds;
  const inFlight = stored - acknowledged;
  return {
    run, sheets, drain_s: drained ? r3(seconds) : null, ballots_per_s: Math.round(ballotsPerS), ratio_to_bare_get: r3(ballotsPerS / bareRps), p99_ms: r1(p99), errors,
    acknowledged, stored, stored_equals_acknowledged: drained ? inFlight === 0 : inFlight >= 0 && inFlight <= inFlightMax,
    results_read_p50_ms: reads?.p50_ms ?? null, results_read_p99_ms: reads?.p99_ms ?? null,
  };
}

function printSummaries(rows: RunSummary[], bare: string): void {
  console.log(`\nper run (${bare}; a sheet holds ${BALLOTS_PER_SHEET} ballots; a room's drain includes its raters' redemptions)`);
  console.log(`${'run'.padEnd(28)}${'sheets'.padStart(8)}${'drain s'.padStart(9)}${'ballots/s'.padStart(11)}${'× bare GET'.padStart(12)}${'p99 ms'.padStart(9)}${'errors'.padStart(8)}  stored = ack   results read p50 / p99 ms`);
  for (const r of rows) {
    const stored = r.stored_equals_acknowledged ? (r.drain_s === null ? `yes (+${r.stored - r.acknowledged})` : 'yes') : `NO (${r.stored}/${r.acknowledged})`;
    const reads = r.results_read_p99_ms === null ? '—' : `${r.results_read_p50_ms} / ${r.results_read_p99_ms}`;
    console.log(`${r.run.padEnd(28)}${String(r.sheets).padStart(8)}${(r.drain_s?.toFixed(2) ?? '—').padStart(9)}${String(r.ballots_per_s).padStart(11)}${r.ratio_to_bare_get.toFixed(3).padStart(12)}${r.p99_ms.toFixed(1).padStart(9)}${String(r.errors).padStart(8)}  ${stored.padEnd(13)} ${reads}`);
  }
}

/** `leitai serve` in a process of its own on the database at `url`: the second server. */
async function secondServer(url: string): Promise<{ address: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [new URL('../bin/leitai.js', import.meta.url).pathname, 'serve'], {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', LEITAI_DEMO: 'off', LOG_LEVEL: 'warn', LEITAI_DATA_DIR: mkdtempSync(join(tmpdir(), 'leitai-second-')) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the second server exited (${code})`)));
  });
  return {
    address: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

async function benchDatabase(kind: DbKind, dir: string, pgUrl: string | null, pgDataDir: string | null) {
  const database = await openDatabase(kind, dir, pgUrl);
  const pgCpu = postgresCpuMeter(pgDataDir);
  const machine = machineCpuMeter();
  /** The machine's busy and all ms since `from`. */
  const machineSince = (from: { busyMs: number; allMs: number } | undefined) => {
    const now = machine?.read();
    return now && from ? { busyMs: now.busyMs - from.busyMs, allMs: now.allMs - from.allMs } : null;
  };
  await migrateToLatest(database);
  // As the server runs it (src/server/start.ts): group commit, on SQLite on its own thread.
  const ctx = createAppContext(database, { ballotWriter: createBallotWriter(database) });
  // On PostgreSQL, as a server of several: its ballots announced to the others (and theirs heard).
  const relay = database.url
    ? new ChangeRelay({ db: database.db, listenUrl: database.url, ballotFeed: ctx.ballotFeed, checkinFeed: ctx.checkinFeed, refreshAll: () => refreshCaches(ctx), log: { warn: (o, m) => console.error(m, o) } })
    : null;
  await relay?.start();
  const groupWriter = ctx.ballotWriter;
  const admin = (await ensureAdmin(ctx))!.accessToken;
  // One NAT address for the whole room: the per-address redemption limit would refuse a benchmark from 127.0.0.1.
  const app = await buildApp(ctx, { logger: false, redeemLimitPerMinute: 100_000_000 });
  // Answered with JSON.stringify alone ('as-built'), as a bare Fastify route without a serializer would be.
  const bareAnswer = { response: { 200: z.object({ ok: z.boolean() }), 201: z.object({ ok: z.boolean() }) } };
  app.get('/bench/bare', { schema: bareAnswer, config: { access: 'public', serialize: 'as-built' } }, async () => ({ ok: true }));
  // The same request as a submission (POST, the same JSON bodies, parsed by the same parser) answered without any
  // work: what HTTP and JSON alone cost, so the second ratio says how much of a sheet's cost is Leitai's own.
  app.post('/bench/bare-post', { schema: bareAnswer, config: { access: 'public', serialize: 'as-built' } }, async (_request, reply) => reply.code(201).send({ ok: true }));
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  const hasForm = app.hasRoute({ method: 'POST', url: '/api/ballot-form' });
  try {
    await call(app, admin, 'POST', '/api/units', { units: [CITY, ...COUNTIES, ...TOWNSHIPS] });
    const room = await campaignWithSession(app, admin, 'room-', '县委书记汇报暨乡镇书记交流测评会', GROUPS);
    const scale = RATERS / 2100;
    const roomTokens: string[] = [];
    for (const [group, n] of Object.entries(GROUPS)) roomTokens.push(...(await issue(app, admin, room.id, room.p + group, Math.round(n * scale))));
    shuffle(roomTokens);
    const sustain = await campaignWithSession(app, admin, 'sustain-', '持续压力', { 'g-inspect': 1_000_000 });
    const sustainTokens = await issue(app, admin, sustain.id, `${sustain.p}g-inspect`, Number(args.tokens));
    const naive0 = NAIVE_SECONDS > 0 ? await campaignWithSession(app, admin, 'naive-', '逐票提交', { 'g-inspect': 1_000_000 }) : null;
    const naiveTokens = naive0 ? await issue(app, admin, naive0.id, `${naive0.p}g-inspect`, Math.max(2000, Math.round(NAIVE_SECONDS * 1500))) : [];
    console.log(`\n== ${kind} ==  server ${address}; ${roomTokens.length} room tokens, ${sustainTokens.length} + ${naiveTokens.length} sustained tokens; ballot form route: ${hasForm ? 'yes' : 'no (redeem step skipped)'}`);

    const bareCpuMeter = serverCpu();
    let bareMachine0: { busyMs: number; allMs: number } | undefined;
    const bare = await load({ mode: 'bare', url: address, connections: CONNECTIONS, seconds: Number(args['bare-seconds']), path: '/bench/bare' }, dir, () => {
      bareCpuMeter.start();
      bareMachine0 = machine?.read();
    });
    const bareCpu = bareCpuMeter.done();
    const bareMachine = machineSince(bareMachine0);
    const bareFirstRps = bare.acknowledged / bare.seconds;
    console.log(`bare route       -c ${CONNECTIONS} ${bare.seconds.toFixed(1)} s: ${Math.round(bareFirstRps)} req/s, p50 ${bare.p50_ms} ms, p99 ${bare.p99_ms} ms, errors ${bare.errors + bare.timeouts}`);
    const barePostBodies = Array.from({ length: 1000 }, () => sheetBody('bare-', randomBytes(16).toString('base64url')));
    const barePost = await load({ mode: 'bare-post', url: address, connections: CONNECTIONS, seconds: Number(args['bare-seconds']), path: '/bench/bare-post', bodies: barePostBodies }, dir);
    const barePostRps = barePost.acknowledged / barePost.seconds;
    console.log(`bare POST        -c ${CONNECTIONS} ${barePost.seconds.toFixed(1)} s: ${Math.round(barePostRps)} req/s with a sheet's body, p50 ${barePost.p50_ms} ms, p99 ${barePost.p99_ms} ms, errors ${barePost.errors + barePost.timeouts}`);

    let roomPgCpu0 = 0;
    const [roomRun, roomReads] = await readingResults(address, room.campaignId, admin, () =>
      profiled(args.profile, `${kind}-room`, (begin) => load({ mode: 'room', url: address, connections: Math.min(Number(args['room-connections']), roomTokens.length), bodies: roomTokens.map((t) => sheetBody(room.p, t)), formBodies: hasForm ? roomTokens.map((token) => JSON.stringify({ token })) : null }, dir, () => {
        begin();
        roomPgCpu0 = pgCpu?.read() ?? 0;
      })),
    );
    const roomPgMsPerSheet = pgCpu ? r3((pgCpu.read() - roomPgCpu0) / roomTokens.length) : null;
    const roomStored = await storedSheets(database, room);
    const roomErrors = roomRun.errors + roomRun.timeouts + (roomRun.requests - roomRun.acknowledged) + (roomRun.form ? roomRun.form.requests - roomRun.form.ok : 0);
    console.log(`room             ${roomTokens.length} raters, -c ${args['room-connections']}: done in ${roomRun.seconds.toFixed(2)} s, ${Math.round(roomRun.acknowledged / roomRun.seconds)} sheets/s; submit p50 ${roomRun.p50_ms} ms, p99 ${roomRun.p99_ms} ms, max ${roomRun.max_ms} ms`);
    if (roomRun.form) console.log(`                 redeem (ballot form): ${roomRun.form.ok}/${roomRun.form.requests} ok, p50 ${roomRun.form.p50_ms} ms, p99 ${roomRun.form.p99_ms} ms`);
    console.log(`                 acknowledged ${roomRun.acknowledged} sheets, stored ${roomStored.sheets} sheets (${roomStored.ballots} ballots); statuses ${JSON.stringify(roomRun.statuses)}, errors ${roomErrors}`);
    console.log(`                 results read during the burst: ${roomReads.reads} reads, p50 ${roomReads.p50_ms} ms, p99 ${roomReads.p99_ms} ms, max ${roomReads.max_ms} ms, failed ${roomReads.failed}`);
    if (roomPgMsPerSheet !== null) console.log(`                 PostgreSQL's CPU per rater (redemption, sheet, the results read): ${roomPgMsPerSheet} ms`);

    const writer = groupWriter;
    const before = writer.stats!;
    const stored0 = await storedSheets(database, sustain);
    const sustainBodies = sustainTokens.map((t) => sheetBody(sustain.p, t));
    // Rounds of the sustained load, each followed by the bare route again: this machine's speed drifts by ±30% within
    // minutes, so one pair of runs says little. A round's ratio is its ballots/s over the higher of the two bare runs
    // around it (the stricter: a moment of background work cannot flatter it); the run's ratio is the median round's.
    const cpu = serverCpu();
    const sustainedCpu = { mainMs: 0, processMs: 0 };
    let sustainedPgMs: number | null = pgCpu ? 0 : null;
    const sustainedMachine = { busyMs: 0, allMs: 0 };
    let sustainedLoadMs = 0;
    const rounds: { result: LoadResult; bareAfterRps: number; ratio: number }[] = [];
    let bareBeforeRps = bareFirstRps;
    let offset = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const bodies = sustainBodies.slice(offset, offset + Math.floor((sustainBodies.length - offset) / (ROUNDS - r)));
      let pgCpu0 = 0;
      let machine0: { busyMs: number; allMs: number } | undefined;
      const result = await profiled(r === 0 ? args.profile : undefined, `${kind}-sustained`, (begin) => load({ mode: 'submit', url: address, connections: CONNECTIONS, seconds: SECONDS / ROUNDS, bodies }, dir, () => {
        begin();
        cpu.start();
        pgCpu0 = pgCpu?.read() ?? 0;
        machine0 = machine?.read();
      }));
      const used = cpu.done();
      const roundMachine = machineSince(machine0);
      if (roundMachine) {
        sustainedMachine.busyMs += roundMachine.busyMs;
        sustainedMachine.allMs += roundMachine.allMs;
      }
      sustainedLoadMs += result.cpu_ms;
      sustainedCpu.mainMs += used.mainMs;
      sustainedCpu.processMs += used.processMs;
      if (pgCpu && sustainedPgMs !== null) sustainedPgMs += pgCpu.read() - pgCpu0;
      await writer.idle();
      // Past the tokens of requests still in flight at the deadline (at most one per connection): stored unanswered,
      // they would come back as re-sends.
      offset += result.requests + CONNECTIONS;
      const bareAfter = await load({ mode: 'bare', url: address, connections: CONNECTIONS, seconds: Number(args['bare-seconds']), path: '/bench/bare' }, dir);
      const bareAfterRps = bareAfter.acknowledged / bareAfter.seconds;
      const ballotsPerS = (result.acknowledged * BALLOTS_PER_SHEET) / result.seconds;
      const ratio = ballotsPerS / Math.max(bareBeforeRps, bareAfterRps);
      rounds.push({ result, bareAfterRps, ratio });
      console.log(`sustained ${r + 1}/${ROUNDS}    -c ${CONNECTIONS} ${result.seconds.toFixed(1)} s: ${Math.round(ballotsPerS)} ballots/s, p50 ${result.p50_ms} ms, p99 ${result.p99_ms} ms; bare route after it ${Math.round(bareAfterRps)} req/s: ${r3(ratio)} of the higher bare GET around it`);
      if (result.requests >= bodies.length) console.log(`                 (round ${r + 1} ran out of fresh tokens: raise --tokens)`);
      bareBeforeRps = bareAfterRps;
    }
    const stored1 = await storedSheets(database, sustain);
    const after = writer.stats!;
    const bareRps = Math.max(bareFirstRps, ...rounds.map((x) => x.bareAfterRps));
    const sustained = {
      requests: rounds.reduce((a, x) => a + x.result.requests, 0),
      acknowledged: rounds.reduce((a, x) => a + x.result.acknowledged, 0),
      seconds: rounds.reduce((a, x) => a + x.result.seconds, 0),
      errors: rounds.reduce((a, x) => a + x.result.errors, 0),
      timeouts: rounds.reduce((a, x) => a + x.result.timeouts, 0),
      p50_ms: median(rounds.map((x) => x.result.p50_ms)),
      p99_ms: Math.max(...rounds.map((x) => x.result.p99_ms)),
      statuses: rounds.reduce<Record<string, number>>((a, x) => {
        for (const [k, n] of Object.entries(x.result.statuses)) a[k] = (a[k] ?? 0) + n;
        return a;
      }, {}),
    };
    const roundRatios = rounds.map((x) => r3(x.ratio));
    const medianRatio = median(rounds.map((x) => x.ratio));
    console.log(`bare route       ${[bareFirstRps, ...rounds.map((x) => x.bareAfterRps)].map(Math.round).join(', ')} req/s over the sustained rounds; the highest: ${Math.round(bareRps)} req/s`);
    const rate = sustained.acknowledged / sustained.seconds;
    const batches = after.flushes - before.flushes;
    const ballotRate = (sustained.acknowledged * BALLOTS_PER_SHEET) / sustained.seconds;
    console.log(`sustained        -c ${CONNECTIONS} ${sustained.seconds.toFixed(1)} s in ${ROUNDS} rounds, group commit: ${Math.round(ballotRate)} ballots/s; median round ${r3(medianRatio)} of bare GET (rounds ${roundRatios.join(', ')}; all rounds over the highest bare GET ${r3(ballotRate / bareRps)}), ${r3(ballotRate / barePostRps)} of bare POST; p50 ${sustained.p50_ms} ms, p99 ${sustained.p99_ms} ms`);
    console.log(`                 ${Math.round(rate)} sheets/s (requests, ${BALLOTS_PER_SHEET} ballots each) = ${r3(medianRatio / BALLOTS_PER_SHEET)} of bare GET (median round), ${r3(rate / barePostRps)} of bare POST`);
    console.log(`                 acknowledged ${sustained.acknowledged}, stored ${stored1.sheets - stored0.sheets} (the difference: requests in flight when a round stopped at its deadline, ≤ ${CONNECTIONS} a round); ${batches} commits, ${r1((after.items - before.items) / Math.max(1, batches))} sheets per commit on average; statuses ${JSON.stringify(sustained.statuses)}`);
    const perSheet = (ms: number) => r3(ms / Math.max(1, sustained.acknowledged));
    const perBare = (ms: number) => r3(ms / Math.max(1, bare.acknowledged));
    console.log(`                 server CPU per accepted sheet: ${perSheet(sustainedCpu.mainMs)} ms on the main thread, ${perSheet(sustainedCpu.processMs)} ms in all (writer thread included); bare route: ${perBare(bareCpu.mainMs)} ms per request on the main thread`);
    if (sustainedPgMs !== null) console.log(`                 PostgreSQL's CPU per accepted sheet (all its processes): ${perSheet(sustainedPgMs)} ms`);
    const share = (m: { busyMs: number; allMs: number } | null) => (m && m.allMs > 0 ? r3(m.busyMs / m.allMs) : null);
    const machineFigures = {
      machine_cpu_ms_per_sheet: bareMachine ? perSheet(sustainedMachine.busyMs) : null,
      machine_busy_share: bareMachine ? share(sustainedMachine) : null,
      bare_machine_cpu_ms_per_request: bareMachine ? perBare(bareMachine.busyMs) : null,
      bare_machine_busy_share: share(bareMachine),
      load_cpu_ms_per_sheet: perSheet(sustainedLoadMs),
      bare_load_cpu_ms_per_request: perBare(bare.cpu_ms),
    };
    // Everything a sheet costs this machine, against everything a bare GET costs it: on 2 shared cores the ratio of
    // the two bounds the sustained ratio, whoever spends it.
    if (bareMachine) console.log(`                 the whole machine (/proc/stat: server, database, load generator, kernel): ${machineFigures.machine_cpu_ms_per_sheet} ms of CPU per accepted sheet, cores ${Math.round(100 * (machineFigures.machine_busy_share ?? 0))}% busy; the bare GET ${machineFigures.bare_machine_cpu_ms_per_request} ms per request, ${Math.round(100 * (machineFigures.bare_machine_busy_share ?? 0))}% busy`);
    console.log(`                 the load generator's own CPU: ${machineFigures.load_cpu_ms_per_sheet} ms per sheet, ${machineFigures.bare_load_cpu_ms_per_request} ms per bare GET`);

    let naive: { sheets_per_s: number; ratio_to_bare: number; p50_ms: number; p99_ms: number; acknowledged: number; stored: number } | null = null;
    if (naive0) {
      // The path before group commit: a transaction per sheet, the whole definition loaded per ballot. A second
      // server on the same database, built on a context wired that way.
      const naiveCtx = createAppContext(database, { ballotWriter: new BallotWriter(database.db, { groupCommit: false }), definitions: { enabled: false } });
      const naiveApp = await buildApp(naiveCtx, { logger: false, redeemLimitPerMinute: 100_000_000 });
      const naiveAddress = await naiveApp.listen({ host: '127.0.0.1', port: 0 });
      const s0 = await storedSheets(database, naive0);
      const run = await load({ mode: 'submit', url: naiveAddress, connections: CONNECTIONS, seconds: NAIVE_SECONDS, bodies: naiveTokens.map((t) => sheetBody(naive0.p, t)) }, dir).finally(() => naiveApp.close());
      const s1 = await storedSheets(database, naive0);
      const naiveRate = run.acknowledged / run.seconds;
      naive = { sheets_per_s: Math.round(naiveRate), ratio_to_bare: r3((naiveRate * BALLOTS_PER_SHEET) / bareRps), p50_ms: run.p50_ms, p99_ms: run.p99_ms, acknowledged: run.acknowledged, stored: s1.sheets - s0.sheets };
      console.log(`naive            -c ${CONNECTIONS} ${run.seconds.toFixed(1)} s, a commit per sheet: ${naive.sheets_per_s} sheets/s, ballots/s = ${naive.ratio_to_bare} of bare GET; p50 ${run.p50_ms} ms, p99 ${run.p99_ms} ms; acknowledged ${run.acknowledged}, stored ${naive.stored}`);
    }

    let twoServers: Record<string, unknown> | null = null;
    let twoSummary: ((bare: number) => RunSummary) | null = null;
    if (database.url && args['two-servers'] !== 'off') {
      // Two servers behind a load balancer: this one and a second process on the same database, raters split over both.
      const two = await campaignWithSession(app, admin, 'two-', '两台服务器', GROUPS);
      const twoTokens: string[] = [];
      for (const [group, n] of Object.entries(GROUPS)) twoTokens.push(...(await issue(app, admin, two.id, two.p + group, Math.round(n * scale))));
      shuffle(twoTokens);
      const second = await secondServer(database.url);
      try {
        const halves = [twoTokens.filter((_, i) => i % 2 === 0), twoTokens.filter((_, i) => i % 2 === 1)];
        const connections = Math.max(1, Math.round(Math.min(Number(args['room-connections']), twoTokens.length) / 2));
        const started = performance.now();
        const twoPgCpu0 = pgCpu?.read() ?? 0;
        const [runs, reads] = await readingResults(second.address, two.campaignId, admin, () =>
          Promise.all([address, second.address].map((url, k) =>
            load({ mode: 'room', url, connections, bodies: halves[k]!.map((t) => sheetBody(two.p, t)), formBodies: hasForm ? halves[k]!.map((token) => JSON.stringify({ token })) : null }, dir),
          )),
        );
        // Each load process times itself from its own start; the drain is the slower of the two.
        const seconds = Math.max(...runs.map((r) => r.seconds));
        const wall = (performance.now() - started) / 1000;
        const twoPgMsPerRater = pgCpu ? r3((pgCpu.read() - twoPgCpu0) / twoTokens.length) : null;
        const stored = await storedSheets(database, two);
        const acknowledged = runs.reduce((a, r) => a + r.acknowledged, 0);
        const errors = runs.reduce((a, r) => a + r.errors + r.timeouts + (r.requests - r.acknowledged) + (r.form ? r.form.requests - r.form.ok : 0), 0);
        const p99 = Math.max(...runs.map((r) => r.p99_ms));
        twoSummary = (bare) => summaryOf(`two servers (${kind})`, twoTokens.length, seconds, true, p99, errors, acknowledged, stored.sheets, reads, bare);
        twoServers = {
          raters: twoTokens.length,
          room_seconds: r3(seconds),
          ratio_to_one_server: r3(seconds / roomRun.seconds),
          p99_ms: p99,
          acknowledged,
          stored: stored.sheets,
          errors,
          results_read: reads,
          database_cpu_ms_per_rater: twoPgMsPerRater,
        };
        console.log(`two servers      ${twoTokens.length} raters split over 2 servers: done in ${seconds.toFixed(2)} s (${r3(seconds / roomRun.seconds)} × one server; wall ${wall.toFixed(2)} s), p99 ${p99} ms; acknowledged ${acknowledged}, stored ${stored.sheets}, errors ${errors}`);
        console.log(`                 results read on the second server during the burst: ${reads.reads} reads, p50 ${reads.p50_ms} ms, p99 ${reads.p99_ms} ms, failed ${reads.failed}`);
        if (twoPgMsPerRater !== null) console.log(`                 PostgreSQL's CPU per rater (both servers' redemptions, sheets, announcements and catch-ups; the results read): ${twoPgMsPerRater} ms`);
      } finally {
        await second.stop();
      }
    }

    const roomSummary = summaryOf(`one server (${kind})`, roomTokens.length, roomRun.seconds, true, roomRun.p99_ms, roomErrors, roomRun.acknowledged, roomStored.sheets, roomReads, bareRps);
    const sustainedErrors = sustained.errors + sustained.timeouts + (sustained.requests - sustained.acknowledged);
    const sustainedSummary = summaryOf(`sustained -c ${CONNECTIONS} (${kind})`, sustained.requests, sustained.seconds, false, sustained.p99_ms, sustainedErrors, sustained.acknowledged, stored1.sheets - stored0.sheets, null, bareRps, CONNECTIONS * ROUNDS);
    sustainedSummary.ratio_to_bare_get = r3(medianRatio);
    const summaries = [roomSummary, ...(twoSummary ? [twoSummary(bareRps)] : []), sustainedSummary];
    printSummaries(summaries, `bare GET of this run: ${Math.round(bareRps)} req/s`);
    return {
      runs: summaries,
      raters: roomTokens.length,
      acknowledged: roomRun.acknowledged,
      stored: roomStored.sheets,
      stored_ballots: roomStored.ballots,
      errors: roomErrors,
      room_seconds: r3(roomRun.seconds),
      throughput_per_s: Math.round(roomRun.acknowledged / roomRun.seconds),
      p50_ms: roomRun.p50_ms,
      p99_ms: roomRun.p99_ms,
      redeem: roomRun.form ? { ok: roomRun.form.ok, p50_ms: roomRun.form.p50_ms, p99_ms: roomRun.form.p99_ms } : null,
      results_read: roomReads,
      two_servers: twoServers,
      bare_rps: Math.round(bareRps),
      bare_rps_runs: [bareFirstRps, ...rounds.map((x) => x.bareAfterRps)].map(Math.round),
      bare_post_rps: Math.round(barePostRps),
      sustained_sheets_per_s: Math.round(rate),
      sustained_p50_ms: sustained.p50_ms,
      sustained_p99_ms: sustained.p99_ms,
      sustained_acknowledged: sustained.acknowledged,
      sustained_stored: stored1.sheets - stored0.sheets,
      sheets_per_commit: r1((after.items - before.items) / Math.max(1, batches)),
      // The issue's measure: accepted ballots per second (a sheet carries one ballot per instrument, here 2) over the
      // bare GET route's requests per second; and over the bare POST route's.
      sustained_ballots_per_s: Math.round(ballotRate),
      // The median round's (each round over the higher bare GET around it); every round's; and all rounds' ballots
      // over the highest bare GET of the run (the strictest reading).
      ratio_to_bare: r3(medianRatio),
      ratio_rounds: roundRatios,
      ratio_to_highest_bare: r3(ballotRate / bareRps),
      ratio_to_bare_post: r3(ballotRate / barePostRps),
      // The same per request (sheet): a stricter reading, kept beside it.
      sheets_ratio_to_bare: r3(medianRatio / BALLOTS_PER_SHEET),
      sheets_ratio_to_bare_post: r3(rate / barePostRps),
      main_thread_ms_per_sheet: perSheet(sustainedCpu.mainMs),
      // PostgreSQL's own processes (embedded server only), sustained run and per rater of the room.
      database_cpu_ms_per_sheet: sustainedPgMs === null ? null : perSheet(sustainedPgMs),
      room_database_cpu_ms_per_rater: roomPgMsPerSheet,
      server_cpu_ms_per_sheet: perSheet(sustainedCpu.processMs),
      bare_main_thread_ms_per_request: perBare(bareCpu.mainMs),
      // The whole machine's CPU (all processes and the kernel) per sheet and per bare GET, and the share of the cores
      // busy, from /proc/stat; the load generator's part of it.
      ...machineFigures,
      naive,
    };
  } finally {
    await app.close();
    await groupWriter.close();
    await relay?.close();
    await database.close();
  }
}

/**
 * One database per process: run in the same process, the second database's runs inherited the first's heap and
 * compiled code, and its bare route came out ~20% slower than when run alone. With several databases this process
 * runs itself once per database and gathers their JSON lines.
 */
async function benchEachInItsOwnProcess(kinds: DbKind[]): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const kind of kinds) {
    const argv = process.argv.slice(2).filter((a, i, all) => a !== '--db' && all[i - 1] !== '--db' && !a.startsWith('--db='));
    const child = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, ...argv, '--db', kind], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => {
      text += d;
      process.stdout.write(d);
    });
    const code = await new Promise<number | null>((resolve, reject) => child.on('error', reject).on('exit', resolve));
    if (code !== 0) throw new Error(`bench:room --db ${kind} exited with ${code}`);
    const last = JSON.parse(text.trim().split('\n').pop()!) as Record<string, unknown>;
    out[kind] = last[kind];
  }
  return out;
}

async function main(): Promise<void> {
  const kinds = args.db.split(',').map((k) => k.trim()) as DbKind[];
  if (kinds.length > 1) {
    const each = await benchEachInItsOwnProcess(kinds);
    printSummaries(kinds.flatMap((k) => (each[k] as { runs: RunSummary[] }).runs), 'each against the bare GET of its own database’s run');
    console.log(JSON.stringify({ bench: 'room', ...each }));
    return;
  }
  const kind = kinds[0]!;
  const dir = mkdtempSync(join(tmpdir(), 'leitai-room-'));
  let pgStop: (() => Promise<void>) | null = null;
  let pgDataDir: string | null = null;
  const out: Record<string, unknown> = { bench: 'room' };
  try {
    let pgUrl = process.env.LEITAI_BENCH_PG_URL ?? null;
    if (kind === 'postgres' && !pgUrl) {
      // Durability ON: this measures durable commits (the test runner turns fsync off).
      const started = await startEmbeddedPostgres(['-c', 'max_connections=50']);
      pgUrl = started.url;
      pgDataDir = started.dataDir;
      pgStop = started.stop;
    }
    out[kind] = await benchDatabase(kind, dir, pgUrl, pgDataDir);
  } finally {
    await pgStop?.().catch((e) => console.error('stopping PostgreSQL:', e));
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(out));
}

await main();
