import type { Context } from 'hono';
import type { AdviceTask } from '../advice-tasks.ts';
import { AdviceAborted, AdviceQueueFull } from '../advisor.ts';
import { ANSWER_CACHE_HEADER } from '../answer-cache.ts';
import { issuesProblem, problem } from '../http/problem.ts';
import type { AppEnv, RouteDeps } from './shared.ts';

/**
 * Runs one advice task for a request and gives the answer text, or the problem to send instead: a full queue is
 * 503 `busy` with Retry-After (refused before any work, so memory does not grow), a client that left is dropped
 * (its queued task is removed, a running one stopped), a body that is not requirements is 400. Anything else the
 * advisor throws is a bug and reaches onError (500 for this request only). An answer that went through the answer
 * cache says so in X-Statewise-Cache (`hit` or `miss`); with the cache off, or for a batch, there is no such header.
 */
export async function runAdvice(c: Context, deps: RouteDeps, task: AdviceTask): Promise<{ body: string | Uint8Array<ArrayBuffer> } | Response> {
  try {
    // Answers are cached per API key: one key must not learn, from a hit or its speed, that another sent the same body.
    const scope = (c as Context<AppEnv>).get('apiKeyScope');
    const result = await deps.advisor.run(scope === undefined || task.kind === 'batch' ? task : { ...task, scope }, c.req.raw.signal);
    if (!result.ok) return issuesProblem(c, result.kind, result.issues);
    if (result.cached !== undefined) c.header(ANSWER_CACHE_HEADER, result.cached ? 'hit' : 'miss');
    return { body: result.body };
  } catch (e) {
    if (e instanceof AdviceQueueFull) {
      return problem(c, 'busy', `${e.message}. Retry after ${e.retryAfterS} s`, undefined, { 'Retry-After': String(e.retryAfterS) });
    }
    // Nobody will read this answer; it only closes the request's books (access log, in-flight count).
    if (e instanceof AdviceAborted) return problem(c, 'invalid-request', e.message);
    throw e;
  }
}
