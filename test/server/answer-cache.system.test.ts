import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../adapters/index.ts';
import { renderReview, type Engine } from '../../rules/index.ts';
import { createAdvicePool } from '../../server/advice-pool.ts';
import { bodyString, recommendationText, STRING_HOP_MAX_CHARS, type AdviceResult, type AdviceTask } from '../../server/advice-tasks.ts';
import { AdviceAborted } from '../../server/advisor.ts';
import { cachedAdvisor, type CachedAdvisor } from '../../server/answer-cache.ts';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { largestRequirements } from '../support/fuzz/large.ts';
import { spawnServer, type ServerChild } from '../support/fuzz/server.ts';
import { ROOT, TODAY } from '../support/http.ts';

/**
 * The answer cache where it matters: in front of the worker-thread pool, whose answers over ~100 KB are bytes moved
 * from a thread (a cached buffer handed out twice must survive whatever the first holder did with it), and in the real
 * `statewise serve` over loopback, where X-Statewise-Cache says miss, then hit, with byte-identical bodies.
 */

const SHOP = readFileSync(join(ROOT, 'examples/online-shop.statewise.yaml'), 'utf8');
/** 40 items: an answer over STRING_HOP_MAX_CHARS, so the thread sends it as moved bytes. */
const LARGE = JSON.stringify(largestRequirements(40));
const CRASH_WORKER = new URL('../support/advice-worker-crash.js', import.meta.url);
const never = () => new AbortController().signal;

let engine: Engine;
beforeAll(() => { engine = builtinEngine(); });

const recommendText = (body: string, date: string) => recommendationText(engine.advise(requirementsFromText(body), { today: date }));

function bytesOf(r: AdviceResult): Uint8Array<ArrayBuffer> {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues)}`);
  expect(r.body).toBeInstanceOf(Uint8Array);
  return r.body as Uint8Array<ArrayBuffer>;
}

describe('in front of the worker-thread pool (real threads; the worker file adds HOLD-MS and THROW-BUG markers)', () => {
  let advisor: CachedAdvisor;
  beforeAll(async () => {
    const pool = await createAdvicePool({ threads: 1, maxQueue: 4, custom: [], rulesVersion: engine.rulesVersion, workerFile: CRASH_WORKER });
    const cached = cachedAdvisor(pool, { entries: 16, maxBytes: 32 << 20 });
    if (!('stats' in cached)) throw new Error('expected a cached advisor');
    advisor = cached;
  });
  afterAll(async () => { await advisor?.close(); });

  it('a cached answer stays intact however its earlier copies were moved away or overwritten', async () => {
    const task: AdviceTask = { kind: 'recommend', body: LARGE, format: 'json', today: TODAY };
    const want = recommendText(LARGE, TODAY);
    expect(want.length).toBeGreaterThan(STRING_HOP_MAX_CHARS);
    const miss = await advisor.run(task, never());
    expect(miss.ok && miss.cached).toBe(false);
    const first = bytesOf(miss);
    expect(new TextDecoder().decode(first)).toBe(want);
    // What a later consumer could do with a body: move its buffer to another thread (detaching it here) …
    structuredClone(first, { transfer: [first.buffer] });
    expect(first.byteLength).toBe(0);
    for (let round = 0; round < 3; round++) {
      const hit = await advisor.run(task, never());
      expect(hit.ok && hit.cached).toBe(true);
      const bytes = bytesOf(hit);
      expect(new TextDecoder().decode(bytes)).toBe(want);
      // … or write into it.
      bytes.fill(0x20);
      if (round === 1) structuredClone(bytes, { transfer: [bytes.buffer] });
    }
    expect(advisor.stats()).toMatchObject({ entries: 1, hits: 3, misses: 1 });
  });

  it('a client that leaves before its miss is computed gets AdviceAborted, and nothing is kept', async () => {
    const body = `service: held\ndescription: HOLD-MS-1500\ntraffic: { peakRps: 5 }\n`;
    const task: AdviceTask = { kind: 'recommend', body, format: 'yaml', today: TODAY };
    const before = advisor.stats();
    const leaving = new AbortController();
    const run = advisor.run(task, leaving.signal);
    setTimeout(() => leaving.abort(), 100);
    await expect(run).rejects.toBeInstanceOf(AdviceAborted);
    expect(advisor.stats()).toMatchObject({ entries: before.entries, misses: before.misses + 1 });
    // Asked again by a client that stays: computed (a miss), then kept.
    const again = await advisor.run(task, never());
    expect(again.ok && again.cached).toBe(false);
    expect(again.ok && bodyString(again.body)).toBe(recommendText(body, TODAY));
    expect((await advisor.run(task, never())).ok).toBe(true);
    expect(advisor.stats()).toMatchObject({ entries: before.entries + 1, hits: before.hits + 1 });
  });

  it('a thread that throws fails the request each time; the failure is never kept', async () => {
    const task: AdviceTask = { kind: 'recommend', body: 'service: buggy\ndescription: THROW-BUG\ntraffic: { peakRps: 5 }\n', format: 'yaml', today: TODAY };
    const before = advisor.stats();
    await expect(advisor.run(task, never())).rejects.toThrow(/advice worker bug/);
    await expect(advisor.run(task, never())).rejects.toThrow(/advice worker bug/);
    expect(advisor.stats()).toMatchObject({ entries: before.entries, hits: before.hits, misses: before.misses + 2 });
  });
});

describe('statewise serve over loopback', () => {
  const post = (server: ServerChild, path: string) =>
    fetch(server.url + path, { method: 'POST', body: SHOP, headers: { 'content-type': 'application/yaml' } });

  it('default: the start message names the cache; miss, then hit, byte-identical and as the engine answers', async () => {
    const server = await spawnServer(['--quiet', '--advice-threads', '1'], { startTimeoutMs: 60_000 });
    try {
      expect(server.stderr.join('\n')).toMatch(/advice on 1 thread, queue 256, answer cache 256\)/);
      const date = today();
      for (const [path, want] of [
        ['/v1/recommendations', recommendText(SHOP, date)],
        ['/v1/design-reviews?date=2026-01-15&source=shop.yaml', renderReview({
          requirements: requirementsFromText(SHOP), recommendation: engine.advise(requirementsFromText(SHOP), { today: date }),
          date: '2026-01-15', source: 'shop.yaml',
        })],
      ] as const) {
        const first = await post(server, path);
        const second = await post(server, path);
        expect([first.status, second.status]).toEqual([200, 200]);
        expect(first.headers.get('x-statewise-cache'), path).toBe('miss');
        expect(second.headers.get('x-statewise-cache'), path).toBe('hit');
        const [a, b] = [Buffer.from(await first.arrayBuffer()), Buffer.from(await second.arrayBuffer())];
        expect(b.equals(a), path).toBe(true);
        expect(a.toString('utf8')).toBe(want);
      }
    } finally {
      await server.stop(5000);
    }
  }, 90_000);

  it('--answer-cache 0: no header and no cache in the start message; the answers are the same', async () => {
    const server = await spawnServer(['--quiet', '--advice-threads', '1', '--answer-cache', '0'], { startTimeoutMs: 60_000 });
    try {
      const started = server.stderr.join('\n');
      expect(started).toMatch(/advice on 1 thread, queue 256\)/);
      expect(started).not.toMatch(/answer cache/);
      const want = recommendText(SHOP, today());
      for (let i = 0; i < 2; i++) {
        const res = await post(server, '/v1/recommendations');
        expect(res.status).toBe(200);
        expect(res.headers.has('x-statewise-cache')).toBe(false);
        expect(await res.text()).toBe(want);
      }
    } finally {
      await server.stop(5000);
    }
  }, 90_000);
});
