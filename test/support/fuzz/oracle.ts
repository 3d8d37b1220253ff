import { RecommendationSchema } from '../../../rules/index.ts';
import { inputDigest } from '../../../rules/contract/digest.ts';
import { DEFAULT_BODY_LIMIT } from '../../../server/app.ts';
import { bodyFormat, parseJson, parseRequirementsBody, validateData } from '../../../server/http/body.ts';
import { PROBLEM_MEDIA_TYPE, ProblemSchema } from '../../../server/http/problem.ts';
import { BatchResponseSchema, MAX_BATCH, MAX_BATCH_STATE_ITEMS } from '../../../server/http/schemas.ts';
import { ROUTES, type FuzzCase } from './cases.ts';

/**
 * The fuzz oracle. The expected outcome of a request is computed in-process with the same core functions the
 * server uses (size limit → 413, Content-Type → 415, parse + validate → 400 or 200), and the real server's answer
 * must agree: 200 bodies validate against the Recommendation schema (with the digest of the same input), every
 * other answer is an RFC 9457 problem whose pointers are the core's pointers. A 5xx or no answer is always wrong.
 */

export interface Answer { status: number; contentType: string; text: string }
export type Outcome = { ok: true; answer: Answer } | { ok: false; error: string };

/** Socket errors of a request sent on a kept-alive connection the server closed just before (a client-side race). */
const STALE_SOCKET = /UND_ERR_SOCKET|ECONNRESET/;
/** How many requests were sent again after a stale-socket error (reported; a bug that kills sockets fails twice). */
export const retries = { count: 0 };

/**
 * Sends one case with a hard per-request timeout; a hang or a reset is an outcome, not an exception. A request
 * that fails on a reused keep-alive socket is sent once more on a fresh one: if the request itself breaks its
 * connection it fails again and the oracle sees it.
 */
export async function exchange(url: string, c: FuzzCase, timeoutMs: number, headers: Record<string, string> = {}): Promise<Outcome> {
  const first = await exchangeOnce(url, c, timeoutMs, headers);
  if (first.ok || !STALE_SOCKET.test(first.error)) return first;
  retries.count++;
  return exchangeOnce(url, c, timeoutMs, headers);
}

async function exchangeOnce(url: string, c: FuzzCase, timeoutMs: number, headers: Record<string, string>): Promise<Outcome> {
  try {
    const res = await fetch(url + ROUTES[c.route], {
      method: 'POST',
      headers: { ...(c.contentType !== undefined ? { 'content-type': c.contentType } : {}), ...headers },
      body: c.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { ok: true, answer: { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() } };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    return { ok: false, error: err.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : `${err.name}: ${err.message} ${err.cause?.code ?? ''}` };
  }
}

const POINTER = /^(\/([^~/]|~[01])*)*$/;

/** Violations of the contract by `outcome` for case `c` (empty = correct). */
export function check(c: FuzzCase, outcome: Outcome, limit = DEFAULT_BODY_LIMIT): string[] {
  // A server may answer 413 and close before an oversized body is fully sent; the client then sees EPIPE/reset.
  if (!outcome.ok && c.body.length > limit && /EPIPE|ECONNRESET|UND_ERR_SOCKET/.test(outcome.error)) return [];
  if (!outcome.ok) return [outcome.error];
  const { status, contentType, text } = outcome.answer;
  const v: string[] = [];
  // Load shedding, not a failure: more batches than the server runs at once get 503 overloaded with Retry-After.
  if (status === 503 && c.route !== 'single' && /\/overloaded"/.test(text) && contentType.startsWith(PROBLEM_MEDIA_TYPE)) return [];
  if (status >= 500) return [`status ${status}: ${text.slice(0, 300)}`];
  const problem = (expected: number, pointers?: string[]) => {
    if (status !== expected) { v.push(`expected ${expected}, got ${status}: ${text.slice(0, 300)}`); return; }
    if (!contentType.startsWith(PROBLEM_MEDIA_TYPE)) v.push(`${status} with content-type ${contentType}`);
    let body: unknown;
    try { body = JSON.parse(text); } catch { v.push('problem body is not JSON'); return; }
    const parsed = ProblemSchema.safeParse(body);
    if (!parsed.success) { v.push(`not a problem document: ${parsed.error.message.slice(0, 200)}`); return; }
    if (parsed.data.status !== status) v.push(`problem.status ${parsed.data.status} ≠ ${status}`);
    if (pointers) {
      const got = (parsed.data.errors ?? []).map((e) => e.pointer);
      if (got.length === 0) v.push('400 without errors[]');
      for (const p of got) if (!POINTER.test(p)) v.push(`bad JSON pointer ${JSON.stringify(p)}`);
      const want = [...new Set(pointers)].sort();
      const have = [...new Set(got)].sort();
      if (JSON.stringify(want) !== JSON.stringify(have)) v.push(`pointers ${JSON.stringify(have)} ≠ core's ${JSON.stringify(want)}`);
    }
  };
  if (c.body.length > limit) { problem(413); return v; }
  const format = bodyFormat(c.contentType);
  const decoded = new TextDecoder().decode(c.body);
  if (c.route === 'single') {
    if (!format) { problem(415); return v; }
    const expected = parseRequirementsBody(decoded, format);
    if (!expected.ok) {
      if (c.kind === 'valid') v.push(`the generator made an invalid "valid" case: ${JSON.stringify(expected.issues[0])}`);
      problem(400, expected.issues.map((i) => i.pointer));
      return v;
    }
    if (status !== 200) return [`valid input answered ${status}: ${text.slice(0, 300)}`];
    const rec = RecommendationSchema.safeParse(JSON.parse(text));
    if (!rec.success) return [`200 body is not a Recommendation: ${rec.error.message.slice(0, 300)}`];
    if (rec.data.inputDigest !== inputDigest(expected.value)) v.push('inputDigest differs from the core digest of the same input');
    return v;
  }
  if (format !== 'json') { problem(415); return v; }
  const parsed = parseJson(decoded);
  if (!parsed.ok) { problem(400, parsed.issues.map((i) => i.pointer)); return v; }
  const env = parsed.value as { items?: unknown } | null;
  const envelopeOk = !!env && typeof env === 'object' && !Array.isArray(env) && Object.keys(env).length === 1
    && Array.isArray(env.items) && env.items.length >= 1 && env.items.length <= MAX_BATCH;
  if (!envelopeOk) { problem(400); return v; }
  const stateItems = (env.items as unknown[]).reduce((n: number, item) => {
    const state = (item as { state?: unknown } | null)?.state;
    return n + (Array.isArray(state) ? state.length : 0);
  }, 0);
  if (stateItems > MAX_BATCH_STATE_ITEMS) { problem(413); return v; }
  if (status !== 200) return [`valid batch envelope answered ${status}: ${text.slice(0, 300)}`];
  const batch = BatchResponseSchema.safeParse(JSON.parse(text));
  if (!batch.success) return [`200 body is not a BatchResponse: ${batch.error.message.slice(0, 300)}`];
  const items = env.items as unknown[];
  if (batch.data.results.length !== items.length) v.push(`${batch.data.results.length} results for ${items.length} items`);
  batch.data.results.forEach((r, i) => {
    const want = validateData(items[i]);
    if (r.index !== i) v.push(`result ${i} has index ${r.index}`);
    if (r.ok !== want.ok) v.push(`item ${i}: server ok=${r.ok}, core ok=${want.ok}`);
    if (!r.ok && !want.ok) {
      const got = (r.problem.errors ?? []).map((e) => e.pointer).sort();
      const exp = want.issues.map((x) => `/items/${i}${x.pointer}`).sort();
      if (JSON.stringify([...new Set(got)]) !== JSON.stringify([...new Set(exp)])) v.push(`item ${i} pointers ${JSON.stringify(got)} ≠ ${JSON.stringify(exp)}`);
    }
    if (r.ok && want.ok && r.recommendation.inputDigest !== inputDigest(want.value)) v.push(`item ${i}: digest differs`);
  });
  if (batch.data.succeeded + batch.data.failed !== items.length) v.push('succeeded + failed ≠ items');
  return v;
}
