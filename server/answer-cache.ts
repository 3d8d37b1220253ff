import type { AdviceResult, AdviceTask } from './advice-tasks.ts';
import { AdviceAborted, type Advisor } from './advisor.ts';

/**
 * Answers kept for repeated requests. CI jobs and editors send the same requirements file again and again, and the
 * engine is deterministic: the same body, format and date give the same bytes. A repeat is answered from memory
 * without parsing, validation, advice, serialization or the hop to an advice thread.
 */

/** Response header on recommendation and design-review answers while the cache is on: `hit` or `miss`. */
export const ANSWER_CACHE_HEADER = 'X-Statewise-Cache';

export interface AnswerCacheOptions {
  /** Most answers kept; 0 turns the cache off. */
  entries: number;
  /** Most bytes kept (keys and answers, counted as below); an answer over a quarter of it is never kept. */
  maxBytes: number;
}

export interface AnswerCacheStats {
  entries: number;
  /** What the entries hold, by the count in `sizeOf`; never more than `maxBytes`. */
  bytes: number;
  hits: number;
  /** Cacheable tasks (recommend, review) not found, whatever their outcome (an answer, a 400, a failure). */
  misses: number;
}

/** An advisor with an answer cache in front of it. */
export interface CachedAdvisor extends Advisor {
  stats(): AnswerCacheStats;
}

type Answer = string | Uint8Array<ArrayBuffer>;
interface Entry { answer: Answer; bytes: number }

/**
 * Puts an LRU cache of successful `recommend` and `review` answers in front of `advisor`; with `entries` 0 it returns
 * `advisor` itself. Batches, 400 rejections and failures are never kept. Answers carry `cached: true | false`, which
 * the routes turn into the X-Statewise-Cache header.
 *
 * Identical requests arriving together each compute their answer (no coalescing): sharing one computation would
 * need the abort of one client not to stop the work the others wait for, i.e. reference-counted cancellation
 * across the pool's queue, for a case (the same file at the same instant) that costs one extra advice at most.
 * @example const advisor = cachedAdvisor(inlineAdvisor(engine), { entries: 256, maxBytes: 32 << 20 })
 */
export function cachedAdvisor(advisor: Advisor, options: AnswerCacheOptions): Advisor | CachedAdvisor {
  const { entries: maxEntries, maxBytes } = options;
  if (maxEntries <= 0) return advisor;
  // A Map iterates in insertion order: a hit is deleted and set again, so the first key is the least recently used.
  const entries = new Map<string, Entry>();
  let bytes = 0;
  let hits = 0;
  let misses = 0;

  const store = (key: string, answer: Answer) => {
    const size = sizeOf(key, answer);
    if (size > maxBytes / 4) return;
    const old = entries.get(key);
    if (old) { entries.delete(key); bytes -= old.bytes; }
    while (entries.size > 0 && (entries.size >= maxEntries || bytes + size > maxBytes)) {
      const [oldest, entry] = entries.entries().next().value!;
      entries.delete(oldest);
      bytes -= entry.bytes;
    }
    // Its own copy: the bytes handed to the first client stay that client's (see handOut).
    entries.set(key, { answer: typeof answer === 'string' ? answer : answer.slice(), bytes: size });
    bytes += size;
  };

  return {
    description: `${advisor.description}, answer cache ${maxEntries}`,
    async run(task: AdviceTask, signal: AbortSignal): Promise<AdviceResult> {
      const key = keyOf(task);
      if (key === undefined) return advisor.run(task, signal);
      // As every advisor does: a client that is gone gets nothing, even an answer at hand.
      if (signal.aborted) throw new AdviceAborted();
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        hits++;
        return { ok: true, body: handOut(hit.answer), cached: true };
      }
      misses++;
      const result = await advisor.run(task, signal);
      if (!result.ok) return result;
      store(key, result.body);
      return { ...result, cached: false };
    },
    close: () => advisor.close(),
    stats: () => ({ entries: entries.size, bytes, hits, misses }),
  };
}

/**
 * The cache key: everything the answer depends on besides the catalogue (fixed for the advisor's life), and whose
 * request it is (the API key's scope: answers are kept per key, never shared between keys). The metadata
 * is a JSON array, which ends exactly at its closing bracket, so no body can make two different requests' keys
 * equal, and the body follows unescaped (escaping would copy it a second time, larger).
 */
function keyOf(task: AdviceTask): string | undefined {
  switch (task.kind) {
    case 'recommend': return JSON.stringify([task.kind, task.scope ?? null, task.format, task.today, task.detail ?? 'full']) + task.body;
    case 'review': return JSON.stringify([task.kind, task.scope ?? null, task.format, task.today, task.date ?? null, task.source ?? null]) + task.body;
    default: return undefined;
  }
}

/**
 * Bytes an entry holds. V8 stores a string in one or two bytes per UTF-16 unit (answers have em dashes, so two);
 * counting two keeps the bound true either way.
 */
function sizeOf(key: string, answer: Answer): number {
  return 2 * key.length + (typeof answer === 'string' ? 2 * answer.length : answer.byteLength);
}

/**
 * A cached answer for one response. Strings are immutable and shared as they are; bytes are copied, so nothing a
 * route or the HTTP layer does with its body (transfer its buffer to another thread, write into it) can detach or
 * change what the next hit gets. The copy is a memcpy of tens of KB, next to nothing beside the advice it saves.
 */
function handOut(answer: Answer): Answer {
  return typeof answer === 'string' ? answer : answer.slice();
}
