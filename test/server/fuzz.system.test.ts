import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS, loadCase, SLICE_WEIGHTS, type StoredCase } from '../support/fuzz/cases.ts';
import { check, exchange } from '../support/fuzz/oracle.ts';
import { fuzz } from '../support/fuzz/run.ts';
import { spawnServer, type ServerChild } from '../support/fuzz/server.ts';

/**
 * Fuzzing the real `statewise serve` over loopback. `npm run test:system` sends a 5,000-request slice with a cheap mix;
 * `npm run test:fuzz` sends 100,000 (FUZZ_REQUESTS) with the full mix. The seed is fixed (FUZZ_SEED to vary it), so
 * a failure reproduces; the minimal failing case is written to test/fixtures/fuzz-regressions/ and replayed below
 * from then on.
 */

const TOTAL = Number(process.env.FUZZ_REQUESTS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const FIXTURES = fileURLToPath(new URL('../fixtures/fuzz-regressions/', import.meta.url));
const REQUEST_TIMEOUT_MS = 15_000;
/** Optional wall-clock cap for long runs on a busy machine: the run stops there and reports how many it sent. */
const TIME_LIMIT_MS = process.env.FUZZ_TIME_LIMIT_S ? Number(process.env.FUZZ_TIME_LIMIT_S) * 1000 : undefined;

let server: ServerChild;
beforeAll(async () => { server = await spawnServer(['--quiet']); });
afterAll(async () => { await server?.stop(); });

describe('fuzz regression fixtures', () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).sort();

  it('has fixtures to replay', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s answers as the contract says', async (file) => {
    const stored = JSON.parse(readFileSync(FIXTURES + file, 'utf8')) as StoredCase;
    const c = loadCase(stored);
    expect(check(c, await exchange(server.url, c, REQUEST_TIMEOUT_MS))).toEqual([]);
  });
});

const PROBE = '{"service":"probe","context":{"memory":"session"},"traffic":{"peakRps":900},"state":[{"name":"cart","owner":"session","lifetime":"hours"}]}';
const probe = async (body = PROBE) => (await fetch(server.url + '/v1/recommendations', {
  method: 'POST', body, headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
})).text();

describe(`fuzz: ${TOTAL} generated requests (seed ${SEED})`, () => {
  let before = '';
  beforeAll(async () => { before = await probe(); });

  it('valid → 200 Recommendation, invalid → 4xx problem with the core pointers, never 5xx or a hang', async () => {
    const report = await fuzz({
      url: server.url, total: TOTAL, seed: SEED, lanes: 4, timeoutMs: REQUEST_TIMEOUT_MS, fixtureDir: FIXTURES,
      weights: TOTAL > 5000 ? DEFAULT_WEIGHTS : SLICE_WEIGHTS, timeLimitMs: TIME_LIMIT_MS,
    });
    const { failures, ...figures } = report;
    console.log(`fuzz figures: ${JSON.stringify(figures)}`);
    expect(failures.map((f) => ({ seed: f.seed, violations: f.violations, fixture: f.fixture }))).toEqual([]);
    expect(report.sent).toBeGreaterThanOrEqual(TIME_LIMIT_MS ? 1 : TOTAL);
    // Every kind of case and every outcome class was exercised.
    expect(Object.keys(report.byKind).sort()).toEqual(['bytes', 'tree', 'valid']);
    for (const status of ['200', '400', '415']) expect(report.byStatus[status]).toBeGreaterThan(0);
    expect(Object.keys(report.byStatus).filter((s) => Number(s) >= 500 || s === 'no-answer')).toEqual([]);
  }, Math.max(600_000, TOTAL * 100));

  it('the fuzz run changed no answer: the same request, and the same document in other bytes, answer as before it', async () => {
    expect(JSON.parse(before).service).toBe('probe');
    expect(await probe()).toBe(before);
    // The same document in other bytes: advised afresh, so the answer cache cannot be what makes it equal.
    expect(await probe(`${PROBE}\n`)).toBe(before);
  });

  it('the server is still healthy afterwards and reported no unexpected failure', async () => {
    const res = await fetch(server.url + '/healthz', { signal: AbortSignal.timeout(5000) });
    expect(res.status).toBe(200);
    expect(server.child.exitCode).toBeNull();
    expect(server.stderr.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
