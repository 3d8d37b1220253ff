import { renderReview, type Detail, type Engine, type Issue } from '../rules/index.ts';
import { parseRequirementsBody, validateData, type BodyFormat } from './http/body.ts';
import { issueErrors, problemBody } from './http/problem.ts';

/**
 * The CPU-heavy part of the advice routes as plain data in, plain text out, so the same code runs on the event loop
 * (inline mode) and in a worker thread (the pool) and both answer byte-identically. Parsing and validation are here
 * too: a 256 KB YAML body or a batch of 2000 state items is milliseconds of CPU the event loop should not spend.
 * Results are JSON/Markdown text rather than objects: serializing a 26 MB batch answer is itself CPU work, and a
 * string crosses the thread boundary with one copy instead of a structured clone of the whole object tree.
 */

/**
 * One unit of work; `today` is read on the main thread per request (the server's clock, or a test's fixed date).
 * `scope` says whose request it is (which API key, when keys are configured): advice ignores it, the answer cache keeps
 * answers per scope so one key never learns, by a hit or its speed, what another key sent.
 */
export type AdviceTask =
  | { kind: 'recommend'; body: string; format: BodyFormat; today: string; detail?: Detail; scope?: string }
  | { kind: 'review'; body: string; format: BodyFormat; today: string; date?: string; source?: string; scope?: string }
  | { kind: 'batch'; items: unknown[]; today: string };

/** The body could not be read as requirements: the route answers 400 with these issues. */
export type AdviceRejection = { ok: false; kind: 'malformed-body' | 'invalid-requirements'; issues: Issue[] };
/**
 * `body` is the response body: the recommendation JSON, the review Markdown, or the whole batch answer JSON. Inline
 * it is the text; from a worker thread it is the text too under ~100 KB (server/advice-worker.ts), and above that the
 * same text as UTF-8 bytes, moved (not copied) to the event loop so a 10 MB batch answer costs the event loop neither
 * a copy nor an encoding pass nor garbage on its heap.
 * `cached` is set only by the answer cache (server/answer-cache.ts): true for an answer given from memory.
 */
export type AdviceResult = { ok: true; body: string | Uint8Array<ArrayBuffer>; cached?: boolean } | AdviceRejection;

/** What the tasks compute: the body as text (a worker thread then encodes it for the move). */
export type TextResult = { ok: true; body: string } | AdviceRejection;

/** The body as text (for a JSON envelope around it, or a test). */
export function bodyString(body: string | Uint8Array<ArrayBuffer>): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}

/** The exact text `statewise advise --json` prints for one file (brief or full), so CLI and API answers are byte-identical. */
export function recommendationText(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * Answers shorter than this (UTF-16 units, ~100 KB) cross from an advice thread (server/advice-worker.ts) to the event
 * loop as the string itself: a structured clone copies it once, where TextEncoder first walks it (~40 µs for a
 * typical 41 KB answer, whose em dashes make it non-ASCII) and the bytes then need a transfer. Longer ones (batches, up to tens of MB) are encoded and moved, so
 * the event loop gets no copy and no large string on its heap.
 */
export const STRING_HOP_MAX_CHARS = 100 * 1024;

/** A batch given up between two documents because its client left; nobody reads the answer. */
export const STOPPED = 'stopped' as const;

/**
 * Binds the task runner to one engine (built once per thread by whoever calls this). `stopped` is asked between the
 * documents of a batch; once it says true the batch gives up (one document cannot be interrupted).
 * @example const run = createAdviceTasks(engine); run({ kind: 'recommend', body, format: 'json', today }).ok
 */
export function createAdviceTasks(engine: Engine): (task: AdviceTask, stopped?: () => boolean) => TextResult | typeof STOPPED {
  return (task, stopped) => {
    if (task.kind === 'batch') {
      const entries = batchEntries(engine, task.items, task.today);
      for (const _ of entries) if (stopped?.()) return STOPPED;
      return { ok: true, body: entries.finish() };
    }
    const parsed = parseRequirementsBody(task.body, task.format);
    if (!parsed.ok) return parsed;
    if (task.kind === 'recommend') return { ok: true, body: recommendationText(engine.advise(parsed.value, { today: task.today, detail: task.detail ?? 'full' })) };
    const recommendation = engine.advise(parsed.value, { today: task.today });
    return {
      ok: true,
      body: renderReview({
        requirements: parsed.value, recommendation, date: task.date ?? task.today, ...(task.source ? { source: task.source } : {}),
      }),
    };
  };
}

/** A batch answer built one item at a time (so inline mode can yield between items); `finish()` gives the whole JSON. */
export interface BatchEntries extends Iterable<string> {
  finish(): string;
}

/**
 * The batch answer `{ results, succeeded, failed }` as JSON text, exactly as `JSON.stringify` of the whole object would
 * write it, computed item by item: iterating advises the next item and yields its JSON; `finish()` advises the rest.
 * A bad item gets its own problem (pointers rooted at `/items/N`) and never fails the others.
 */
export function batchEntries(engine: Engine, items: readonly unknown[], today: string): BatchEntries {
  const parts: string[] = [];
  let failed = 0;
  const next = (index: number): string => {
    const req = validateData(items[index]);
    let entry: string;
    if (req.ok) {
      entry = JSON.stringify({ index, ok: true, recommendation: engine.advise(req.value, { today }) });
    } else {
      failed++;
      const errors = issueErrors(req.issues, `/items/${index}`);
      const detail = `item ${index}: ${errors.length === 1 ? errors[0]!.detail : `${errors.length} problems; see errors`}`;
      entry = JSON.stringify({ index, ok: false, problem: problemBody('invalid-requirements', detail, errors) });
    }
    parts.push(entry);
    return entry;
  };
  return {
    *[Symbol.iterator]() {
      while (parts.length < items.length) yield next(parts.length);
    },
    finish() {
      while (parts.length < items.length) next(parts.length);
      return `{"results":[${parts.join(',')}],"succeeded":${parts.length - failed},"failed":${failed}}`;
    },
  };
}
