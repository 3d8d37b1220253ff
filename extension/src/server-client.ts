import * as z from 'zod';

/**
 * Server mode's HTTP client, free of vscode so it can be tested against a real loopback server. It returns data,
 * never throws: every way a call can fail is a ServerFailure, turned into words by `serverFailureMessage`.
 */

/** RFC 9457 problem document as statewise's API sends it (extra members ignored). */
export const ProblemSchema = z.object({
  type: z.string().optional(),
  title: z.string().optional(),
  status: z.number().optional(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({
    pointer: z.string(),
    detail: z.string(),
    line: z.number().optional(),
    column: z.number().optional(),
  })).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export type ServerFailure =
  | { kind: 'bad-url'; url: string }
  | { kind: 'unreachable'; url: string; cause: string }
  | { kind: 'timeout'; url: string; seconds: number }
  | { kind: 'problem'; url: string; status: number; problem: Problem }
  | { kind: 'http'; url: string; status: number; statusText: string }
  | { kind: 'bad-response'; url: string; reason: string }
  | { kind: 'cancelled'; url: string };

export type ServerResult = { ok: true; body: string; contentType: string } | { ok: false; failure: ServerFailure };

export interface ServerCall {
  /** `statewise.server.url`, e.g. `https://statewise.internal` (a path prefix is kept). */
  baseUrl: string;
  /** API path, e.g. `/v1/recommendations`. */
  path: string;
  body: string;
  contentType: string;
  accept: string;
  apiKey?: string | undefined;
  timeoutMs: number;
  /** Aborted when the user cancels the progress notification. */
  signal?: AbortSignal | undefined;
}

/** Joins the base URL and an API path; undefined when the setting is not an http(s) URL. */
export function endpoint(baseUrl: string, path: string): string | undefined {
  let url: URL;
  try { url = new URL(baseUrl.trim()); } catch { return undefined; }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return url.origin + url.pathname.replace(/\/+$/, '') + path;
}

/**
 * POSTs to the statewise server and reads the answer.
 * @example await callServer({ baseUrl, path: '/v1/recommendations', body, contentType: 'application/yaml', accept: 'application/json', timeoutMs: 15000 })
 */
export async function callServer(call: ServerCall): Promise<ServerResult> {
  const url = endpoint(call.baseUrl, call.path);
  if (!url) return { ok: false, failure: { kind: 'bad-url', url: call.baseUrl } };
  const timeout = AbortSignal.timeout(call.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  const headers: Record<string, string> = { 'content-type': call.contentType, accept: `${call.accept}, application/problem+json` };
  if (call.apiKey) headers.authorization = `Bearer ${call.apiKey}`;
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, { method: 'POST', headers, body: call.body, signal, redirect: 'manual' });
    body = await response.text();
  } catch (e) {
    if (call.signal?.aborted) return { ok: false, failure: { kind: 'cancelled', url } };
    if (timeout.aborted) return { ok: false, failure: { kind: 'timeout', url, seconds: Math.round(call.timeoutMs / 100) / 10 } };
    return { ok: false, failure: { kind: 'unreachable', url, cause: causeOf(e) } };
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (response.ok) return { ok: true, body, contentType };
  if (/^application\/(problem\+)?json/i.test(contentType)) {
    const problem = safeJson(body, ProblemSchema);
    if (problem) return { ok: false, failure: { kind: 'problem', url, status: response.status, problem } };
  }
  return { ok: false, failure: { kind: 'http', url, status: response.status, statusText: response.statusText } };
}

/** Parses JSON and validates it; undefined when either fails. */
export function safeJson<T>(text: string, schema: z.ZodType<T>): T | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch { return undefined; }
}

/** fetch hides the reason in `cause` (ECONNREFUSED, ENOTFOUND, certificate errors). */
function causeOf(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}
