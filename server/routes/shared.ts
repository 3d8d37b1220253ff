import type { Context, MiddlewareHandler, Next } from 'hono';
import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Engine } from '../../rules/index.ts';
import type { Advisor } from '../advisor.ts';
import { PROBLEM_MEDIA_TYPE, ProblemSchema } from '../http/problem.ts';

/** `apiKeyScope`: which configured API key the request carried (set by bearerAuth; absent without keys). */
export type AppEnv = { Variables: { requestId: string; apiKeyScope?: string } };
export type App = OpenAPIHono<AppEnv>;

/** What every route may use, resolved once by createApp. */
export interface RouteDeps {
  engine: Engine;
  /** Runs the advice work (inline or on the worker-thread pool). */
  advisor: Advisor;
  /** Today's date (YYYY-MM-DD) for accepted-risk expiry, read per request so a long-running server rolls over. */
  today: () => string;
  /** Body-size guard for POST routes (413 by Content-Length or while streaming). */
  limit: MiddlewareHandler<AppEnv>;
  /** OpenAPI security requirement for /v1 routes: bearer when API keys are configured, else explicitly none. */
  security: NonNullable<RouteConfig['security']>;
  /** Batches answered at once; one more gets 503 with Retry-After. */
  maxConcurrentBatches: number;
  /** Most state items across one batch; more → 413. */
  maxBatchStateItems: number;
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Malformed or invalid input; `errors` points at each failing field.',
  401: 'Missing or wrong API key.',
  404: 'No such resource.',
  406: 'The Accept header asks for a representation statewise cannot give.',
  413: 'The body is larger than the configured limit, or a batch holds more state items than allowed.',
  415: 'The Content-Type is not one statewise reads.',
  421: 'The Host header names a host this server does not answer for.',
  500: 'Unexpected failure; quote the request id.',
  503: 'Too many batches in progress, or the advice queue is full; retry after the Retry-After seconds.',
};

/** OpenAPI responses for the given error statuses, all RFC 9457 problems. */
export function problemResponses(...statuses: number[]): RouteConfig['responses'] {
  return Object.fromEntries(statuses.map((s) => [s, {
    description: PROBLEM_TEXT[s] ?? 'Problem',
    content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } },
  }]));
}

/** Per app: which methods each documented path answers, so a wrong method gets 405 with Allow instead of 404. */
const ROUTE_METHODS = new WeakMap<App, Map<string, Set<string>>>();

/** The methods `path` answers in `app` (HEAD with GET), or undefined when no route has that path. */
export function allowedMethods(app: App, path: string): string[] | undefined {
  const known = ROUTE_METHODS.get(app)?.get(path);
  if (!known) return undefined;
  return [...known, ...(known.has('GET') ? ['HEAD'] : [])];
}

/** A middleware or a final handler on statewise's env. */
export type RouteHandler = (c: Context<AppEnv>, next: Next) => Response | void | Promise<Response | void>;

/**
 * Documents a route in the OpenAPI registry (from its zod schemas) and mounts the handlers as plain Hono routes:
 * statewise reads bodies itself so that JSON and YAML get the same located issues, hence no automatic validator.
 */
export function documented(app: App, route: RouteConfig, ...handlers: RouteHandler[]): void {
  app.openAPIRegistry.registerPath(route);
  const methods = ROUTE_METHODS.get(app) ?? new Map<string, Set<string>>();
  ROUTE_METHODS.set(app, methods);
  const known = methods.get(route.path) ?? new Set<string>();
  methods.set(route.path, known.add(route.method.toUpperCase()));
  const path = route.path.replaceAll(/\{(.+?)\}/g, ':$1');
  app.on(route.method.toUpperCase(), path, ...(handlers as [MiddlewareHandler<AppEnv>]));
}

/** True once the client has closed its connection: the answer would be thrown away, so the work can stop. */
export function clientGone(c: Context): boolean {
  return c.req.raw.signal.aborted;
}
