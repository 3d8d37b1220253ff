import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { createApp } from '../../server/app.ts';
import type { App } from '../../server/routes/shared.ts';
import { ProblemSchema } from '../../server/http/problem.ts';
import { builtinEngine } from '../support/engine.ts';
import { largestRequirements } from '../support/fuzz/large.ts';
import { ROOT, TODAY, testServer, type TestServer } from '../support/http.ts';
import { catalogDir } from '../support/catalog-dir.ts';
import { spawnServer } from '../support/fuzz/server.ts';

/**
 * The three advice routes served by a real server on loopback whose advice runs on the worker-thread pool, against
 * the same app answering inline (`app.request`, the unit-test mode): the same status, headers that matter and body
 * bytes; a full queue → 503 + Retry-After; a client that left frees its queue slot; a crashed thread → 500 for that
 * request only.
 */

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const CRASH_WORKER = new URL('../support/advice-worker-crash.js', import.meta.url);

let pooled: TestServer;
let inline: App;
beforeAll(async () => {
  pooled = await testServer({ pool: { threads: 2, maxQueue: 64, custom: [] } });
  inline = createApp({ engine: builtinEngine(), today: () => TODAY, accessLog: false });
});
afterAll(async () => { await pooled?.close(2000); });

interface Answer { status: number; type: string | null; retryAfter: string | null; body: string }
const answer = async (res: Response): Promise<Answer> => ({
  status: res.status, type: res.headers.get('content-type'), retryAfter: res.headers.get('retry-after'), body: await res.text(),
});

/** The same request to the pooled server and to the inline app; a fixed request id makes problem bodies comparable. */
async function both(path: string, body: string, headers: Record<string, string>): Promise<[Answer, Answer]> {
  const init = { method: 'POST', body, headers: { ...headers, 'x-request-id': 'same-id' } };
  return [await answer(await fetch(pooled.url + path, init)), await answer(await inline.request(path, init))];
}

describe('pool and inline answer the same bytes', () => {
  it(`every example (${EXAMPLES.length}): recommendation (YAML, JSON), review (Markdown, JSON), and one batch of all`, async () => {
    const docs: unknown[] = [];
    for (const file of EXAMPLES) {
      const yaml = readFileSync(join(ROOT, 'examples', file), 'utf8');
      docs.push(parseYaml(yaml));
      const cases: Array<[string, string, Record<string, string>]> = [
        ['/v1/recommendations', yaml, { 'content-type': 'application/yaml' }],
        ['/v1/recommendations', JSON.stringify(docs.at(-1)), { 'content-type': 'application/json' }],
        [`/v1/design-reviews?date=2026-01-15&source=examples/${file}`, yaml, { 'content-type': 'application/yaml' }],
        ['/v1/design-reviews', yaml, { 'content-type': 'application/yaml', accept: 'application/json' }],
      ];
      for (const [path, body, headers] of cases) {
        const [p, i] = await both(path, body, headers);
        expect(p.status, `${file} ${path}`).toBe(200);
        expect(p, `${file} ${path}`).toEqual(i);
      }
    }
    const [p, i] = await both('/v1/recommendations/batch', JSON.stringify({ items: [...docs, { service: 'Bad!' }] }), { 'content-type': 'application/json' });
    expect(p.status).toBe(200);
    expect(p).toEqual(i);
    const parsed = JSON.parse(p.body) as { succeeded: number; failed: number };
    expect([parsed.succeeded, parsed.failed]).toEqual([EXAMPLES.length, 1]);
  });

  it('client mistakes are the same problems: malformed YAML, invalid fields, a broken JSON body', async () => {
    const cases: Array<[string, string, Record<string, string>]> = [
      ['/v1/recommendations', 'service: [unclosed', { 'content-type': 'application/yaml' }],
      ['/v1/recommendations', '{"service":"a","traffic":{"peakRps":-5},"state":[{"name":"x","sizeKb":"big"}]}', { 'content-type': 'application/json' }],
      ['/v1/design-reviews', '{"service":', { 'content-type': 'application/json' }],
    ];
    for (const [path, body, headers] of cases) {
      const [p, i] = await both(path, body, headers);
      expect(p.status, body).toBe(400);
      expect(p.type).toBe('application/problem+json');
      expect(p, body).toEqual(i);
    }
  });
});

/** A batch that keeps one thread busy for a second or more: `n` of the most expensive documents we know. */
const heavyBatch = (n: number) => JSON.stringify({ items: Array.from({ length: n }, (_, i) => largestRequirements(200, i)) });
const post = (url: string, path: string, body: string, signal?: AbortSignal) =>
  fetch(url + path, { method: 'POST', body, headers: { 'content-type': 'application/json' }, ...(signal ? { signal } : {}) });

describe('bounded: one thread, one waiting task', () => {
  let small: TestServer;
  beforeAll(async () => { small = await testServer({ maxConcurrentBatches: 16, bodyLimitBytes: 1 << 20, pool: { threads: 1, maxQueue: 1, custom: [], workerFile: CRASH_WORKER } }); });
  afterAll(async () => { await small?.close(2000); });

  it('a full queue → 503 busy with Retry-After (problem details) on every advice route, at once; the admitted requests are answered', async () => {
    const admitted = [post(small.url, '/v1/recommendations/batch', heavyBatch(4)), post(small.url, '/v1/recommendations/batch', heavyBatch(1))];
    // Let both reach the pool before the next requests arrive.
    await new Promise((r) => setTimeout(r, 300));
    const refused = await Promise.all([
      post(small.url, '/v1/recommendations', '{"service":"a","traffic":{"peakRps":1}}').then(answer),
      post(small.url, '/v1/design-reviews', '{"service":"a","traffic":{"peakRps":1}}').then(answer),
      post(small.url, '/v1/recommendations/batch', '{"items":[{"service":"a","traffic":{"peakRps":1}}]}').then(answer),
    ]);
    for (const r of refused) {
      expect(r.status).toBe(503);
      expect(r.retryAfter).toBe('1');
      expect(r.type).toBe('application/problem+json');
      const p = ProblemSchema.parse(JSON.parse(r.body));
      expect(p.type).toMatch(/\/busy$/);
      expect(p.detail).toBe('1 advice tasks are waiting; the limit is 1. Retry after 1 s');
      expect(p.requestId).toBeTruthy();
    }
    for (const res of await Promise.all(admitted)) {
      expect(res.status).toBe(200);
      const body = JSON.parse(await res.text()) as { succeeded: number; failed: number };
      expect(body.failed).toBe(0);
      expect(body.succeeded).toBeGreaterThan(0);
    }
    // Drained: accepted again.
    expect((await post(small.url, '/v1/recommendations', '{"service":"a","traffic":{"peakRps":1}}')).status).toBe(200);
    expect(small.reports).toEqual([]);
  });

  it('a client that leaves while its task waits frees the slot at once (the next request is admitted while the first still runs)', async () => {
    let runningEndedAt = Infinity;
    // A task that holds the only thread for 4 s whatever the machine's speed (test double: HOLD-MS in the worker).
    const running = post(small.url, '/v1/recommendations', '{"service":"hold","description":"HOLD-MS-4000","traffic":{"peakRps":1}}').finally(() => { runningEndedAt = performance.now(); });
    // Wait for the server to hold each request (not a fixed pause: a loaded machine uploads and parses slower).
    const held = async (n: number) => { for (let i = 0; i < 500 && small.inFlight() < n; i++) await new Promise((r) => setTimeout(r, 20)); };
    await held(1);
    const leaving = new AbortController();
    const waiting = post(small.url, '/v1/recommendations/batch', heavyBatch(1), leaving.signal).catch((e: unknown) => e);
    await held(2);
    // Received is not yet queued: its body is read and checked on the event loop first.
    await new Promise((r) => setTimeout(r, 300));
    // The queue (1) is full now: proof that the leaving request's task really was waiting there. (A body no earlier
    // request sent: one already answered would come from the answer cache without queueing.)
    expect((await post(small.url, '/v1/recommendations', '{"service":"queue-probe","traffic":{"peakRps":1}}')).status).toBe(503);
    leaving.abort();
    expect(await waiting).toBeInstanceOf(Error);
    // Its slot is free again while the first batch still runs: the request is queued and answered, not refused.
    let next = 0;
    let sentAt = 0;
    for (let i = 0; i < 50 && next !== 200; i++) {
      sentAt = performance.now();
      next = (await post(small.url, '/v1/recommendations', '{"service":"after","traffic":{"peakRps":1}}')).status;
      if (next === 503) await new Promise((r) => setTimeout(r, 20));
    }
    expect(next).toBe(200);
    expect((await running).status).toBe(200);
    expect(sentAt, 'admitted while the first batch was still running').toBeLessThan(runningEndedAt);
    for (let i = 0; i < 500 && small.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(small.inFlight()).toBe(0);
    expect(small.reports).toEqual([]);
  });
});

describe('a bug in a worker thread → 500 for that request only; the pool recovers', () => {
  let crashy: TestServer;
  beforeAll(async () => { crashy = await testServer({ pool: { threads: 2, maxQueue: 8, custom: [], workerFile: CRASH_WORKER } }); });
  afterAll(async () => { await crashy?.close(2000); });

  for (const [marker, cause] of [['CRASH-THREAD', /worker exited with code: 3/], ['THROW-BUG', /advice worker bug/]] as const) {
    it(`${marker}: 500 internal problem naming the request id (cause on stderr, not to the client); bystanders and later requests 200`, async () => {
      const reportsBefore = crashy.reports.length;
      const [bad, bystander] = await Promise.all([
        post(crashy.url, '/v1/recommendations', JSON.stringify({ service: 'x', description: marker, traffic: { peakRps: 1 } })).then(answer),
        post(crashy.url, '/v1/recommendations', '{"service":"bystander","traffic":{"peakRps":1}}').then(answer),
      ]);
      expect(bad.status).toBe(500);
      expect(bad.type).toBe('application/problem+json');
      const p = ProblemSchema.parse(JSON.parse(bad.body));
      expect(p.type).toMatch(/\/internal$/);
      expect(p.detail).toBe(`unexpected failure; quote request id ${p.requestId} when reporting it`);
      expect(bad.body).not.toMatch(cause);
      expect(bystander.status).toBe(200);
      expect(JSON.parse(bystander.body).service).toBe('bystander');
      const reports = crashy.reports.slice(reportsBefore);
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatch(cause);
      expect(JSON.parse(reports[0]!).requestId).toBe(p.requestId);
      const later = await Promise.all(['a', 'b', 'c', 'd'].map((s) => post(crashy.url, '/v1/recommendations', JSON.stringify({ service: s, traffic: { peakRps: 1 } })).then(answer)));
      expect(later.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(later.map((r) => JSON.parse(r.body).service)).toEqual(['a', 'b', 'c', 'd']);
    });
  }
});

describe('statewise serve --rules DIR: the advice threads use the custom catalogue', () => {
  it('the answer carries the served rulesVersion and the team rule fires (the threads checked the version before listening)', async () => {
    const { dir, done } = catalogDir({
      'team.yaml': 'rules:\n  - id: team.push-stateful\n    kind: service\n    title: The team runs stateful services\n'
        + '    when: { fact: traffic.peakRps, gte: 1 }\n    effect: { stateful: 40 }\n    because: "our platform keeps state in process"\n    source: "team guidance"\n',
    });
    const server = await spawnServer(['--quiet', '--rules', dir, '--advice-threads', '1'], { startTimeoutMs: 60_000 });
    try {
      expect(server.stderr.join('\n')).toMatch(/advice on 1 thread, queue 256/);
      const health = await (await fetch(server.url + '/healthz')).json() as { rulesVersion: string };
      expect(health.rulesVersion).not.toBe(builtinEngine().rulesVersion);
      const res = await post(server.url, '/v1/recommendations', JSON.stringify({ service: 'api', traffic: { peakRps: 50 }, state: [{ name: 'cart', owner: 'user' }] }));
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text).rulesVersion).toBe(health.rulesVersion);
      expect(text).toContain('team.push-stateful');
    } finally {
      await server.stop(5000);
      done();
    }
  }, 90_000);
});
