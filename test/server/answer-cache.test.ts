import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReview, type Engine } from '../../rules/index.ts';
import { bodyString, recommendationText, type AdviceResult, type AdviceTask } from '../../server/advice-tasks.ts';
import { AdviceAborted, inlineAdvisor, type Advisor } from '../../server/advisor.ts';
import { cachedAdvisor, type AnswerCacheOptions, type CachedAdvisor } from '../../server/answer-cache.ts';
import { createApp } from '../../server/app.ts';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { ROOT, TODAY } from '../support/http.ts';
import { runs } from '../support/property.ts';

/**
 * The answer cache (server/answer-cache.ts) in front of the inline advisor with the real engine: what is a hit, what
 * is never kept, LRU order, both bounds, and the X-Statewise-Cache header through the app. Every expected answer is
 * computed here by a second engine with no cache at all. Over real HTTP and with the worker-thread pool:
 * answer-cache.system.test.ts.
 */

const never = () => new AbortController().signal;
const SHOP = readFileSync(join(ROOT, 'examples/online-shop.statewise.yaml'), 'utf8');
const CHAT = readFileSync(join(ROOT, 'examples/team-chat.statewise.yaml'), 'utf8');

let engine: Engine;
/** A second engine, compiled separately, that no cache stands in front of. */
let fresh: Engine;
beforeAll(() => { engine = builtinEngine(); fresh = builtinEngine(); });

/** The answer straight from the uncached engine. */
function expected(task: AdviceTask): string {
  if (task.kind === 'batch') throw new Error('not for batches');
  const requirements = requirementsFromText(task.body);
  const recommendation = fresh.advise(requirements, { today: task.today });
  if (task.kind === 'recommend') return recommendationText(recommendation);
  return renderReview({ requirements, recommendation, date: task.date ?? task.today, ...(task.source ? { source: task.source } : {}) });
}

/** The real inline advisor, counting the tasks that reach it (what the cache saves). */
function counted(inner: Advisor): Advisor & { calls: AdviceTask[] } {
  const calls: AdviceTask[] = [];
  return { ...inner, calls, run: (task, signal) => { calls.push(task); return inner.run(task, signal); } };
}

function withCache(inner: Advisor, options: AnswerCacheOptions): CachedAdvisor {
  const advisor = cachedAdvisor(inner, options);
  if (!('stats' in advisor)) throw new Error('expected a cached advisor');
  return advisor;
}

function answer(r: AdviceResult): { text: string; cached: boolean | undefined } {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues)}`);
  return { text: bodyString(r.body), cached: r.cached };
}

const LARGE = { entries: 256, maxBytes: 32 << 20 };
type Recommend = Extract<AdviceTask, { kind: 'recommend' }>;
type Review = Extract<AdviceTask, { kind: 'review' }>;
const recommend = (body: string, extra: Partial<Omit<Recommend, 'kind'>> = {}): Recommend => ({ kind: 'recommend', body, format: 'yaml', today: TODAY, ...extra });
const review = (body: string, extra: Partial<Omit<Review, 'kind'>> = {}): Review => ({ kind: 'review', body, format: 'yaml', today: TODAY, ...extra });

describe('hits', () => {
  it('a repeated recommendation or review is a hit, byte-identical to the first answer and to an uncached engine', async () => {
    const inner = counted(inlineAdvisor(engine));
    const advisor = withCache(inner, LARGE);
    for (const task of [recommend(SHOP), review(SHOP, { date: '2026-01-15', source: 'examples/online-shop.statewise.yaml' }), review(CHAT)]) {
      const first = answer(await advisor.run(task, never()));
      const second = answer(await advisor.run(task, never()));
      expect(first.cached).toBe(false);
      expect(second.cached).toBe(true);
      expect(second.text).toBe(first.text);
      expect(first.text).toBe(expected(task));
    }
    expect(inner.calls).toHaveLength(3);
    expect(advisor.stats()).toMatchObject({ entries: 3, hits: 3, misses: 3 });
    expect(advisor.description).toBe('inline, answer cache 256');
  });

  it('anything that changes the key is a miss: today, format, kind, review date, review source, one byte of the body', async () => {
    const inner = counted(inlineAdvisor(engine));
    const advisor = withCache(inner, LARGE);
    const json = JSON.stringify(requirementsFromText(SHOP), null, 2);
    // One indentation space turned into a tab: the same document, but not the same bytes.
    const oneByte = json.replace('\n  "', '\n \t"');
    expect(oneByte).not.toBe(json);
    expect(oneByte.length).toBe(json.length);
    const base = recommend(json, { format: 'json' });
    const variants: AdviceTask[] = [
      base,
      { ...base, today: '2026-11-27' },
      { ...base, format: 'yaml' }, // JSON is YAML too: the same answer, but another key
      review(json, { format: 'json' }),
      review(json, { format: 'json', date: '2026-01-15' }),
      review(json, { format: 'json', date: '2026-01-16' }),
      review(json, { format: 'json', date: '2026-01-15', source: 'a.yaml' }),
      review(json, { format: 'json', date: '2026-01-15', source: 'b.yaml' }),
      { ...base, body: oneByte },
      { ...base, body: json.replace('"peakRps": 800', '"peakRps": 801') },
    ];
    expect(json.replace('"peakRps": 800', '"peakRps": 801')).not.toBe(json);
    for (const task of variants) {
      const got = answer(await advisor.run(task, never()));
      expect(got.cached, JSON.stringify({ ...task, body: undefined })).toBe(false);
      expect(got.text).toBe(expected(task));
    }
    expect(inner.calls).toHaveLength(variants.length);
    // Each is now kept under its own key: all hits the second time round.
    for (const task of variants) expect(answer(await advisor.run(task, never())).cached).toBe(true);
    expect(advisor.stats()).toMatchObject({ entries: variants.length, hits: variants.length, misses: variants.length });
  });

  it('a review source cannot borrow bytes from the body to reach another key (as it could with a plain separator)', async () => {
    const advisor = withCache(inlineAdvisor(engine), LARGE);
    for (const sep of ['\n', '|', ',', '\0']) {
      // Joined with `sep`, both would read `…a<sep># c<sep>\n<shop>`.
      const a = review(`# c${sep}\n${SHOP}`, { source: 'a' });
      const b = review(`\n${SHOP}`, { source: `a${sep}# c` });
      expect(answer(await advisor.run(a, never())).cached).toBe(false);
      const got = answer(await advisor.run(b, never()));
      expect(got.cached, JSON.stringify(sep)).toBe(false);
      expect(got.text).toBe(expected(b));
    }
  });
});

describe('never kept', () => {
  it('batches: every run reaches the advisor, no cached flag, no entry', async () => {
    const inner = counted(inlineAdvisor(engine));
    const advisor = withCache(inner, LARGE);
    const task: AdviceTask = { kind: 'batch', items: [requirementsFromText(SHOP), requirementsFromText(CHAT)], today: TODAY };
    const first = await advisor.run(task, never());
    const second = await advisor.run(task, never());
    expect(first.ok && second.ok).toBe(true);
    expect(first.ok && 'cached' in first).toBe(false);
    expect(bodyString((second as { body: string }).body)).toBe(bodyString((first as { body: string }).body));
    expect(inner.calls).toHaveLength(2);
    expect(advisor.stats()).toEqual({ entries: 0, bytes: 0, hits: 0, misses: 0 });
  });

  it('a body that is not requirements: the same 400 issues both times, counted as two misses', async () => {
    const inner = counted(inlineAdvisor(engine));
    const advisor = withCache(inner, LARGE);
    for (const task of [recommend('service: x\ntraffic: { peakRps: lots }\n'), review('{"service": ', { format: 'json' })]) {
      const first = await advisor.run(task, never());
      const second = await advisor.run(task, never());
      expect(first.ok).toBe(false);
      expect(second).toEqual(first);
      expect('cached' in second).toBe(false);
    }
    expect(inner.calls).toHaveLength(4);
    expect(advisor.stats()).toEqual({ entries: 0, bytes: 0, hits: 0, misses: 4 });
  });

  it('a failure of the advisor: rejected every time, never kept', async () => {
    let calls = 0;
    const failing: Advisor = { description: 'broken', close: async () => {}, run: async () => { calls++; throw new Error('bug'); } };
    const advisor = withCache(failing, LARGE);
    await expect(advisor.run(recommend(SHOP), never())).rejects.toThrow('bug');
    await expect(advisor.run(recommend(SHOP), never())).rejects.toThrow('bug');
    expect(calls).toBe(2);
    expect(advisor.stats()).toMatchObject({ entries: 0, misses: 2 });
  });

  it('an answer larger than a quarter of the byte bound', async () => {
    const size = expected(recommend(SHOP)).length * 2;
    const advisor = withCache(inlineAdvisor(engine), { entries: 10, maxBytes: size * 3 });
    await advisor.run(recommend(SHOP), never());
    expect(answer(await advisor.run(recommend(SHOP), never())).cached).toBe(false);
    expect(advisor.stats()).toEqual({ entries: 0, bytes: 0, hits: 0, misses: 2 });
  });
});

describe('aborts', () => {
  it('a client already gone gets AdviceAborted, even when the answer is at hand', async () => {
    const advisor = withCache(inlineAdvisor(engine), LARGE);
    await advisor.run(recommend(SHOP), never());
    const gone = new AbortController();
    gone.abort();
    await expect(advisor.run(recommend(SHOP), gone.signal)).rejects.toBeInstanceOf(AdviceAborted);
    await expect(advisor.run(recommend(CHAT), gone.signal)).rejects.toBeInstanceOf(AdviceAborted);
    expect(advisor.stats()).toMatchObject({ entries: 1, hits: 0, misses: 1 });
  });
});

/** Distinct documents: the online shop under another service name each. */
const shopNamed = (i: number) => SHOP.replace(/^service: .*$/m, `service: shop-${i}`);

describe('bounds', () => {
  it('LRU: at the entry bound the least recently used answer goes, and a hit counts as a use', async () => {
    const inner = counted(inlineAdvisor(engine));
    const advisor = withCache(inner, { entries: 3, maxBytes: 32 << 20 });
    const [a, b, c, d] = [0, 1, 2, 3].map((i) => recommend(shopNamed(i)));
    for (const t of [a, b, c]) await advisor.run(t!, never());
    expect(answer(await advisor.run(a!, never())).cached).toBe(true); // a is now the most recent: b is the oldest
    await advisor.run(d!, never());
    expect(advisor.stats().entries).toBe(3);
    for (const t of [a, c, d]) expect(answer(await advisor.run(t!, never())).cached).toBe(true);
    const again = answer(await advisor.run(b!, never()));
    expect(again.cached).toBe(false);
    expect(again.text).toBe(expected(b!));
    expect(advisor.stats().entries).toBe(3);
  });

  it('the byte bound holds at every step while distinct documents pour in; the newest is always kept', async () => {
    // Room for four answers of this size (each entry is a little more: its key), so at most four stay.
    const one = 2 * expected(recommend(shopNamed(0))).length;
    const maxBytes = Math.floor(one * 4.5);
    const advisor = withCache(inlineAdvisor(engine), { entries: 1000, maxBytes });
    for (let i = 0; i < 12; i++) {
      const task = recommend(shopNamed(i));
      expect(answer(await advisor.run(task, never())).text).toBe(expected(task));
      const s = advisor.stats();
      expect(s.bytes).toBeLessThanOrEqual(maxBytes);
      expect(s.entries).toBeGreaterThanOrEqual(Math.min(i + 1, 3));
      expect(s.entries).toBeLessThanOrEqual(4);
      expect(answer(await advisor.run(task, never())).cached).toBe(true);
    }
    // The oldest went first.
    expect(answer(await advisor.run(recommend(shopNamed(0)), never())).cached).toBe(false);
  });

  it('entries 0: the advisor itself, unwrapped', async () => {
    const inner = inlineAdvisor(engine);
    expect(cachedAdvisor(inner, { entries: 0, maxBytes: 32 << 20 })).toBe(inner);
  });

  it('property: any sequence of requests gets the uncached answers; entries and bytes never pass their bounds; hits follow LRU', async () => {
    const tasks: AdviceTask[] = [
      ...[0, 1, 2, 3, 4].map((i) => recommend(shopNamed(i))),
      review(shopNamed(0)), review(shopNamed(0), { date: '2026-01-15' }), recommend(CHAT, { today: '2027-03-01' }),
    ];
    const want = tasks.map(expected);
    const largest = Math.max(...want.map((w) => 2 * w.length));
    await fc.assert(fc.asyncProperty(
      fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.array(fc.nat({ max: tasks.length - 1 }), { minLength: 1, maxLength: 25 }),
      async (maxEntries, byBytes, picks) => {
        // byBytes: a byte bound that holds about two answers, so it (not the entry count) decides what goes.
        const maxBytes = byBytes ? Math.floor(largest * 4.4) : 32 << 20;
        const advisor = withCache(inlineAdvisor(engine), { entries: maxEntries, maxBytes });
        const lru: number[] = []; // reference model, most recent last (used only when the entry count decides)
        for (const i of picks) {
          const got = answer(await advisor.run(tasks[i]!, never()));
          expect(got.text).toBe(want[i]);
          if (!byBytes) {
            expect(got.cached).toBe(lru.includes(i));
            if (lru.includes(i)) lru.splice(lru.indexOf(i), 1);
            else if (lru.length === maxEntries) lru.shift();
            lru.push(i);
          }
          const s = advisor.stats();
          expect(s.entries).toBeLessThanOrEqual(maxEntries);
          expect(s.bytes).toBeLessThanOrEqual(maxBytes);
        }
        expect(advisor.stats().hits + advisor.stats().misses).toBe(picks.length);
      },
    ), { numRuns: runs(25, 200) });
  });
});

describe('X-Statewise-Cache through the app', () => {
  const post = (app: ReturnType<typeof createApp>, path: string, body: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', body, headers: { 'content-type': 'application/yaml', ...headers } });

  it('miss, then hit with the same bytes, on both routes; the review as JSON is the cached Markdown', async () => {
    const app = createApp({ engine, accessLog: false, today: () => TODAY });
    for (const path of ['/v1/recommendations', '/v1/design-reviews?date=2026-01-15']) {
      const first = await post(app, path, SHOP);
      const second = await post(app, path, SHOP);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect(first.headers.get('x-statewise-cache'), path).toBe('miss');
      expect(second.headers.get('x-statewise-cache'), path).toBe('hit');
      expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
      const text = await first.text();
      expect(await second.text()).toBe(text);
      expect(text).toBe(expected(path.includes('review') ? review(SHOP, { date: '2026-01-15' }) : recommend(SHOP)));
    }
    // Accept is not part of the key: the JSON representation wraps the same Markdown.
    const json = await post(app, '/v1/design-reviews?date=2026-01-15', SHOP, { accept: 'application/json' });
    expect(json.headers.get('x-statewise-cache')).toBe('hit');
    expect(await json.json()).toEqual({ markdown: expected(review(SHOP, { date: '2026-01-15' })) });
  });

  it('answers are kept per API key: key B never learns that key A sent the same body (issue 28)', async () => {
    const keyA = 'a'.repeat(24);
    const keyB = 'b'.repeat(24);
    const inner = counted(inlineAdvisor(engine));
    const app = createApp({ engine, advisor: inner, apiKeys: [keyA, keyB], accessLog: false, today: () => TODAY });
    const as = (key: string) => ({ authorization: `Bearer ${key}` });
    for (const path of ['/v1/recommendations', '/v1/design-reviews']) {
      const a1 = await post(app, path, SHOP, as(keyA));
      const a2 = await post(app, path, SHOP, as(keyA));
      const b1 = await post(app, path, SHOP, as(keyB));
      const b2 = await post(app, path, SHOP, as(keyB));
      expect([a1.status, a2.status, b1.status, b2.status]).toEqual([200, 200, 200, 200]);
      expect([a1, a2, b1, b2].map((r) => r.headers.get('x-statewise-cache')), path).toEqual(['miss', 'hit', 'miss', 'hit']);
      expect(await b1.text()).toBe(await a1.text());
    }
    // B's first request was computed, not served from A's entry (so its speed cannot tell either).
    expect(inner.calls).toHaveLength(4);
  });

  it('the same body in two scopes is two entries; no scope (no keys configured) is a third', async () => {
    const inner = counted(inlineAdvisor(engine));
    const advisor = withCache(inner, LARGE);
    for (const task of [recommend(SHOP, { scope: 'key0' }), recommend(SHOP, { scope: 'key1' }), recommend(SHOP)]) {
      expect(answer(await advisor.run(task, never())).cached).toBe(false);
      expect(answer(await advisor.run(task, never())).cached).toBe(true);
    }
    expect(inner.calls).toHaveLength(3);
  });

  it('no header on a 400 or a batch, and none at all with entries 0 (answers unchanged)', async () => {
    const on = createApp({ engine, accessLog: false, today: () => TODAY });
    const off = createApp({ engine, accessLog: false, today: () => TODAY, answerCache: { entries: 0 } });
    for (let round = 0; round < 2; round++) {
      const bad = await post(on, '/v1/recommendations', 'service: x\ntraffic: { peakRps: lots }\n');
      expect(bad.status).toBe(400);
      expect(bad.headers.has('x-statewise-cache')).toBe(false);
      const batch = await on.request('/v1/recommendations/batch', {
        method: 'POST', body: JSON.stringify({ items: [requirementsFromText(SHOP)] }), headers: { 'content-type': 'application/json' },
      });
      expect(batch.status).toBe(200);
      expect(batch.headers.has('x-statewise-cache')).toBe(false);
      for (const path of ['/v1/recommendations', '/v1/design-reviews']) {
        const res = await post(off, path, SHOP);
        expect(res.status).toBe(200);
        expect(res.headers.has('x-statewise-cache')).toBe(false);
        expect(await res.text()).toBe(expected(path.includes('review') ? review(SHOP) : recommend(SHOP)));
      }
    }
  });
});
