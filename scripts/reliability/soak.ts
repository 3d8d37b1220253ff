/**
 * Soak test: the real `statewise serve` under autocannon load on loopback for --duration seconds, with the server's
 * own RSS and heap (after GC) sampled every --sample seconds. Passes when there were zero errors (no connection
 * errors, timeouts, 5xx or unexpected statuses) and memory is flat after warm-up.
 *
 *   npm run soak -- --duration 600 [--connections 100] [--sample 10] [--workers 1] [--rate 0] [--out soak.json]
 *
 * --rate caps the overall request rate (0 = as fast as the server answers). A saturated run measures queueing on
 * the machine as much as the server; a capped rate below capacity isolates leaks and errors.
 *
 * Flat means: the least-squares slope of heapUsed after warm-up (the first 20 %, at least one sample) is at most
 * --max-heap-slope MB/min (default 1) — judged only on runs of 120 s or more, where a slope means something; shorter
 * runs (CI's 30 s) report the slope and check zero errors. Exit code 0 = pass, 1 = fail.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { LOAD_REQUESTS } from '../../test/support/load/load.ts';
import { startLoad } from '../../test/support/load/load.ts';
import { spawnServer } from '../../test/support/fuzz/server.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '600' }, connections: { type: 'string', default: '100' }, sample: { type: 'string', default: '10' },
    workers: { type: 'string', default: '1' }, rate: { type: 'string', default: '0' }, out: { type: 'string' }, 'max-heap-slope': { type: 'string', default: '1' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const sampleS = Number(values.sample);
if (!(duration >= 5 && duration <= 24 * 3600) || !(connections >= 1 && connections <= 1000) || !(sampleS >= 1)) {
  console.error('soak: --duration 5..86400 s, --connections 1..1000, --sample ≥ 1 s');
  process.exit(2);
}

const PRELOAD = new URL('../../test/support/load/stats-preload.mjs', import.meta.url).href;
// Not --quiet: the access log lets the soak tell requests the server answered from ones it never saw. The answer
// cache is off: the load repeats a few bodies, and a soak of cache hits would not exercise the advice threads (the
// cache's own bounds are tested in test/server/answer-cache*.test.ts and measured by `npm run bench -- --only memory`).
const server = await spawnServer(['--workers', values.workers!, '--answer-cache', '0'], {
  nodeArgs: ['--expose-gc', '--import', PRELOAD], env: { STATEWISE_STATS_MS: String(sampleS * 1000) },
});
const log = (line: string) => process.stderr.write(`soak: ${line}\n`);
log(`server ${server.url} (pid ${server.pid}); ${connections} connections for ${duration} s, sampling every ${sampleS} s`);

interface Sample { s: number; rssMb: number; heapMb: number; vmRssMb?: number }
const samples: Sample[] = [];
const start = Date.now();
let seen = 0;
const vmRss = (pid: number) => {
  try { return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024; } catch { return undefined; }
};
const collect = setInterval(() => {
  const lines = server.stderr.filter((l) => l.startsWith('statewise-stats '));
  for (const l of lines.slice(seen)) {
    const m = JSON.parse(l.slice('statewise-stats '.length)) as { t: number; pid: number; rss: number; heapUsed: number };
    const sample: Sample = { s: Math.round((m.t - start) / 1000), rssMb: round(m.rss / 2 ** 20), heapMb: round(m.heapUsed / 2 ** 20) };
    const v = vmRss(m.pid);
    if (v !== undefined) sample.vmRssMb = round(v);
    samples.push(sample);
    log(`t=${sample.s}s rss=${sample.rssMb} MB heap=${sample.heapMb} MB`);
  }
  seen = lines.length;
}, 1000);

// 30 s = the server's requestTimeout: a request slower than that is a failure whatever the machine.
const run = startLoad(server.url, { seconds: duration, connections, timeoutS: 30, rate: Number(values.rate) });
const result = await run.done;
await new Promise((r) => setTimeout(r, 1500));
clearInterval(collect);
const health = await fetch(server.url + '/healthz', { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
const exitCode = await server.stop();

function round(x: number): number { return Math.round(x * 100) / 100; }
/** Least-squares slope of y over x (x in seconds) in units per minute. */
function slopePerMin(xs: number[], ys: number[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0; let den = 0;
  for (let i = 0; i < n; i++) { num += (xs[i]! - mx) * (ys[i]! - my); den += (xs[i]! - mx) ** 2; }
  return den === 0 ? 0 : (num / den) * 60;
}

const warm = samples.filter((s) => s.s >= Math.max(sampleS, duration * 0.2));
const statusCounts = Object.fromEntries([...run.statuses.entries()].sort());
const unexpected = Object.keys(statusCounts).filter((s) => s !== '200' && s !== '400');
const share400 = (run.statuses.get(400) ?? 0) / Math.max(1, result.requests.total);
// Access-log lines = requests the server finished; client answers + client timeouts should add up to it when every
// timed-out request was in fact answered (the wait was in queues, not in the server).
const serverAnswered = server.stdout.filter((l) => l.startsWith('{"time"')).length;
const summary = {
  serverAnswered, clientAnswered: [...run.statuses.values()].reduce((a, b) => a + b, 0),
  duration, connections, rate: Number(values.rate), workers: Number(values.workers), requests: result.requests.total, rps: Math.round(result.requests.average),
  latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
  statuses: statusCounts, errors: Object.fromEntries(run.errors), timeouts: result.timeouts, resets: result.resets,
  samples: samples.length,
  heapSlopeMbPerMin: round(slopePerMin(warm.map((s) => s.s), warm.map((s) => s.heapMb))),
  rssSlopeMbPerMin: round(slopePerMin(warm.map((s) => s.s), warm.map((s) => s.rssMb))),
  heapMb: { first: samples[0]?.heapMb, afterWarmUp: warm[0]?.heapMb, last: samples.at(-1)?.heapMb, max: Math.max(...samples.map((s) => s.heapMb)) },
  rssMb: { first: samples[0]?.rssMb, afterWarmUp: warm[0]?.rssMb, last: samples.at(-1)?.rssMb, max: Math.max(...samples.map((s) => s.rssMb)) },
  healthzAfter: health, serverExit: exitCode,
  // With --workers > 1 the samples are the workers' (each prints its own), interleaved.
  series: samples,
};
const failures: string[] = [];
if (run.errors.size > 0) failures.push(`request errors ${JSON.stringify(summary.errors)}`);
if (result.timeouts > 0) failures.push(`${result.timeouts} timeouts`);
if (unexpected.length) failures.push(`unexpected statuses ${unexpected.join(', ')}`);
// One request in five of the mix is a deliberate 400; anything far off means responses went missing or wrong.
if (Math.abs(share400 - 1 / LOAD_REQUESTS.length) > 0.05) failures.push(`400 share ${share400.toFixed(3)} (expected ~${(1 / LOAD_REQUESTS.length).toFixed(2)})`);
if (result.requests.total === 0) failures.push('no requests completed');
if (health !== 200) failures.push(`/healthz after the run answered ${health}`);
if (exitCode !== 0) failures.push(`server exited ${exitCode} on SIGTERM`);
// A busy server samples late now and then (its timer shares the loop with the load): ask for 80 % of the samples.
if (samples.length < Math.floor((duration / sampleS) * 0.8)) failures.push(`only ${samples.length} memory samples`);
if (duration >= 120 && Number(values.workers) === 1 && summary.heapSlopeMbPerMin > Number(values['max-heap-slope'])) {
  failures.push(`heap grows ${summary.heapSlopeMbPerMin} MB/min after warm-up (limit ${values['max-heap-slope']})`);
}
const { series: _series, ...short } = summary;
console.log(JSON.stringify({ ...short, pass: failures.length === 0, failures }, null, 2));
if (values.out) writeFileSync(values.out, JSON.stringify({ ...summary, pass: failures.length === 0, failures }, null, 2) + '\n');
process.exit(failures.length ? 1 : 0);
