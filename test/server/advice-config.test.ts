import { describe, expect, it } from 'vitest';
import { defaultAdviceThreads, resolveConfig, type ServeConfig } from '../../server/config.ts';
import { adviceWorkerFile } from '../../server/advice-worker-file.ts';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * `--advice-threads` / `--advice-queue` / `--answer-cache` and where the worker entry is found; the pool itself:
 * advice-pool.system.test.ts; the cache itself: answer-cache.test.ts.
 */

function ok(values: Record<string, string>, env: NodeJS.ProcessEnv = {}): ServeConfig {
  const r = resolveConfig(values, env, '/');
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
}

describe('advice threads per process: the cores shared out among the cluster, never oversubscribed', () => {
  it('cores ÷ processes, rounded down, at least one', () => {
    expect(defaultAdviceThreads(1, 2)).toBe(2);
    expect(defaultAdviceThreads(2, 2)).toBe(1);
    expect(defaultAdviceThreads(3, 8)).toBe(2);
    expect(defaultAdviceThreads(4, 2)).toBe(1);
    for (let cores = 1; cores <= 64; cores++) {
      for (let workers = 1; workers <= cores; workers++) expect(workers * defaultAdviceThreads(workers, cores)).toBeLessThanOrEqual(cores);
    }
  });

  it('auto follows --workers; a number wins; 0 means on the event loop; the queue defaults to 256 per process', () => {
    expect(ok({ workers: '64' })).toMatchObject({ adviceThreads: 1, adviceQueue: 256, maxBatches: 257 });
    expect(ok({ 'advice-threads': '3' })).toMatchObject({ adviceThreads: 3, adviceQueue: 256 });
    expect(ok({}, { STATEWISE_ADVICE_THREADS: '0', STATEWISE_ADVICE_QUEUE: '5' })).toMatchObject({ adviceThreads: 0, adviceQueue: 5 });
    expect(ok({ 'advice-threads': 'auto', 'advice-queue': '0' })).toMatchObject({ adviceQueue: 0 });
    // --max-batches defaults to every pool slot (threads + queue); on the event loop to cores, at least 2 (as before).
    expect(ok({ 'advice-threads': '2', 'advice-queue': '6' })).toMatchObject({ maxBatches: 8 });
    expect(ok({ 'advice-threads': '0' }).maxBatches).toBe(Math.max(2, availableParallelism()));
    expect(ok({ 'advice-threads': '2', 'max-batches': '3' })).toMatchObject({ maxBatches: 3 });
  });

  it('bad values name their flag or variable', () => {
    const errors = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
      const r = resolveConfig(values, env, '/');
      return r.ok ? [] : r.errors;
    };
    expect(errors({ 'advice-threads': 'many' })).toEqual(['--advice-threads: must be a number from 0 (advice on the event loop) to 64, or auto']);
    expect(errors({}, { STATEWISE_ADVICE_THREADS: '65' })).toEqual(['STATEWISE_ADVICE_THREADS: must be a number from 0 (advice on the event loop) to 64, or auto']);
    expect(errors({ 'advice-queue': '-1' })).toEqual(['--advice-queue: must be a whole number']);
  });
});

describe('--answer-cache: answers kept per process for repeated requests', () => {
  it('256 by default; the flag wins over STATEWISE_ANSWER_CACHE; 0 turns it off', () => {
    expect(ok({}).answerCache).toBe(256);
    expect(ok({}, { STATEWISE_ANSWER_CACHE: '12' }).answerCache).toBe(12);
    expect(ok({ 'answer-cache': '0' }, { STATEWISE_ANSWER_CACHE: '12' }).answerCache).toBe(0);
    expect(ok({ 'answer-cache': ' 100000 ' }).answerCache).toBe(100_000);
  });

  it('bad values name their flag or variable', () => {
    const errors = (values: Record<string, string>, env: NodeJS.ProcessEnv = {}) => {
      const r = resolveConfig(values, env, '/');
      return r.ok ? [] : r.errors;
    };
    expect(errors({ 'answer-cache': 'lots' })).toEqual(['--answer-cache: must be a whole number']);
    expect(errors({ 'answer-cache': '-1' })).toEqual(['--answer-cache: must be a whole number']);
    expect(errors({}, { STATEWISE_ANSWER_CACHE: '100001' })).toEqual([expect.stringMatching(/^STATEWISE_ANSWER_CACHE: /)]);
  });
});

describe('the worker entry next to the running module', () => {
  it('from the sources: the JS bootstrap that registers tsx (and it exists beside advice-worker.ts)', () => {
    const file = adviceWorkerFile();
    expect(file.pathname).toMatch(/\/server\/advice-worker\.boot\.js$/);
    expect(existsSync(fileURLToPath(file))).toBe(true);
    expect(existsSync(fileURLToPath(new URL('./advice-worker.ts', file)))).toBe(true);
  });

  it('from a CommonJS bundle in dist/: the compiled sibling dist/advice-worker.cjs', () => {
    expect(adviceWorkerFile('file:///srv/statewise/dist/cli.cjs').href).toBe('file:///srv/statewise/dist/advice-worker.cjs');
    expect(adviceWorkerFile('file:///srv/statewise/server/advice-pool.ts').href).toBe('file:///srv/statewise/server/advice-worker.boot.js');
  });
});
