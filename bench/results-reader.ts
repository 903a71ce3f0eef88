/**
 * The office's results page during a room, in a process of its own (bench/room.ts): reads a campaign's results one
 * request after another, 20 ms apart, until a line arrives on stdin; prints `ready` after its first read and, at the
 * end, one JSON line with the reads' latencies. In its own process, as an office's browser is: the 1–4 MB answers it receives and parses at 21,000 raters
 * once took the server's own main thread, where the reader used to run.
 * Usage: node --import tsx bench/results-reader.ts <url> <campaignId>, with the bearer token in LEITAI_BENCH_BEARER.
 */
const [url, campaignId] = process.argv.slice(2);
const bearer = process.env.LEITAI_BENCH_BEARER ?? '';
let stop = false;
process.stdin.on('data', () => {
  stop = true;
});
process.stdin.on('end', () => {
  stop = true;
});

const latencies: number[] = [];
let failed = 0;
while (!stop) {
  const at = performance.now();
  const res = await fetch(`${url}/api/campaigns/${campaignId}/results`, { headers: { authorization: `Bearer ${bearer}` } }).catch(() => null);
  if (res?.status !== 200) failed++;
  await res?.arrayBuffer();
  latencies.push(performance.now() - at);
  if (latencies.length === 1) process.stdout.write('ready\n');
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(`${JSON.stringify({ latencies, failed })}\n`);
process.stdin.destroy();
