import { workerData } from 'node:worker_threads';
import { move } from 'piscina';
import { BUILTIN_CATALOG, createEngine, loadCatalog, type CatalogSource, type Engine } from '../rules/index.ts';
import { nodeSha256 } from '../adapters/sha256.ts';
import { createAdviceTasks, STOPPED, STRING_HOP_MAX_CHARS, type AdviceRejection, type AdviceTask } from './advice-tasks.ts';

/**
 * The advice pool's worker thread (started by piscina, see server/advice-pool.ts). It builds its engine once, from
 * the catalogue text the main thread already read and checked, and then answers tasks until the pool stops it.
 * The main thread's live engine cannot cross threads; the text can, and compiles to the same catalogue version,
 * which the pool checks with a `version` task before the server listens.
 */

/** What the pool hands every worker at start (plain data, structured-cloned). */
export interface AdviceWorkerData {
  /** Custom catalogue files layered on the built-in ones, exactly as the main thread loaded them. */
  custom: CatalogSource[];
}

/**
 * A route's task with its cancel flag (an Int32Array over a SharedArrayBuffer: the event loop sets it to 1 when the
 * client leaves, the thread reads it between batch documents), or the pool's start-up check of the catalogue.
 */
export type WorkerTask = (AdviceTask & { cancel: Int32Array }) | { kind: 'version' };

/** The engine for the given start data; a catalogue the main thread accepted cannot fail here, so failing is a bug. */
export function workerEngine(data: AdviceWorkerData): Engine {
  const catalog = loadCatalog(BUILTIN_CATALOG, { custom: data.custom, sha256: nodeSha256 });
  if (!catalog.ok) throw new Error(`advice worker: the catalogue the main thread loaded does not load here: ${catalog.issues.map((i) => i.message).join('; ').slice(0, 300)}`);
  return createEngine(catalog.value, { sha256: nodeSha256 });
}

/**
 * What a thread answers: the response body — as text when it is under STRING_HOP_MAX_CHARS, else as UTF-8 bytes
 * moved to the event loop (piscina moves only a top-level value) — or why the body is not requirements, or, for
 * `version`, the catalogue version.
 */
export type WorkerResult = string | Uint8Array<ArrayBuffer> | AdviceRejection | { ok: true; version: string } | typeof STOPPED;


/** The task handler for one thread (its engine built once, here). */
export function workerHandler(data: AdviceWorkerData): (task: WorkerTask) => WorkerResult {
  const engine = workerEngine(data);
  const run = createAdviceTasks(engine);
  return (task) => {
    if (task.kind === 'version') return { ok: true, version: engine.rulesVersion };
    const { cancel } = task;
    const result = run(task, () => Atomics.load(cancel, 0) === 1);
    if (result === STOPPED) return result;
    if (!result.ok || result.body.length < STRING_HOP_MAX_CHARS) return result.ok ? result.body : result;
    // TextEncoder gives a buffer of its own (Buffer.from may share a pool slab, which a move would take away).
    return move(new TextEncoder().encode(result.body)) as Uint8Array<ArrayBuffer>;
  };
}

// The thread's composition root: piscina imports this module once per thread and calls the default export per task.
export default workerHandler(workerData as AdviceWorkerData);
