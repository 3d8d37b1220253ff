import { Piscina } from 'piscina';
import type { CatalogSource } from '../rules/index.ts';
import { STOPPED, type AdviceResult, type AdviceTask } from './advice-tasks.ts';
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

/** One request's task: waiting in our queue until `started`, then on a thread until piscina settles it. */
interface Job {
  task: AdviceTask & { cancel: Int32Array };
  started: boolean;
  resolve(result: AdviceResult): void;
  reject(error: unknown): void;
  /** Called once the thread is done with it (whether or not the request is still waiting). */
  done(): void;
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
    // Never used: at most `threads` tasks are handed over (see the queue below); it only covers a thread restarting.
    maxQueue: Infinity,
    concurrentTasksPerWorker: 1,
    niceIncrement: WORKER_NICE,
    workerData,
  });
  try {
    const answer = await pool.run({ kind: 'version' });
    const version = typeof answer === 'object' && 'version' in answer ? answer.version : '?';
    if (version !== options.rulesVersion) throw new Error(`advice threads compiled catalogue ${version}, the server ${options.rulesVersion}`);
  } catch (e) {
    await pool.destroy();
    throw e;
  }
  // The queue is ours, not piscina's: piscina is given at most `threads` tasks at once, so a task that waits can be
  // dropped when its client leaves, and one that runs is asked to stop (a batch, between documents) instead of
  // having its thread terminated. Terminating would cost a thread restart (tsx, catalogue: seconds on a busy machine)
  // per client that hangs up, which any client could repeat to keep the pool restarting.
  const waiting: Job[] = [];
  let running = 0;
  const pump = () => {
    while (running < threads && waiting.length > 0) {
      const job = waiting.shift()!;
      job.started = true;
      running++;
      // The thread is free before the request hears back, so whatever the request does next sees the slot free.
      const settle = (then: () => void) => { running--; job.done(); then(); pump(); };
      pool.run(job.task).then((result) => settle(() => {
        // Stopped: the request was answered as aborted already. (No answer body is the word itself: they are JSON or Markdown.)
        if (result === STOPPED) return;
        if (typeof result === 'string' || result instanceof Uint8Array) job.resolve({ ok: true, body: result as string | Uint8Array<ArrayBuffer> });
        else if (typeof result === 'object' && !result.ok) job.resolve(result);
        else job.reject(new Error(`advice thread answered a ${job.task.kind} task with ${JSON.stringify(result).slice(0, 100)}`));
      }), (e: unknown) => settle(() => job.reject(e)));
    }
  };
  return {
    description: `on ${threads} thread${threads === 1 ? '' : 's'}, queue ${maxQueue}`,
    run(task, signal) {
      if (signal.aborted) return Promise.reject(new AdviceAborted());
      if (running >= threads && waiting.length >= maxQueue) return Promise.reject(new AdviceQueueFull(waiting.length, maxQueue, retryAfterS));
      return new Promise<AdviceResult>((resolve, reject) => {
        const cancel = new Int32Array(new SharedArrayBuffer(4));
        const onAbort = () => {
          if (job.started) Atomics.store(cancel, 0, 1);
          else waiting.splice(waiting.indexOf(job), 1);
          reject(new AdviceAborted());
        };
        const job: Job = {
          task: { ...task, cancel }, started: false, resolve, reject,
          done: () => signal.removeEventListener('abort', onAbort),
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(job);
        pump();
      });
    },
    async close() {
      // After a drain nothing waits; after the shutdown deadline the connections were cut. Either way, settle all.
      for (const job of waiting.splice(0)) job.reject(new Error('the advice pool was closed'));
      await pool.destroy();
    },
  };
}
