import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderReview, type Engine } from '../../rules/index.ts';
import { createAdvicePool } from '../../server/advice-pool.ts';
import { bodyString, STRING_HOP_MAX_CHARS, type AdviceResult, type AdviceTask } from '../../server/advice-tasks.ts';
import { AdviceAborted, AdviceQueueFull, type Advisor } from '../../server/advisor.ts';
import { requirementsArb } from '../support/arbitraries.ts';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { largestRequirements } from '../support/fuzz/large.ts';
import { validateRequirements } from '../../rules/index.ts';
import { ROOT, TODAY } from '../support/http.ts';

/**
 * The advice pool (worker threads via piscina) against the engine called directly in this process: the same bytes
 * for every example and for generated documents, bounded waiting, dropped work for clients that left, and a crash
 * that costs one task only. Every pool here is real: real threads loading the TypeScript sources through tsx.
 */

const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const never = () => new AbortController().signal;

let engine: Engine;
let pool: Advisor;
beforeAll(async () => {
  engine = builtinEngine();
  pool = await createAdvicePool({ threads: 2, maxQueue: 64, custom: [], rulesVersion: engine.rulesVersion });
});
afterAll(async () => { await pool?.close(); });

/** How each answer crossed from its thread: as the string (under STRING_HOP_MAX_CHARS) or as moved bytes. */
const crossed = { string: 0, bytes: 0 };

/** The answer's text; a thread sends answers under ~100 KB as the string, longer ones as UTF-8 bytes moved over. */
function text(r: AdviceResult): string {
  if (!r.ok) throw new Error(`rejected: ${JSON.stringify(r.issues)}`);
  const s = bodyString(r.body);
  expect(typeof r.body === 'string' ? 'string' : r.body instanceof Uint8Array ? 'bytes' : 'other').toBe(s.length < STRING_HOP_MAX_CHARS ? 'string' : 'bytes');
  crossed[typeof r.body === 'string' ? 'string' : 'bytes']++;
  return s;
}

/** What the routes answered before the pool existed, computed here straight from the engine. */
const direct = {
  recommend: (yaml: string) => JSON.stringify(engine.advise(requirementsFromText(yaml), { today: TODAY }), null, 2) + '\n',
  review: (yaml: string, date: string, source: string) => {
    const requirements = requirementsFromText(yaml);
    return renderReview({ requirements, recommendation: engine.advise(requirements, { today: TODAY }), date, source });
  },
  batch: (items: unknown[]) => {
    const results = items.map((item, index) => {
      const req = validateRequirements(item);
      if (!req.ok) throw new Error('direct batch expects valid items');
      return { index, ok: true, recommendation: engine.advise(req.value, { today: TODAY }) };
    });
    return JSON.stringify({ results, succeeded: results.length, failed: 0 });
  },
};

describe('byte-identical to the engine in this process', () => {
  it(`every example (${EXAMPLES.length}) as YAML and as JSON, its review, and all of them as one batch`, async () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(10);
    const docs: unknown[] = [];
    for (const file of EXAMPLES) {
      const yaml = readFileSync(join(ROOT, 'examples', file), 'utf8');
      const data = parseYaml(yaml) as unknown;
      docs.push(data);
      const want = direct.recommend(yaml);
      expect(text(await pool.run({ kind: 'recommend', body: yaml, format: 'yaml', today: TODAY }, never())), file).toBe(want);
      expect(text(await pool.run({ kind: 'recommend', body: JSON.stringify(data), format: 'json', today: TODAY }, never())), file).toBe(want);
      const review = await pool.run({ kind: 'review', body: yaml, format: 'yaml', today: TODAY, date: '2026-01-15', source: `examples/${file}` }, never());
      expect(text(review), file).toBe(direct.review(yaml, '2026-01-15', `examples/${file}`));
    }
    expect(text(await pool.run({ kind: 'batch', items: docs, today: TODAY }, never()))).toBe(direct.batch(docs));
    // Both ways were taken: every single answer as its string, the batch of all examples (> 100 KB) as bytes.
    expect(crossed.bytes).toBeGreaterThanOrEqual(1);
    expect(crossed.string).toBeGreaterThanOrEqual(3 * EXAMPLES.length);
  });

  it('generated documents (fast-check): recommendation, batch with a broken item, and the rejection of a broken document', async () => {
    await fc.assert(fc.asyncProperty(requirementsArb(), fc.integer({ min: 0, max: 2 }), async (doc, breakAt) => {
      const body = JSON.stringify(doc);
      const got = await pool.run({ kind: 'recommend', body, format: 'json', today: TODAY }, never());
      expect(text(got)).toBe(JSON.stringify(engine.advise(requirementsFromText(body), { today: TODAY }), null, 2) + '\n');
      // A batch of three where one item is broken: the others are answered, the broken one carries its own problem.
      const items: unknown[] = [doc, doc, doc];
      items[breakAt] = { ...doc, traffic: { peakRps: -1 } };
      const batch = JSON.parse(text(await pool.run({ kind: 'batch', items, today: TODAY }, never()))) as {
        results: Array<{ index: number; ok: boolean; recommendation?: unknown; problem?: { errors: Array<{ pointer: string }> } }>; succeeded: number; failed: number;
      };
      expect([batch.succeeded, batch.failed]).toEqual([2, 1]);
      const wantRec = JSON.parse(JSON.stringify(engine.advise(requirementsFromText(body), { today: TODAY }))) as unknown;
      for (const r of batch.results) {
        if (r.index === breakAt) expect(r.problem!.errors.map((e) => e.pointer)).toContain(`/items/${breakAt}/traffic/peakRps`);
        else expect(r.recommendation).toEqual(wantRec);
      }
      const bad = await pool.run({ kind: 'recommend', body: JSON.stringify(items[breakAt]), format: 'json', today: TODAY }, never());
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        expect(bad.kind).toBe('invalid-requirements');
        expect(bad.issues.map((i) => i.pointer)).toContain('/traffic/peakRps');
      }
    }), { numRuns: 40, seed: 20261130 });
  });
});

describe('a custom catalogue (--rules DIR)', () => {
  const team = 'rules:\n  - id: team.push-stateful\n    kind: service\n    title: The team runs stateful services\n'
    + '    when: { fact: traffic.peakRps, gte: 1 }\n    effect: { stateful: 40 }\n    because: "our platform keeps state in process"\n    source: "team guidance"\n';

  it('the threads compile the text the main thread read: same version, the team rule fires, same bytes as the engine here', async () => {
    const custom = [{ name: 'team/team.yaml', text: team }];
    const teamEngine = builtinEngine(custom);
    expect(teamEngine.rulesVersion).not.toBe(engine.rulesVersion);
    const teamPool = await createAdvicePool({ threads: 1, maxQueue: 4, custom, rulesVersion: teamEngine.rulesVersion });
    try {
      const body = JSON.stringify({ service: 'api', traffic: { peakRps: 50 }, state: [{ name: 'cart', owner: 'user' }] });
      const got = text(await teamPool.run({ kind: 'recommend', body, format: 'json', today: TODAY }, never()));
      expect(got).toBe(JSON.stringify(teamEngine.advise(requirementsFromText(body), { today: TODAY }), null, 2) + '\n');
      expect(got).toContain('team.push-stateful');
      expect(got).not.toBe(direct.recommend(body));
    } finally {
      await teamPool.close();
    }
  });
});

/** A task that keeps a thread busy for a while (the most expensive document we know, several times). */
const heavy = (copies = 3): AdviceTask => ({ kind: 'batch', items: Array.from({ length: copies }, (_, i) => largestRequirements(200, i)), today: TODAY });

describe('bounded and cancellable', () => {
  it('running + waiting tasks are capped: one more is refused at once with AdviceQueueFull; after the work drains it is accepted', async () => {
    const small = await createAdvicePool({ threads: 1, maxQueue: 2, custom: [], rulesVersion: engine.rulesVersion, retryAfterS: 2 });
    try {
      const admitted = [small.run(heavy(), never()), small.run(heavy(1), never()), small.run(heavy(1), never())];
      const refused = await small.run(heavy(1), never()).then(() => undefined, (e: unknown) => e);
      expect(refused).toBeInstanceOf(AdviceQueueFull);
      expect(refused).toMatchObject({ waiting: 2, limit: 2, retryAfterS: 2 });
      for (const r of await Promise.all(admitted)) expect(r.ok).toBe(true);
      expect((await small.run({ kind: 'recommend', body: '{"service":"a","traffic":{"peakRps":1}}', format: 'json', today: TODAY }, never())).ok).toBe(true);
    } finally {
      await small.close();
    }
  });

  it('a waiting task whose signal aborts is dropped (its slot is free again at once); a running batch gives up at its next document, on the same thread', async () => {
    const small = await createAdvicePool({ threads: 1, maxQueue: 1, custom: [], rulesVersion: engine.rulesVersion });
    try {
      // How long the whole batch takes, measured in this run (the machine's speed varies from run to run).
      let t = performance.now();
      expect((await small.run(heavy(4), never())).ok).toBe(true);
      const fullMs = performance.now() - t;

      const runningCtl = new AbortController();
      const running = small.run(heavy(4), runningCtl.signal).then(() => 'finished', (e: unknown) => e);
      const waitingCtl = new AbortController();
      const waiting = small.run(heavy(1), waitingCtl.signal).then(() => 'finished', (e: unknown) => e);
      await expect(small.run(heavy(1), never())).rejects.toBeInstanceOf(AdviceQueueFull);
      waitingCtl.abort();
      expect(await waiting).toBeInstanceOf(AdviceAborted);
      // The dropped task no longer counts: the queue takes another one while the batch is still running.
      const next = small.run({ kind: 'recommend', body: '{"service":"after","traffic":{"peakRps":1}}', format: 'json', today: TODAY }, never());
      t = performance.now();
      runningCtl.abort();
      expect(await running).toBeInstanceOf(AdviceAborted);
      expect(JSON.parse(text(await next)).service).toBe('after');
      const afterAbortMs = performance.now() - t;
      console.log(`whole batch ${fullMs.toFixed(0)} ms; after the abort the next task was answered in ${afterAbortMs.toFixed(0)} ms`);
      // At most one more of the four documents ran (and no thread restart, which alone takes seconds here).
      expect(afterAbortMs).toBeLessThan(fullMs * 0.75);
    } finally {
      await small.close();
    }
  });
});

describe('a bug in a worker costs one task, not the pool', () => {
  const crashFile = new URL('../support/advice-worker-crash.js', import.meta.url);
  const ok = (service: string): AdviceTask => ({ kind: 'recommend', body: JSON.stringify({ service, traffic: { peakRps: 3 } }), format: 'json', today: TODAY });

  it('a thread that dies rejects only its own task; the other thread answers meanwhile and the pool answers afterwards', async () => {
    const crashy = await createAdvicePool({ threads: 2, maxQueue: 8, custom: [], rulesVersion: engine.rulesVersion, workerFile: crashFile });
    try {
      const [crashed, other] = await Promise.all([
        crashy.run({ kind: 'recommend', body: '{"service":"CRASH-THREAD","traffic":{"peakRps":1}}', format: 'json', today: TODAY }, never()).then(() => undefined, (e: unknown) => e),
        crashy.run(ok('bystander'), never()),
      ]);
      expect(crashed).toBeInstanceOf(Error);
      expect(crashed).not.toBeInstanceOf(AdviceAborted);
      expect(String((crashed as Error).message)).toMatch(/exited with code: 3/);
      expect(text(other)).toBe(direct.recommend(JSON.stringify({ service: 'bystander', traffic: { peakRps: 3 } })));
      // Recovered: both threads (the replacement included) answer, four tasks at once.
      const after = await Promise.all(['a', 'b', 'c', 'd'].map((s) => crashy.run(ok(s), never())));
      expect(after.map((r) => JSON.parse(text(r)).service)).toEqual(['a', 'b', 'c', 'd']);
    } finally {
      await crashy.close();
    }
  });

  it('a handler that throws rejects that task with the error; the thread keeps answering', async () => {
    const crashy = await createAdvicePool({ threads: 1, maxQueue: 8, custom: [], rulesVersion: engine.rulesVersion, workerFile: crashFile });
    try {
      await expect(crashy.run({ kind: 'recommend', body: '{"service":"THROW-BUG","traffic":{"peakRps":1}}', format: 'json', today: TODAY }, never()))
        .rejects.toThrow(/advice worker bug/);
      expect(JSON.parse(text(await crashy.run(ok('next'), never()))).service).toBe('next');
    } finally {
      await crashy.close();
    }
  });

  it('threads that compiled another catalogue than the server → the pool refuses to start (the server would not listen)', async () => {
    await expect(createAdvicePool({ threads: 1, maxQueue: 1, custom: [], rulesVersion: 'statewise-rules@0.0.0+different' }))
      .rejects.toThrow(/advice threads compiled catalogue statewise-rules@.* the server statewise-rules@0.0.0\+different/);
  });
});
