import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRequirements } from '../../rules/index.ts';
import { builtinEngine } from '../support/engine.ts';
import { ROOT, spawnServer, type ServerChild } from '../support/fuzz/server.ts';
import { largestRequirements } from '../support/fuzz/large.ts';

/**
 * Issue 12: "one large batch (or many) can starve the event loop". The real `statewise serve` (advice on its
 * worker-thread pool by default) gets 16 batches at once, each at the state-item cap (10 documents × 200 items =
 * 2000) made of the most expensive documents we know, while /healthz is probed back to back.
 *
 * The p99 is compared with a baseline measured in the same run, as the benchmarks do (issue 28: an absolute 100 ms
 * failed at 128.8 ms on a loaded machine): a bare node:http server that does nothing but answer is probed in turn
 * with statewise, from the same client, during the same load. Its p99 is what the machine's scheduler alone costs a
 * probe right now; statewise may add its own event-loop work per batch (a few ms each, below) on top, so its p99
 * must stay under BASELINE_FACTOR × the bare server's p99 + SLACK_MS. With advice on the event loop the p99 was
 * 15.9 s against tens of ms, far outside that.
 *
 * Why 100 ms is safe although the machine is small and shared: the event loop does no advice at all now. Its work
 * per batch is reading ~380 KB, one JSON.parse, handing the items to a thread and writing the answer back, each a
 * few ms; a probe waits for at most one of those, plus the OS scheduler (the advice threads run at a lower
 * priority, nice +5). Before the pool the same load held /healthz for hundreds of ms per document.
 * The batches' answers must all arrive, complete and byte-identical to the engine's in this process.
 */

const BATCHES = 16;
const DOCS = 10;
/** Two different batch bodies (20 distinct documents), so answers cannot be right by sharing one cached result. */
const VARIANTS = 2;
const BASELINE_FACTOR = 3;
const SLACK_MS = 50;

/** A node:http server that answers 200 to everything: the baseline event loop. */
const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { process.stderr.write('port ' + this.address().port + '\\n'); });`;

const batchItems = (variant: number) => Array.from({ length: DOCS }, (_, i) => largestRequirements(200, variant * DOCS + i));

let server: ServerChild;
let bare: ChildProcess;
let bareUrl: string;
const dir = mkdtempSync(join(tmpdir(), 'statewise-load-'));
const bodyFiles: string[] = [];
/** sha256 of the answer the engine in this process gives for each body. */
const expected: string[] = [];
beforeAll(async () => {
  // Body limit raised: ten worst-case documents are ~380 KB, and the test wants the state-item cap, not the byte cap.
  server = await spawnServer(['--quiet', '--max-batches', String(BATCHES), '--body-limit', '512kb'], { startTimeoutMs: 60_000 });
  bare = spawn(process.execPath, ['-e', BARE_SERVER], { stdio: ['ignore', 'ignore', 'pipe'] });
  bareUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    bare.stderr!.on('data', (d: Buffer) => { err += d.toString(); const m = /port (\d+)/.exec(err); if (m) resolve(`http://127.0.0.1:${m[1]}`); });
    bare.on('exit', (code) => reject(new Error(`the baseline server exited (${code}): ${err}`)));
  });
  const today = new Date().toISOString().slice(0, 10);
  const engine = builtinEngine();
  for (let v = 0; v < VARIANTS; v++) {
    const items = batchItems(v);
    bodyFiles.push(join(dir, `batch-${v}.json`));
    writeFileSync(bodyFiles[v]!, JSON.stringify({ items }));
    // The answer computed here, before the load starts, straight from the engine (not through the advice tasks).
    const results = items.map((item, index) => {
      const req = validateRequirements(item);
      if (!req.ok) throw new Error('largestRequirements must be valid');
      return { index, ok: true, recommendation: engine.advise(req.value, { today }) };
    });
    expected.push(createHash('sha256').update(JSON.stringify({ results, succeeded: DOCS, failed: 0 })).digest('hex'));
  }
}, 180_000);
afterAll(async () => { bare?.kill(); await server?.stop(5000); rmSync(dir, { recursive: true, force: true }); });

describe('/healthz while 16 heavy batches run (issue 12)', () => {
  it(`p99 of /healthz stays under ${BASELINE_FACTOR} × a bare server's p99 + ${SLACK_MS} ms in the same run; every batch is answered in full and byte-identical`, async () => {
    expect(server.stderr.join('\n')).toMatch(/advice on \d+ threads?, queue \d+/);
    const probes: number[] = [];
    const baseline: number[] = [];
    let done = false;
    let loading = false;
    const probing = (async () => {
      while (!done) {
        // One reading of `loading` per pair: the load may start between the two probes, and the pair must be
        // counted for both servers or neither (the clean-clone CI once counted 568 probes against 567).
        const counted = loading;
        const t = performance.now();
        const res = await fetch(server.url + '/healthz');
        await res.arrayBuffer();
        const probeMs = performance.now() - t;
        expect(res.status).toBe(200);
        const b = performance.now();
        await (await fetch(bareUrl)).arrayBuffer();
        if (counted) { probes.push(probeMs); baseline.push(performance.now() - b); }
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const started = performance.now();
    // The batches come from another process (test/support/load/batch-load.ts): this one only probes.
    const load = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/support/load/batch-load.ts'), server.url, String(BATCHES / VARIANTS), ...bodyFiles], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    load.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
    load.stderr.on('data', (d: Buffer) => { stderr += d.toString(); if (stderr.includes('sending')) loading = true; });
    const code = await new Promise<number | null>((resolve) => load.on('exit', resolve));
    expect(code, stderr).toBe(0);
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l) as { i: number; file: number; status: number; bytes: number; sha256: string });
    const loadMs = performance.now() - started;
    done = true;
    await probing;

    const sorted = [...probes].sort((a, b) => a - b);
    const at = (q: number, of = sorted) => of[Math.min(of.length - 1, Math.floor(of.length * q))]!;
    const bareSorted = [...baseline].sort((a, b) => a - b);
    const limit = BASELINE_FACTOR * at(0.99, bareSorted) + SLACK_MS;
    const mb = answers.reduce((n, a) => n + a.bytes, 0) / 1e6;
    console.log(`${BATCHES} batches × ${DOCS} × 200 worst-case items in ${(loadMs / 1000).toFixed(1)} s (${mb.toFixed(0)} MB of answers, `
      + `${availableParallelism()} cores); /healthz ${probes.length} probes: p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms; `
      + `bare server meanwhile: p50 ${at(0.5, bareSorted).toFixed(1)} ms, p99 ${at(0.99, bareSorted).toFixed(1)} ms → limit ${limit.toFixed(1)} ms`);

    expect(answers.map((a) => a.status)).toEqual(Array(BATCHES).fill(200));
    for (const a of answers) expect(a.sha256, `batch ${a.i}: the answer differs from the engine's`).toBe(expected[a.file]);
    // Enough probes for a p99 to mean something (the load lasts seconds; one probe every ~10 ms).
    expect(probes.length).toBeGreaterThanOrEqual(100);
    expect(baseline.length).toBe(probes.length);
    expect(at(0.99)).toBeLessThan(limit);
  }, 300_000);
});
