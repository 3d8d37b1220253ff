import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { validate } from '../../rules/index.ts';
import { bodyFormat, bodyText, parseJson } from '../http/body.ts';
import { issuesProblem, problem } from '../http/problem.ts';
import { BatchRequestSchema, BatchResponseSchema, MAX_BATCH, MAX_BATCH_STATE_ITEMS } from '../http/schemas.ts';
import { unsupported } from './recommendations.ts';
import { runAdvice } from './run-advice.ts';
import { documented, problemResponses, type App, type RouteDeps } from './shared.ts';

/** Seconds a client told "too many batches" should wait: a capped batch takes well under a second. */
const RETRY_AFTER_S = 1;

/**
 * POST /v1/recommendations/batch: `{ items: [Requirements…] }` → one result per item, in order. A bad item gets
 * its own problem (pointers rooted at `/items/N`) and never fails the others; only a bad envelope is a 400.
 */
export function registerBatch(app: App, deps: RouteDeps): void {
  /** Batches being answered by this app right now (one process; each worker of a cluster counts its own). */
  let running = 0;
  documented(app, {
    method: 'post',
    path: '/v1/recommendations/batch',
    operationId: 'recommendBatch',
    tags: ['recommendations'],
    summary: 'Recommend architectures for many services at once',
    description: `Up to ${MAX_BATCH} requirements documents (JSON) holding at most ${MAX_BATCH_STATE_ITEMS} state items in all `
      + '(more: 413). Each item gets a recommendation or a problem; one bad item never fails the others. Too many batches '
      + 'in progress at once, or the advice queue full: 503 with Retry-After.',
    security: deps.security,
    request: { body: { required: true, content: { 'application/json': { schema: BatchRequestSchema } } } },
    responses: {
      200: { description: 'One result per item, in request order.', content: { 'application/json': { schema: BatchResponseSchema } } },
      ...problemResponses(400, 401, 413, 415, 500, 503),
    },
  }, deps.limit, async (c: Context) => {
    // Admission first, before the body is even read: past the cap, 503 costs nothing and tells the client when to retry.
    if (running >= deps.maxConcurrentBatches) {
      return problem(c, 'overloaded', `${running} batches are in progress; the limit is ${deps.maxConcurrentBatches}. Retry after ${RETRY_AFTER_S} s`, undefined, { 'Retry-After': String(RETRY_AFTER_S) });
    }
    running++;
    try {
      return await answerBatch(c, deps);
    } finally {
      running--;
    }
  });
}

/** BatchRequestSchema's envelope, strict, with items left for the per-item check (one bad item never fails the rest). */
const BatchEnvelope = z.strictObject({ ...BatchRequestSchema.shape, items: z.array(z.unknown()).min(1).max(MAX_BATCH) });

/** The body of POST /v1/recommendations/batch, once admitted. */
async function answerBatch(c: Context, deps: RouteDeps): Promise<Response> {
  if (bodyFormat(c.req.header('content-type')) !== 'json') return unsupported(c, 'application/json');
  const parsed = parseJson(await bodyText(c));
  if (!parsed.ok) return issuesProblem(c, parsed.kind, parsed.issues);
  const envelope = validate(BatchEnvelope, parsed.value);
  if (!envelope.ok) return issuesProblem(c, 'invalid-request', envelope.issues);
  const { items } = envelope.value;
  const stateItems = countStateItems(items);
  const cap = deps.maxBatchStateItems;
  if (stateItems > cap) {
    return problem(c, 'batch-too-large', `the batch holds ${stateItems} state items in all; the limit is ${cap}. Split it into smaller batches`,
      [{ pointer: '/items', detail: `${stateItems} state items across ${items.length} documents; the limit is ${cap}` }]);
  }
  // Validation and advice of every item run on the advisor (the pool: off the event loop); the answer comes back as
  // the finished JSON text, byte-identical to what the inline engine writes.
  const answer = await runAdvice(c, deps, { kind: 'batch', items, today: deps.today() });
  if (answer instanceof Response) return answer;
  c.header('Content-Type', 'application/json');
  return c.body(answer.body);
}

/** State items across every document (arrays are already at most MAX_ARRAY long; anything else counts 0 here). */
function countStateItems(items: readonly unknown[]): number {
  let n = 0;
  for (const item of items) {
    const state = (item as { state?: unknown } | null)?.state;
    if (Array.isArray(state)) n += state.length;
  }
  return n;
}
