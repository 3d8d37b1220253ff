import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { load, type LoadResult } from './lib/load.ts';
import { pinSelf, startEcho, startStatewise, type Spawned } from './lib/server.ts';
import { SMALL, TYPICAL, variants } from './lib/inputs.ts';
import { fmt, median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';
import { DEFAULT_ANSWER_CACHE_ENTRIES } from '../server/config.ts';

/**
 * Benchmarks 3–5 over real HTTP on loopback.
 * 3. POST /v1/recommendations (full and brief) with more distinct bodies than the answer cache keeps, a repeated body
 *    (a cache hit), GET /healthz, and two bare Hono routes that parse the same bodies: /echo sends the body back,
 *    /answer sends the bytes of a real full answer (the ceiling for any advisor answering with those bytes). 50
 *    connections, interleaved rounds after a warm-up; server on core 0 and autocannon on core 1 unless --no-pin.
 * 4. --workers 2 vs 1: both cores serve, so the load generator shares them (said in the output).
 * 5. POST /v1/recommendations/batch with 10, 100 and 1,000 items: time per item should stay flat.
 */
/** Issue 25's goals, against the bare route that sends a full answer's bytes (/answer), measured in the same run. */
export const GOALS = { advisor: 0.15, brief: 0.40, cached: 0.60, advisorP99Ms: 60 } as const;

/** Distinct bodies (the typical service, every number scaled by its own factor), 4× what the answer cache keeps. */
export const DISTINCT_BODIES = 4 * DEFAULT_ANSWER_CACHE_ENTRIES;
const BODIES = variants(TYPICAL, DISTINCT_BODIES, 15).map((d) => JSON.stringify(d));
const NO_CACHE = ['--answer-cache', '0'];

export async function runHttp(options: BenchOptions): Promise<BenchResult[]> {
  const seconds = options.quick ? 2 : 10;
  // Two short rounds even in --quick: one round swung advisor/echo by ±30% between runs, too much for CI to tell a
  // 2× regression from noise.
  const rounds = options.quick ? 2 : 3;
  const pinned = options.pin !== false && os.cpus().length >= 2 && await pinSelf('1');
  const serverCpu = pinned ? '0' : undefined;
  const results: BenchResult[] = [];
  // The server as production runs it, answer cache on: the advice rows cycle through 4× as many bodies as it keeps,
  // so every one of their requests misses (advice is measured, plus the cache's own cost); the cache-hit row sends
  // one body again and again — what an editor or a CI job re-sending a file gets.
  const api = await startStatewise([], serverCpu);
  // The ceiling: a bare route that sends the bytes of a typical full answer (the advisor's own, for the first body).
  const answerFile = join(mkdtempSync(join(os.tmpdir(), 'statewise-bench-')), 'answer.json');
  const first = await fetch(`${api.url}/v1/recommendations`, { method: 'POST', body: BODIES[0], headers: { 'content-type': 'application/json' } });
  writeFileSync(answerFile, await first.text());
  const echo = await startEcho(serverCpu, answerFile);
  try {
    results.push(await endpoints(api, echo, statSync(answerFile).size, seconds, rounds, pinned));
  } finally {
    await Promise.all([api.stop(), echo.stop()]);
    rmSync(dirname(answerFile), { recursive: true, force: true });
  }
  if (pinned) await pinSelf(`0-${os.cpus().length - 1}`);
  results.push(await workers(seconds, rounds));
  results.push(await batch(options));
  return results;
}

type Target = { name: string; url: string; method: 'GET' | 'POST'; bodies?: readonly string[] };

async function endpoints(api: Spawned, echo: Spawned, answerBytes: number, seconds: number, rounds: number, pinned: boolean): Promise<BenchResult> {
  const targets: Target[] = [
    { name: `POST /v1/recommendations, full (typical, 5 items; ${DISTINCT_BODIES} distinct bodies: every one a cache miss)`, url: `${api.url}/v1/recommendations`, method: 'POST', bodies: BODIES },
    { name: 'POST /echo (bare Hono: parses the body, sends it back)', url: `${echo.url}/echo`, method: 'POST', bodies: BODIES },
    { name: 'GET /healthz', url: `${api.url}/healthz`, method: 'GET' },
    { name: 'POST /v1/recommendations, one body repeated (a cache hit: not advice)', url: `${api.url}/v1/recommendations`, method: 'POST', bodies: BODIES.slice(0, 1) },
    { name: `POST /answer (bare Hono: parses the body, sends a real full answer's ${fmt(answerBytes / 1024, 0)} KB)`, url: `${echo.url}/answer`, method: 'POST', bodies: BODIES },
    { name: 'POST /v1/recommendations?detail=brief (the same distinct bodies: misses)', url: `${api.url}/v1/recommendations?detail=brief`, method: 'POST', bodies: BODIES },
  ];
  // The advisor must answer correctly before its speed means anything: every body is valid and distinct.
  const digests = new Set<string>();
  for (const body of BODIES) {
    const check = await fetch(targets[0]!.url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const answer = (await check.json()) as { verdict?: string; inputDigest?: string };
    if (check.status !== 200 || !answer.verdict || !answer.inputDigest) throw new Error(`POST /v1/recommendations answered ${check.status}`);
    digests.add(answer.inputDigest);
  }
  if (digests.size !== BODIES.length) throw new Error(`only ${digests.size} of ${BODIES.length} bodies are distinct inputs`);
  const brief = await fetch(targets[5]!.url, { method: 'POST', body: BODIES[0], headers: { 'content-type': 'application/json' } });
  if (((await brief.json()) as { detail?: string }).detail !== 'brief') throw new Error('?detail=brief did not answer the brief form');
  // Warm-up: the advisor needs a few thousand requests before the JIT has settled.
  for (const t of targets) await load(t.url, { ...t, seconds: Math.max(3, seconds / 5) });
  const runs = targets.map(() => [] as LoadResult[]);
  for (let r = 0; r < rounds; r++) for (const [i, t] of targets.entries()) runs[i]!.push(await load(t.url, { ...t, seconds }));
  const summary = runs.map(summarize);
  const [adv, ech, health, hit, ans, brf] = summary as [Row, Row, Row, Row, Row, Row];
  const of = (x: Row, y: Row) => x.rps / y.rps;
  const rows = targets.map((t, i) => [t.name, fmt(summary[i]!.rps, 0), fmt(summary[i]!.p50, 1), fmt(summary[i]!.p99, 1), String(summary[i]!.bad)]);
  const goals = [
    { goal: `full advisor ≥ ${GOALS.advisor} of /answer with p99 ≤ ${GOALS.advisorP99Ms} ms`, met: of(adv, ans) >= GOALS.advisor && adv.p99 <= GOALS.advisorP99Ms, figure: `${fmt(of(adv, ans), 2)}, p99 ${fmt(adv.p99, 1)} ms` },
    { goal: `brief advisor ≥ ${GOALS.brief} of /answer`, met: of(brf, ans) >= GOALS.brief, figure: fmt(of(brf, ans), 2) },
    { goal: `cache hit ≥ ${GOALS.cached} of /answer`, met: of(hit, ans) >= GOALS.cached, figure: fmt(of(hit, ans), 2) },
  ];
  return {
    name: 'http',
    text: table(`3. HTTP (autocannon, 50 connections, ${rounds} × ${seconds} s interleaved rounds after a warm-up; ${pinned ? 'server on core 0, load generator on core 1' : 'NOT pinned: server, its advice threads and the load generator share every core'}; medians of rounds)`,
      ['endpoint', 'req/s', 'p50 ms', 'p99 ms', 'errors+non-2xx'], rows)
      + `
of /answer (parses the body, sends a full answer's bytes): full advisor ${fmt(of(adv, ans), 2)}, brief advisor ${fmt(of(brf, ans), 2)}, cache hit ${fmt(of(hit, ans), 2)}`
      + `
of /echo: full advisor ${fmt(of(adv, ech), 2)}, brief ${fmt(of(brf, ech), 2)}, cache hit ${fmt(of(hit, ech), 2)}, /answer ${fmt(of(ans, ech), 2)}, healthz ${fmt(of(health, ech), 2)}`,
    ratios: {
      'http.advisor/echo': of(adv, ech), 'http.cached/echo': of(hit, ech), 'http.answer/echo': of(ans, ech),
      'http.advisor/answer': of(adv, ans), 'http.brief/answer': of(brf, ans), 'http.cached/answer': of(hit, ans),
    },
    goals,
  };
}

type Row = ReturnType<typeof summarize>;

function summarize(runs: LoadResult[]) {
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    bad: runs.reduce((a, r) => a + r.errors + r.non2xx, 0),
  };
}

async function workers(seconds: number, rounds: number): Promise<BenchResult> {
  const one = await startStatewise(['--workers', '1', ...NO_CACHE]);
  const two = await startStatewise(['--workers', '2', ...NO_CACHE]);
  const url = (s: Spawned) => `${s.url}/v1/recommendations`;
  try {
    for (const s of [one, two]) await load(url(s), { method: 'POST', bodies: BODIES, seconds: Math.max(2, seconds / 5) });
    const a: LoadResult[] = [];
    const b: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) {
      a.push(await load(url(one), { method: 'POST', bodies: BODIES, seconds }));
      b.push(await load(url(two), { method: 'POST', bodies: BODIES, seconds }));
    }
    const [x, y] = [summarize(a), summarize(b)];
    const ratio = y.rps / x.rps;
    return {
      name: 'workers',
      text: table(`4. Workers: POST /v1/recommendations, --workers 1 vs 2 (${rounds} × ${seconds} s; NOTE: the load generator shares the ${os.cpus().length} cores with the workers, so 2 workers cannot reach 2×)`,
        ['server', 'req/s', 'p50 ms', 'p99 ms', 'errors+non-2xx'],
        [['--workers 1', fmt(x.rps, 0), fmt(x.p50, 1), fmt(x.p99, 1), String(x.bad)], ['--workers 2', fmt(y.rps, 0), fmt(y.p50, 1), fmt(y.p99, 1), String(y.bad)]])
        + `\nworkers 2 / workers 1 = ${fmt(ratio, 2)}× req/s`,
      ratios: { 'http.workers2/workers1': ratio },
      goals: [],
    };
  } finally {
    await Promise.all([one.stop(), two.stop()]);
  }
}

async function batch(options: BenchOptions): Promise<BenchResult> {
  const server = await startStatewise(['--body-limit', '8mb', ...NO_CACHE]);
  try {
    const sizes = [10, 100, 1000];
    const rows: string[][] = [];
    const perItem: number[] = [];
    for (const n of sizes) {
      // One-item documents: a batch holds at most MAX_BATCH_STATE_ITEMS (2000) state items in all, so 1000 documents
      // of the 5-item typical service would be refused (413); flatness per item is what this measures.
      const body = JSON.stringify({ items: Array.from({ length: n }, (_, i) => ({ ...SMALL, service: `svc-${i}` })) });
      const reps = Math.max(options.quick ? 2 : 5, Math.ceil((options.quick ? 300 : 3000) / n));
      const times: number[] = [];
      for (let r = 0; r < reps + 1; r++) {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/v1/recommendations/batch`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
        const json = (await res.json()) as { succeeded?: number };
        if (res.status !== 200 || json.succeeded !== n) throw new Error(`batch of ${n}: status ${res.status}, ${json.succeeded} succeeded`);
        if (r > 0) times.push(performance.now() - t0); // the first request warms up
      }
      const ms = median(times);
      perItem.push((ms * 1000) / n);
      rows.push([String(n), String(reps), fmt(ms, 1), fmt((ms * 1000) / n, 0), fmt(Buffer.byteLength(body) / 1024, 0)]);
    }
    // Least-squares slope of µs per item against log10(items): 0 is perfectly flat.
    const xs = sizes.map(Math.log10);
    const mx = xs.reduce((a, b) => a + b) / xs.length;
    const my = perItem.reduce((a, b) => a + b) / perItem.length;
    const slope = xs.reduce((a, x, i) => a + (x - mx) * (perItem[i]! - my), 0) / xs.reduce((a, x) => a + (x - mx) ** 2, 0);
    const ratio = perItem[2]! / perItem[0]!;
    return {
      name: 'batch',
      text: table('5. Batch scaling: POST /v1/recommendations/batch (one-item documents; sequential requests; median per request)',
        ['items', 'requests', 'ms / request', 'µs / item', 'body KB'], rows)
        + `\nslope: ${fmt(slope, 1)} µs per item per 10× items (${fmt(slope / my * 100, 1)}% of the mean per-item time); per-item 1000 / per-item 10 = ${fmt(ratio, 2)}`,
      ratios: { 'http.batch.perItem1000/perItem10': ratio },
      goals: [{ goal: 'batch time per item flat (1000-item per-item time ≤ 1.5× the 10-item one)', met: ratio <= 1.5, figure: `${fmt(ratio, 2)}×` }],
    };
  } finally {
    await server.stop();
  }
}
