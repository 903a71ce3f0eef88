/**
 * The load side of bench/checkin.ts, in its own process: each trainee scans the code the venue screen shows now
 * (computed here from the venue's secret and this machine's clock, as the screen would fetch it) and checks in —
 * the first time by scan then personal code (two requests), afterwards by the scanned code with the phone's device
 * (one request). autocannon, bounded: exactly one check-in per trainee. Reads a JSON job from the file named by argv[2], prints one JSON result line.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { venueCode } from '../src/app/training/checkin-codes.js';
import { codeStep } from '../src/domain/training/checkin-code.js';

interface Request {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
}
interface Instance {
  on(event: 'response', fn: (client: object, statusCode: number, bytes: number, responseTime: number) => void): void;
  on(event: 'done', fn: (result: { errors: number; timeouts: number }) => void): void;
  on(event: 'error', fn: (error: Error) => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Instance;

export interface CheckinJob {
  url: string;
  connections: number;
  classId: string;
  lessonId: string;
  venues: { id: string; secret: string }[];
  /** One per trainee: their personal code and the venue they attend, and the device secret once they have one. */
  trainees: { code: string; venue: number; device?: string }[];
  /**
   * first: scan (POST /api/checkin/grants) then identify by personal code (POST /api/checkin) — two requests;
   * returning: the phone already knows its trainee, so it sends the scanned code and its device — one request.
   */
  mode: 'first' | 'returning';
}

export interface CheckinLoadResult {
  seconds: number;
  checkins: number;
  statuses: Record<string, number>;
  grantStatuses: Record<string, number>;
  errors: number;
  timeouts: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  grant_p99_ms: number;
  /** The device secrets handed out, by trainee index (mode first). */
  devices: (string | null)[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(job: CheckinJob): Promise<CheckinLoadResult> {
  const json = { 'content-type': 'application/json' };
  const statuses: Record<string, number> = {};
  const grantStatuses: Record<string, number> = {};
  const latencies: number[] = [];
  const grantLatencies: number[] = [];
  let next = 0;
  const devices: (string | null)[] = job.trainees.map(() => null);
  const scanOf = (trainee: CheckinJob['trainees'][number]) => {
    const venue = job.venues[trainee.venue]!;
    return { classId: job.classId, lessonId: job.lessonId, venueId: venue.id, code: venueCode(venue.secret, job.classId, job.lessonId, venue.id, codeStep(Date.now())) };
  };
  const requests: Request[] = job.mode === 'returning' ? [
    {
      method: 'POST',
      path: '/api/checkin',
      headers: json,
      setupRequest: (req) => {
        const trainee = job.trainees[next++ % job.trainees.length]!;
        return { ...req, body: JSON.stringify({ scan: scanOf(trainee), device: trainee.device }) };
      },
    },
  ] : [
    {
      method: 'POST',
      path: '/api/checkin/grants',
      headers: json,
      setupRequest: (req, context) => {
        const i = next++ % job.trainees.length;
        const trainee = job.trainees[i]!;
        context.i = i;
        context.code = trainee.code;
        return { ...req, body: JSON.stringify(scanOf(trainee)) };
      },
      onResponse: (status, body, context) => {
        context.grant = status === 201 ? (JSON.parse(body) as { grant: string }).grant : 'none';
      },
    },
    {
      method: 'POST',
      path: '/api/checkin',
      headers: json,
      setupRequest: (req, context) => ({ ...req, body: JSON.stringify({ grant: context.grant, personalCode: context.code }) }),
      onResponse: (status, body, context) => {
        if (status === 201) devices[context.i as number] = (JSON.parse(body) as { device: string | null }).device;
      },
    },
  ];
  const steps = requests.length;
  const started = performance.now();
  let last = started;
  const instance = autocannon({ url: job.url, connections: job.connections, pipelining: 1, timeout: 30, amount: job.trainees.length * steps, requests });
  const seen = new WeakMap<object, number>();
  instance.on('response', (client, statusCode, _bytes, responseTime) => {
    last = performance.now();
    const n = seen.get(client) ?? 0;
    seen.set(client, n + 1);
    if (steps === 2 && n % 2 === 0) {
      grantLatencies.push(responseTime);
      grantStatuses[statusCode] = (grantStatuses[statusCode] ?? 0) + 1;
    } else {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    }
  });
  const result = await new Promise<{ errors: number; timeouts: number }>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  latencies.sort((a, b) => a - b);
  grantLatencies.sort((a, b) => a - b);
  return {
    seconds: (last - started) / 1000,
    checkins: statuses['201'] ?? 0,
    statuses,
    grantStatuses,
    errors: result.errors,
    timeouts: result.timeouts,
    p50_ms: percentile(latencies, 50),
    p99_ms: percentile(latencies, 99),
    max_ms: latencies.at(-1) ?? 0,
    grant_p99_ms: percentile(grantLatencies, 99),
    devices,
  };
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as CheckinJob;
process.stdout.write(`${JSON.stringify(await run(job))}\n`);
