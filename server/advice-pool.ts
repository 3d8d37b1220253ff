import { Piscina } from 'piscina';
import type { CatalogSource } from '../rules/index.ts';
import type { AdviceWorkerData, WorkerResult, WorkerTask } from './advice-worker.ts';
import { adviceWorkerFile } from './advice-worker-file.ts';
import { AdviceAborted, AdviceQueueFull, type Advisor } from './advisor.ts';

/**
 * Advice off the event loop: a fixed set of worker threads (piscina) each holding its own engine. The event loop
 * only reads bodies, writes answers and answers probes, so `/healthz` stays fast however much advice is queued.
 */

export interface AdvicePoolOptions {
  /** Worker threads (each one core's worth of advice). */
  threads: number;
  /** Tasks that may wait for a thread; one more is refused (503). Bounds memory: each holds its request body. */
  maxQueue: number;
  /** Custom catalogue files, as the main thread read them; the workers compile the same text. */
  custom: readonly CatalogSource[];
  /** The main thread's catalogue version: the pool refuses to start when its threads compiled another one. */
  rulesVersion: string;
  /** Seconds a refused client is told to wait (Retry-After); default 1. */
  retryAfterS?: number;
  /** Worker entry; default adviceWorkerFile(). Tests point it at a wrapper that can crash on demand. */
  workerFile?: URL;
}

/**
 * Scheduling priority of the worker threads relative to the event loop (Linux nice, per thread): advice yields the
 * core to the event loop's short bursts (probes, reading bodies, writing answers) instead of sharing it equally.
 */
const WORKER_NICE = 5;

/**
 * Starts the threads and resolves once one of them has compiled the catalogue and reported the same version as the
 * main thread (so the server listens only when advice can be answered). Rejects, with the threads stopped, otherwise.
 * @example const advisor = await createAdvicePool({ threads: 2, maxQueue: 32, custom: [], rulesVersion: engine.rulesVersion })
 */
export async function createAdvicePool(options: AdvicePoolOptions): Promise<Advisor> {
  const { threads, maxQueue } = options;
  const retryAfterS = options.retryAfterS ?? 1;
  const workerData: AdviceWorkerData = { custom: [...options.custom] };
  const pool = new Piscina<WorkerTask, WorkerResult>({
    filename: (options.workerFile ?? adviceWorkerFile()).href,
    minThreads: threads,
    maxThreads: threads,
    // The bound is enforced below (running + waiting), so a refusal is our own typed error, not a library message.
    maxQueue: Infinity,
    concurrentTasksPerWorker: 1,
    niceIncrement: WORKER_NICE,
    workerData,
  });
  try {
    const answer = await pool.run({ kind: 'version' });
    const version = 'version' in answer ? answer.version : '?';
    if (version !== options.rulesVersion) throw new Error(`advice threads compiled catalogue ${version}, the server ${options.rulesVersion}`);
  } catch (e) {
    await pool.destroy();
    throw e;
  }
  // Tasks submitted and not yet settled: at most `threads` run, the rest wait in piscina's queue.
  let pending = 0;
  return {
    description: `on ${threads} thread${threads === 1 ? '' : 's'}, queue ${maxQueue}`,
    async run(task, signal) {
      if (signal.aborted) throw new AdviceAborted();
      if (pending >= threads + maxQueue) throw new AdviceQueueFull(pending - threads, maxQueue, retryAfterS);
      pending++;
      try {
        // piscina drops a queued task when the signal aborts, and stops (then replaces) the thread running one.
        const result = await pool.run(task, { signal });
        if (result instanceof Uint8Array) return { ok: true, body: result as Uint8Array<ArrayBuffer> };
        if (!result.ok) return result;
        throw new Error(`advice thread answered a ${task.kind} task with ${JSON.stringify(result).slice(0, 100)}`);
      } catch (e) {
        if (signal.aborted) throw new AdviceAborted();
        throw e;
      } finally {
        pending--;
      }
    },
    close: () => pool.destroy(),
  };
}
