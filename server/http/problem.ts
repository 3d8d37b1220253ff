import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import type { Issue } from '../../rules/index.ts';

/**
 * The ONE place where failures become HTTP answers: RFC 9457 `application/problem+json`.
 * Client mistakes are 4xx with JSON pointers into the body; anything unexpected is a 500 that names the request id
 * and never carries a stack.
 */

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const TYPE_BASE = 'https://statewise.dev/problems/';

export const ProblemErrorSchema = z.object({
  pointer: z.string().describe('RFC 6901 JSON pointer into the request body ("" is the whole body).'),
  parameter: z.string().optional().describe('The query parameter at fault, when the problem is not in the body.'),
  detail: z.string(),
  line: z.number().int().min(1).optional().describe('1-based line in a YAML or JSON body, when known.'),
  column: z.number().int().min(1).optional(),
  suggestion: z.string().optional().describe('What statewise thinks was meant: a field name or an allowed value.'),
}).openapi('ProblemError');

export const ProblemSchema = z.object({
  type: z.string().describe('URI naming the kind of problem.'),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string(),
  requestId: z.string().optional().describe('Quote it when reporting an unexpected failure.'),
  errors: z.array(ProblemErrorSchema).optional(),
}).openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemError = z.infer<typeof ProblemErrorSchema>;

/** The kinds of problem statewise reports; `type` is TYPE_BASE + the key. */
const KINDS = {
  'invalid-requirements': { status: 400, title: 'The requirements are not valid' },
  'malformed-body': { status: 400, title: 'The body could not be parsed' },
  'invalid-request': { status: 400, title: 'The request is not valid' },
  unauthorized: { status: 401, title: 'Authentication required' },
  'not-found': { status: 404, title: 'No such resource' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'Not acceptable' },
  'body-too-large': { status: 413, title: 'The body is too large' },
  'batch-too-large': { status: 413, title: 'The batch asks for too much work' },
  'misdirected-request': { status: 421, title: 'Misdirected request' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  internal: { status: 500, title: 'Internal server error' },
  overloaded: { status: 503, title: 'Too many batches in progress' },
  busy: { status: 503, title: 'The advice queue is full' },
} as const;
export type ProblemKind = keyof typeof KINDS;

/** Builds a problem document (no response yet), e.g. for one item of a batch. */
export function problemBody(kind: ProblemKind, detail: string, errors?: ProblemError[]): Problem {
  const { status, title } = KINDS[kind];
  const body: Problem = { type: TYPE_BASE + kind, title, status, detail };
  if (errors?.length) body.errors = errors;
  return body;
}

/** At most this many errors are listed (the detail still gives the total): a hostile body must not amplify. */
export const MAX_ERRORS = 100;

/** Core issues → problem errors; `prefix` re-roots the pointers (a batch item lives at `/items/3`). */
export function issueErrors(issues: readonly Issue[], prefix = ''): ProblemError[] {
  return issues.slice(0, MAX_ERRORS).map((i) => {
    const e: ProblemError = { pointer: prefix + i.pointer, detail: i.message };
    if (i.line !== undefined) e.line = i.line;
    if (i.column !== undefined) e.column = i.column;
    if (i.suggestion !== undefined) e.suggestion = i.suggestion;
    return e;
  });
}

/** Sends a problem response; extra headers (WWW-Authenticate, Allow) go alongside. */
export function problem(c: Context, kind: ProblemKind, detail: string, errors?: ProblemError[], headers?: Record<string, string>): Response {
  const body = problemBody(kind, detail, errors);
  const id = c.get('requestId') as string | undefined;
  if (id) body.requestId = id;
  for (const [k, v] of Object.entries(headers ?? {})) c.header(k, v);
  c.header('Content-Type', PROBLEM_MEDIA_TYPE);
  c.header('Cache-Control', 'no-store');
  return c.body(JSON.stringify(body), body.status as 400);
}

/** A client mistake in the core's words: 400 with one error per issue. */
export function issuesProblem(c: Context, kind: 'invalid-requirements' | 'malformed-body' | 'invalid-request', issues: readonly Issue[], prefix = ''): Response {
  const detail = issues.length === 1 ? issues[0]!.message
    : `${issues.length} problems; see errors${issues.length > MAX_ERRORS ? ` (the first ${MAX_ERRORS})` : ''}`;
  return problem(c, kind, detail, issueErrors(issues, prefix));
}

const BY_STATUS = new Map<number, ProblemKind>(
  Object.entries(KINDS).map(([k, v]): [number, ProblemKind] => [v.status, k as ProblemKind]).reverse(),
);

/**
 * Hono `onError`: an HTTPException keeps its status (as a problem); anything else is a 500 whose cause goes to
 * `report` (stderr) under the request id, never to the client.
 */
export function errorHandler(report: (line: string) => void) {
  return (err: Error, c: Context): Response => {
    if (err instanceof HTTPException && err.status < 500) {
      const kind = BY_STATUS.get(err.status) ?? 'invalid-request';
      return problem(c, kind, err.message || KINDS[kind].title);
    }
    // The client closed the connection while its body was being read (Node's "aborted", ECONNRESET): its mistake,
    // not ours — nobody will read this answer, and a stack in the error report per dropped client is only noise.
    if ((err as NodeJS.ErrnoException)?.code === 'ECONNRESET' && err.message === 'aborted') {
      return problem(c, 'invalid-request', 'the client closed the connection before the body was complete');
    }
    const id = (c.get('requestId') as string | undefined) ?? '-';
    report(JSON.stringify({ level: 'error', requestId: id, method: c.req.method, path: c.req.path, error: String(err?.stack ?? err) }));
    return problem(c, 'internal', `unexpected failure; quote request id ${id} when reporting it`);
  };
}
