/**
 * npm run bench:tally — a province-scale campaign (Shanxi: 117 counties, ~1,350 townships, 5 instruments + 加减分,
 * 150,000 ballots) tallied from the database, beside a bare scan of the ballots table in the same run.
 * Each measurement runs in its own child process so its peak memory (maxRSS) is its own.
 * The headline is the tally once the sessions are closed (each sealed into one segment row, as closeSession does);
 * the same ballots with no session sealed (read row by row, as while sessions are open) are measured beside it.
 * Prints figures, then one JSON line. Options: --ballots N (default 150000), --runs N (default 3).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDb } from '../src/db/create-db.js';
import { migrateToLatest } from '../src/db/migrations/index.js';
import { listBallotsForTally } from '../src/db/repositories/ballots.js';
import { loadDefinition } from '../src/db/repositories/definition.js';
import { sealSessionBallots } from '../src/db/repositories/tally-ballots.js';
import { tallyCampaign } from '../src/domain/tally.js';
import { seedProvince } from './seed-province.js';

const { values: args } = parseArgs({
  options: {
    ballots: { type: 'string', default: '150000' },
    runs: { type: 'string', default: '3' },
    child: { type: 'string' },
    file: { type: 'string' },
    campaign: { type: 'string' },
  },
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function child(mode: 'scan' | 'tally', file: string, campaignId: string, runs: number): Promise<void> {
  const database = await createDb({ kind: 'sqlite', file });
  const seconds: number[] = [];
  const phases: { load: number; compute: number }[] = [];
  let summary: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    if (mode === 'scan') {
      // The baseline: every ballot row, every column, through the same driver — no parsing, no domain.
      const rows = await database.db.selectFrom('ballots').selectAll().where('campaign_id', '=', campaignId).execute();
      summary = { rows: rows.length };
    } else {
      const def = await loadDefinition(database.db, campaignId);
      const ballots = await listBallotsForTally(database.db, campaignId, def!.instruments);
      const t1 = performance.now();
      const tally = tallyCampaign(def!, ballots);
      const t2 = performance.now();
      phases.push({ load: (t1 - t0) / 1000, compute: (t2 - t1) / 1000 });
      summary = { valid: tally.ballots.valid, invalid: tally.ballots.invalid, excluded: tally.ballots.excluded, ranked: tally.rankings.reduce((n, r) => n + r.rows.length, 0) };
    }
    seconds.push((performance.now() - t0) / 1000);
  }
  await database.close();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ seconds: median(seconds), all: seconds, phases, peakMb, summary }) + '\n');
}

function runChild(mode: 'scan' | 'tally', file: string, campaignId: string, runs: number) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, '--file', file, '--campaign', campaignId, '--runs', String(runs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${mode} child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; all: number[]; phases: { load: number; compute: number }[]; peakMb: number; summary: Record<string, number> };
}

async function main(): Promise<void> {
  if (args.child) return child(args.child as 'scan' | 'tally', args.file!, args.campaign!, Number(args.runs));
  const dir = mkdtempSync(join(tmpdir(), 'leitai-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    const unsealedFile = join(dir, 'bench-unsealed.sqlite');
    const database = await createDb({ kind: 'sqlite', file: unsealedFile });
    await migrateToLatest(database);
    const seeded = await seedProvince(database, Number(args.ballots), { seal: false });
    await database.close();
    copyFileSync(unsealedFile, file);
    const sealing = await createDb({ kind: 'sqlite', file });
    const t = performance.now();
    const sessions = await sealing.db.selectFrom('sessions').select('id').where('campaign_id', '=', seeded.campaignId).execute();
    for (const s of sessions) await sealSessionBallots(sealing.db, seeded.campaignId, s.id);
    await sealing.close();
    console.log(`  ${sessions.length} sessions sealed in ${((performance.now() - t) / 1000).toFixed(2)} s (one transaction each, as closeSession does)`);
    console.log(`province fixture: ${seeded.counties} counties, ${seeded.townships} townships, ${seeded.instruments} instruments, ${seeded.ballots} ballots, ${seeded.ratings} ratings`);
    console.log(`  generated in ${seeded.generateSeconds.toFixed(2)} s, inserted in ${seeded.insertSeconds.toFixed(2)} s`);

    const runs = Number(args.runs);
    const scan = runChild('scan', file, seeded.campaignId, runs);
    const tally = runChild('tally', file, seeded.campaignId, runs);
    const unsealed = runChild('tally', unsealedFile, seeded.campaignId, runs);
    if (JSON.stringify(tally.summary) !== JSON.stringify(unsealed.summary)) throw new Error(`sealed and unsealed tallies differ: ${JSON.stringify(tally.summary)} vs ${JSON.stringify(unsealed.summary)}`);
    const load = median(tally.phases.map((p) => p.load));
    const compute = median(tally.phases.map((p) => p.compute));
    console.log(`baseline (bare scan of the ballots table): ${scan.seconds.toFixed(3)} s  (runs ${scan.all.map((s) => s.toFixed(3)).join(', ')}), peak ${scan.peakMb.toFixed(0)} MB`);
    console.log(`tally from the database: ${tally.seconds.toFixed(3)} s  (runs ${tally.all.map((s) => s.toFixed(3)).join(', ')}) = load ${load.toFixed(3)} s + compute ${compute.toFixed(3)} s, peak ${tally.peakMb.toFixed(0)} MB`);
    console.log(`  same ballots, no session sealed (rows read one by one): ${unsealed.seconds.toFixed(3)} s (runs ${unsealed.all.map((s) => s.toFixed(3)).join(', ')}) = load ${median(unsealed.phases.map((p) => p.load)).toFixed(3)} s + compute ${median(unsealed.phases.map((p) => p.compute)).toFixed(3)} s, peak ${unsealed.peakMb.toFixed(0)} MB`);
    console.log(`  ${Math.round(seeded.ballots / tally.seconds).toLocaleString('en')} ballots/s; ${(tally.seconds / scan.seconds).toFixed(2)}× the bare scan; result: ${JSON.stringify(tally.summary)}`);
    console.log(JSON.stringify({
      bench: 'tally',
      db: 'sqlite',
      ballots: seeded.ballots,
      ratings: seeded.ratings,
      seconds: round(tally.seconds),
      load_seconds: round(load),
      compute_seconds: round(compute),
      baseline_seconds: round(scan.seconds),
      ballots_per_second: Math.round(seeded.ballots / tally.seconds),
      peak_mb: Math.round(tally.peakMb),
      baseline_peak_mb: Math.round(scan.peakMb),
      unsealed_seconds: round(unsealed.seconds),
      unsealed_peak_mb: Math.round(unsealed.peakMb),
      valid: tally.summary.valid,
      invalid: tally.summary.invalid,
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;
await main();
