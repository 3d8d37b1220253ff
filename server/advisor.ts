import type { Engine } from '../rules/index.ts';
import { batchEntries, createAdviceTasks, type AdviceResult, type AdviceTask, type TextResult } from './advice-tasks.ts';

/**
 * Where the advice routes send their CPU work: inline (on the event loop, for `app.request` unit tests and
 * `--advice-threads 0`) or a worker-thread pool (what `statewise serve` uses). Both run server/advice-tasks.ts, so
 * the answers are the same bytes; only where the CPU time is spent differs.
 */
export interface Advisor {
  /**
   * Runs one task. Rejects with AdviceQueueFull when the work waiting is at its limit (the route answers 503) and
   * with AdviceAborted once `signal` aborts (the client left; waiting work is dropped, a running batch stops at its
   * next document, a single running document finishes and its answer is thrown away).
   * Any other rejection is a bug and becomes a 500 for this request only.
   */
  run(task: AdviceTask, signal: AbortSignal): Promise<AdviceResult>;
  /** Stops the threads (no-op inline); tasks still running are rejected. */
  close(): Promise<void>;
  /** For the start message ("advice …"): `inline` or `on 2 threads, queue 32` (the answer cache adds `, answer cache 256`). */
  readonly description: string;
}

/** The pool's queue is full: answer 503 and tell the client when to come back. */
export class AdviceQueueFull extends Error {
  constructor(readonly waiting: number, readonly limit: number, readonly retryAfterS: number) {
    super(`${waiting} advice tasks are waiting; the limit is ${limit}`);
    this.name = 'AdviceQueueFull';
  }
}

/** The request's signal aborted (the client closed the connection) before its advice was done. */
export class AdviceAborted extends Error {
  constructor() {
    super('the client closed the connection before the answer was ready');
    this.name = 'AdviceAborted';
  }
}

/**
 * Most CPU time an inline batch takes before letting other requests in. By time, not item count: one document with
 * 200 state items costs ~0.5 s on a busy machine, so "every 50 items" could hold the event loop for half a minute
 * (measured with scripts/reliability/batch-starvation.ts).
 */
const YIELD_AFTER_MS = 20;

/**
 * Advice on the event loop with `engine`. A batch yields between documents after every 20 ms of CPU and stops at
 * the next document once the client has gone; a single document cannot be interrupted.
 * @example const advisor = inlineAdvisor(engine); await advisor.run({ kind: 'recommend', body, format: 'json', today }, signal)
 */
export function inlineAdvisor(engine: Engine): Advisor {
  const run = createAdviceTasks(engine);
  return {
    description: 'inline',
    async run(task, signal) {
      if (signal.aborted) throw new AdviceAborted();
      if (task.kind !== 'batch') return run(task) as TextResult;
      const entries = batchEntries(engine, task.items, task.today);
      let sliceStart = performance.now();
      for (const _ of entries) {
        if (performance.now() - sliceStart > YIELD_AFTER_MS) {
          await new Promise((r) => setImmediate(r));
          sliceStart = performance.now();
        }
        if (signal.aborted) throw new AdviceAborted();
      }
      return { ok: true, body: entries.finish() };
    },
    close: async () => {},
  };
}
