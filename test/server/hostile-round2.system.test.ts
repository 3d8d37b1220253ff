import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdviseOptions, Detail, Engine, Requirements } from '../../rules/index.ts';
import { ProblemSchema, type Problem } from '../../server/http/problem.ts';
import { MAX_BATCH_STATE_ITEMS } from '../../server/http/schemas.ts';
import { builtinEngine } from '../support/engine.ts';
import { rawRequest, testServer, type TestServer } from '../support/http.ts';

/**
 * Issue 12 ("Hardening round 2"): the attacks of the outside probe, each against a real server on loopback.
 * Time bounds are generous (1.5 s where the bug took 9–80 s) so a busy 2-core machine does not make them flaky.
 */

/** Counts advice calls, so a test can see the server stop working for a client that left. */
function countingEngine(): Engine & { calls: number } {
  const engine = builtinEngine();
  const counted = Object.create(engine) as Engine & { calls: number };
  counted.calls = 0;
  counted.advise = ((req: Requirements, options?: AdviseOptions & { detail?: Detail }) => { counted.calls++; return engine.advise(req, { ...options, detail: options?.detail ?? 'full' }); }) as Engine['advise'];
  return counted;
}

let server: TestServer;
let counting: TestServer & { engine: Engine & { calls: number } };
beforeAll(async () => {
  const engine = countingEngine();
  [server, counting] = await Promise.all([
    testServer({ maxConcurrentBatches: 2 }),
    testServer({ engine }).then((s) => Object.assign(s, { engine })),
  ]);
});
afterAll(async () => { await Promise.all([server.close(1000), counting.close(1000)]); });

interface Answer { status: number; type: string; text: string; ms: number; headers: Headers }

async function post(body: string, type: string, path: string, s: TestServer = server): Promise<Answer> {
  const t = performance.now();
  const res = await fetch(s.url + path, { method: 'POST', body, headers: { 'content-type': type }, signal: AbortSignal.timeout(60_000) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), ms: performance.now() - t, headers: res.headers };
}

function problemOf(r: Answer): Problem {
  expect(r.type).toBe('application/problem+json');
  const p = ProblemSchema.parse(JSON.parse(r.text));
  expect(p.status).toBe(r.status);
  return p;
}

async function healthMs(s: TestServer = server): Promise<number> {
  const t = performance.now();
  const res = await fetch(s.url + '/healthz', { signal: AbortSignal.timeout(60_000) });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
  return performance.now() - t;
}

/** `n` lines `kXXX:` (three base-36 digits, as the probe sent them). */
const emptyKeys = (n: number, indent = '') => Array.from({ length: n }, (_, i) => `${indent}k${i.toString(36).padStart(3, '0')}:`).join('\n') + '\n';

describe('HIGH: many keys in one YAML or JSON body', () => {
  const attacks: [string, string, string][] = [
    ['43,000 empty keys (258 KB)', '/v1/recommendations', `service: a\ntraffic: { peakRps: 1 }\n${emptyKeys(43_000)}`],
    ['43,000 empty keys (258 KB)', '/v1/design-reviews', `service: a\ntraffic: { peakRps: 1 }\n${emptyKeys(43_000)}`],
    ['10k keys under description', '/v1/design-reviews', `service: a\ntraffic: { peakRps: 1 }\ndescription:\n${emptyKeys(10_000, '  ')}`],
    ['10k keys inside a state item', '/v1/design-reviews', `service: a\ntraffic: { peakRps: 1 }\nstate:\n  - name: x\n${emptyKeys(10_000, '    ')}`],
  ];
  for (const [what, path, body] of attacks) {
    it(`${what} on ${path} → 400 naming the limit in well under a second, /healthz answered meanwhile (took 80 s)`, async () => {
      expect(body.length).toBeLessThan(256 * 1024);
      const attack = post(body, 'application/yaml', path);
      const health = healthMs();
      const r = await attack;
      expect(r.status).toBe(400);
      expect(problemOf(r).detail).toMatch(/more than 10000 keys and list items; the limit is 10000/);
      expect(r.ms).toBeLessThan(1500);
      expect(await health).toBeLessThan(1500);
    });
  }

  it('20,000 unknown keys as JSON → 400 before JSON.parse and zod', async () => {
    const body = JSON.stringify({ service: 'a', traffic: { peakRps: 1 }, ...Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, 0])) });
    expect(body.length).toBeLessThan(256 * 1024);
    const r = await post(body, 'application/json', '/v1/recommendations');
    expect(r.status).toBe(400);
    expect(problemOf(r).detail).toMatch(/the limit is 10000/);
    expect(r.ms).toBeLessThan(1500);
  });
});

describe('MEDIUM: bounded work per batch and in flight', () => {
  const doc = (items: number, i = 0) => ({
    service: `s${i}`, traffic: { peakRps: 100 + i, spiky: true, regions: 2 }, context: { memory: 'session', realtime: 'bidirectional' },
    state: Array.from({ length: items }, (_, k) => ({ name: `i${k}`, sizeKb: 1 + ((k * 7 + i) % 50), lossImpact: k % 2 ? 'costly' : 'annoying', hotPath: k % 3 === 0 })),
  });

  it(`more than ${MAX_BATCH_STATE_ITEMS} state items across a batch → 413 batch-too-large, before any advice`, async () => {
    const before = counting.engine.calls;
    const r = await post(JSON.stringify({ items: Array.from({ length: 11 }, (_, i) => doc(200, i)) }), 'application/json', '/v1/recommendations/batch', counting);
    expect(r.status).toBe(413);
    const p = problemOf(r);
    expect(p.type).toMatch(/batch-too-large$/);
    expect(p.detail).toMatch(/2200 state items in all; the limit is 2000/);
    expect(counting.engine.calls).toBe(before);
    // Exactly at the cap is answered.
    const ok = await post(JSON.stringify({ items: Array.from({ length: 10 }, (_, i) => doc(200, i)) }), 'application/json', '/v1/recommendations/batch', counting);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).succeeded).toBe(10);
  });

  it('16 heavy batches at once: past the cap of 2 running batches the rest get 503 + Retry-After, /healthz stays answered', async () => {
    const body = JSON.stringify({ items: Array.from({ length: 10 }, (_, i) => doc(200, i)) });
    const probes: number[] = [];
    let done = false;
    const probing = (async () => {
      while (!done) {
        probes.push(await healthMs());
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const answers = await Promise.all(Array.from({ length: 16 }, () => post(body, 'application/json', '/v1/recommendations/batch')));
    done = true;
    await probing;
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join()).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThanOrEqual(1);
    for (const a of answers.filter((x) => x.status === 503)) {
      expect(a.headers.get('retry-after')).toBe('1');
      expect(problemOf(a).type).toMatch(/overloaded$/);
    }
    const sorted = [...probes].sort((a, b) => a - b);
    const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
    console.log(`16 batches: ${statuses.filter((s) => s === 200).length} × 200, ${statuses.filter((s) => s === 503).length} × 503; /healthz ${probes.length} probes, p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`);
    expect(probes.length).toBeGreaterThan(0);
    expect(sorted[sorted.length - 1]).toBeLessThan(1500);
    // Every admitted batch finished: the cap is released afterwards.
    expect((await post(body, 'application/json', '/v1/recommendations/batch')).status).toBe(200);
  });

  it('a client that closes its socket mid-batch: the server stops advising for it', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ service: `s${i}`, traffic: { peakRps: 1 + i }, state: [{ name: 'a' }, { name: 'b' }] }));
    const before = counting.engine.calls;
    const controller = new AbortController();
    const sent = fetch(counting.url + '/v1/recommendations/batch', { method: 'POST', body: JSON.stringify({ items }), headers: { 'content-type': 'application/json' }, signal: controller.signal });
    // Wait until the batch is being worked on, then hang up.
    for (let i = 0; i < 200 && counting.engine.calls === before; i++) await new Promise((r) => setTimeout(r, 5));
    controller.abort();
    await sent.catch(() => undefined);
    for (let i = 0; i < 100 && counting.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(counting.inFlight()).toBe(0);
    const advised = counting.engine.calls - before;
    console.log(`client left after ${advised} of 1000 documents had been advised`);
    expect(advised).toBeGreaterThan(0);
    expect(advised).toBeLessThan(1000);
    expect(counting.reports).toEqual([]);
  });
});

describe('LOW (h): DNS rebinding — only the names the server is meant to be reached under', () => {
  it('a foreign Host → 421 problem; loopback names (with and without port) are answered', async () => {
    const port = new URL(server.url).port;
    for (const host of ['evil.example', `evil.example:${port}`, '127.0.0.1.evil.example', 'localhost.evil.example']) {
      for (const path of ['/healthz', '/v1/rules']) {
        const r = await rawRequest(server.url + path, { headers: { host } });
        expect(r.status, `${host} ${path}`).toBe(421);
        expect(r.headers['content-type']).toBe('application/problem+json');
        expect(JSON.parse(r.body).type).toMatch(/misdirected-request$/);
      }
    }
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await rawRequest(server.url + '/healthz', { headers: { host } })).status, host).toBe(200);
    }
  });

  it('configured names are answered and nothing else; no check at all when allowedHosts is undefined (bound to 0.0.0.0)', async () => {
    const named = await testServer({ allowedHosts: ['api.example.com'] });
    const open = await testServer({ allowedHosts: undefined });
    try {
      expect((await rawRequest(named.url + '/healthz', { headers: { host: 'api.example.com:443' } })).status).toBe(200);
      expect((await rawRequest(named.url + '/healthz', { headers: { host: 'localhost' } })).status).toBe(421);
      expect((await rawRequest(open.url + '/healthz', { headers: { host: 'anything.example' } })).status).toBe(200);
    } finally {
      await Promise.all([named.close(1000), open.close(1000)]);
    }
  });
});
