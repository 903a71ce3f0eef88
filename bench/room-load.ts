/**
 * The load side of bench/room.ts, run as its own process so the server keeps its core: autocannon against
 * 127.0.0.1 with a bounded number of connections and a bounded duration or request count. Reads a JSON job from
 * the file named by argv[2], prints one JSON result line.
 *  bare:      GET `path` for `seconds`.
 *  bare-post: POST the `bodies` in turn to `path` for `seconds` (2xx counted).
 *  submit:    POST /api/ballots, one fresh token per request, until `seconds` pass or the tokens run out.
 *  room:      each rater redeems (POST /api/ballot-form, when `form`) and then submits, once per token.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The little of autocannon's API used here (it ships no types). */
namespace autocannon {
  export interface Request {
    method: string;
    path: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  }
  export interface Result {
    '2xx': number;
    errors: number;
    timeouts: number;
  }
  export interface Instance {
    on(event: 'response', fn: (client: object, statusCode: number, bytes: number, responseTime: number) => void): void;
    on(event: 'done', fn: (result: Result) => void): void;
    on(event: 'error', fn: (error: Error) => void): void;
    stop(): void;
  }
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => autocannon.Instance;

export interface LoadJob {
  mode: 'bare' | 'bare-post' | 'submit' | 'room';
  url: string;
  connections: number;
  seconds?: number;
  path?: string;
  /** One pre-serialised submission body per token (mode submit and room). */
  bodies?: string[];
  /** The body of the form request per token (mode room, when the form route exists). */
  formBodies?: string[] | null;
}

export interface LoadResult {
  seconds: number;
  requests: number;
  /** Submissions answered 201 (stored, acknowledged after commit); in bare mode the 2xx count. */
  acknowledged: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  p50_ms: number;
  p99_ms: number;
  max_ms: number;
  /** This load process's own CPU (user + system) over the run, in ms: on 2 cores the load competes with the server. */
  cpu_ms: number;
  /** Redemptions (room mode with the form route). */
  form?: { requests: number; ok: number; p50_ms: number; p99_ms: number };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const submitLatencies: number[] = [];
  const formLatencies: number[] = [];
  const statuses: Record<string, number> = {};
  let formOk = 0;
  const bodies = job.bodies ?? [];
  const formBodies = job.mode === 'room' ? (job.formBodies ?? null) : null;
  let next = 0;
  const json = { 'content-type': 'application/json' };

  const requests: autocannon.Request[] =
    job.mode === 'bare'
      ? [{ method: 'GET', path: job.path ?? '/' }]
      : job.mode === 'bare-post'
        ? [{ method: 'POST', path: job.path ?? '/', headers: json, setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }]
        : formBodies
        ? [
            {
              method: 'POST',
              path: '/api/ballot-form',
              headers: json,
              // `amount` ends the run after one form and one submission per token; a rater left without its
              // submission would show as acknowledged < raters (and in errors), never as a silent gap.
              setupRequest: (req, context) => {
                const i = next++ % bodies.length;
                context.i = i;
                return { ...req, body: formBodies[i] };
              },
            },
            { method: 'POST', path: '/api/ballots', headers: json, setupRequest: (req, context) => ({ ...req, body: bodies[context.i as number] }) },
          ]
        : [
            {
              method: 'POST',
              path: '/api/ballots',
              headers: json,
              setupRequest: (req) => {
                const i = next++;
                // Out of fresh tokens: stop (a body sent again would only measure re-sends).
                if (i >= bodies.length) setImmediate(() => instance.stop());
                return { ...req, body: bodies[i % bodies.length] };
              },
            },
          ];

  const steps = requests.length;
  const total = bodies.length * steps;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const instance = autocannon({
    url: job.url,
    connections: job.connections,
    pipelining: 1,
    timeout: 30,
    ...(job.mode === 'room' ? { amount: total } : { duration: job.seconds ?? 5 }),
    requests,
  });
  // Responses of one connection come back in order, so its n-th response answers its n-th request of the sequence.
  const seen = new WeakMap<object, number>();
  let lastResponse = started;
  instance.on('response', (client: object, statusCode: number, _bytes: number, responseTime: number) => {
    lastResponse = performance.now();
    const n = seen.get(client) ?? 0;
    seen.set(client, n + 1);
    const isForm = steps === 2 && n % 2 === 0;
    if (isForm) {
      formLatencies.push(responseTime);
      if (statusCode === 200) formOk++;
      return;
    }
    submitLatencies.push(responseTime);
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    instance.on('done', resolve);
    instance.on('error', reject);
  });
  // A room run ends with its last answer: autocannon reports `done` only at its next once-a-second tick, which made
  // every room run look like a whole number of seconds (2.05 s, 3.05 s).
  const cpu = process.cpuUsage(cpu0);
  const seconds = ((job.mode === 'room' ? lastResponse : performance.now()) - started) / 1000;
  submitLatencies.sort((a, b) => a - b);
  formLatencies.sort((a, b) => a - b);
  const acknowledged = job.mode === 'bare' || job.mode === 'bare-post' ? result['2xx'] : (statuses['201'] ?? 0);
  return {
    seconds,
    requests: submitLatencies.length,
    acknowledged,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    p50_ms: percentile(submitLatencies, 50),
    p99_ms: percentile(submitLatencies, 99),
    max_ms: submitLatencies.at(-1) ?? 0,
    cpu_ms: (cpu.user + cpu.system) / 1000,
    ...(formBodies ? { form: { requests: formLatencies.length, ok: formOk, p50_ms: percentile(formLatencies, 50), p99_ms: percentile(formLatencies, 99) } } : {}),
  };
}

const job = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadJob;
process.stdout.write(JSON.stringify(await run(job)) + '\n');
