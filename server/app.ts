import { OpenAPIHono } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { today } from '../adapters/index.ts';
import type { Engine } from '../rules/index.ts';
import { ANSWER_CACHE_MAX_BYTES, DEFAULT_ANSWER_CACHE_ENTRIES, DEFAULT_MAX_BATCHES } from './config.ts';
import { inlineAdvisor, type Advisor } from './advisor.ts';
import { ANSWER_CACHE_HEADER, cachedAdvisor, type AnswerCacheOptions } from './answer-cache.ts';
import { accessLog } from './http/access-log.ts';
import { bearerAuth } from './http/auth.ts';
import { bodyLimit } from './http/body-limit.ts';
import { cacheControl } from './http/cache-control.ts';
import { contentEncoding } from './http/content-encoding.ts';
import { hostCheck } from './http/host-check.ts';
import { errorHandler, problem } from './http/problem.ts';
import { MAX_BATCH_STATE_ITEMS } from './http/schemas.ts';
import { registerBatch } from './routes/batch.ts';
import { registerDesignReviews } from './routes/design-reviews.ts';
import { registerDocs } from './routes/docs.ts';
import { registerHealth } from './routes/health.ts';
import { registerPlayground } from './routes/playground.ts';
import { registerRecommendations } from './routes/recommendations.ts';
import { registerRules } from './routes/rules.ts';
import { registerSchemas } from './routes/schemas.ts';
import { allowedMethods, type App, type AppEnv, type RouteDeps } from './routes/shared.ts';

export const DEFAULT_BODY_LIMIT = 256 * 1024;

export interface AppOptions {
  engine: Engine;
  /**
   * Where advice runs: default inline on the event loop with `engine` (unit tests with `app.request`); `statewise
   * serve` passes the worker-thread pool (server/advice-pool.ts), whose threads hold engines for the same catalogue.
   */
  advisor?: Advisor;
  /**
   * Answers kept for repeated recommendation and review requests (server/answer-cache.ts), in front of `advisor`:
   * default DEFAULT_ANSWER_CACHE_ENTRIES entries and ANSWER_CACHE_MAX_BYTES; `entries: 0` turns it off.
   */
  answerCache?: Partial<AnswerCacheOptions>;
  /** Bearer API keys; empty or absent = no authentication. */
  apiKeys?: readonly string[];
  /** Largest accepted request body in bytes (default 256 KB). */
  bodyLimitBytes?: number;
  /** Origins allowed by CORS; empty or absent = no CORS headers at all. */
  corsOrigins?: readonly string[];
  /** Where access-log lines go (default stdout); `false` turns the access log off (--quiet). */
  accessLog?: ((line: string) => void) | false;
  /** Where unexpected failures are reported with their stack (default stderr). */
  report?: (line: string) => void;
  /** Today's date YYYY-MM-DD (default: the UTC date now), for accepted-risk expiry like the CLI. */
  today?: () => string;
  /** Most state items across one batch (default MAX_BATCH_STATE_ITEMS); more → 413. Tests raise it to make slow batches. */
  maxBatchStateItems?: number;
  /** Batches answered at once (default: DEFAULT_MAX_BATCHES); one more gets 503 with Retry-After. */
  maxConcurrentBatches?: number;
  /**
   * Host names (with or without :port) the server answers for; anything else gets 421 (DNS rebinding guard).
   * Absent: any host (startServer fills it in from the bound address with allowedHostsFor).
   */
  allowedHosts?: readonly string[] | undefined;
}


/**
 * The statewise HTTP app. Options are resolved once here; the app keeps no state between requests but the answer
 * cache, which only gives back the bytes advice would give again, so any number of copies (workers, replicas)
 * answer identically (only X-Statewise-Cache differs).
 * @example const app = createApp({ engine }); await app.request('/healthz')
 */
export function createApp(options: AppOptions): App {
  const keys = (options.apiKeys ?? []).filter((k) => k.length > 0);
  const origins = [...(options.corsOrigins ?? [])];
  const maxSize = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const log = options.accessLog === false ? undefined : options.accessLog ?? ((l: string) => process.stdout.write(l + '\n'));
  const report = options.report ?? ((l: string) => process.stderr.write(l + '\n'));

  const app: App = new OpenAPIHono<AppEnv>();
  const deps: RouteDeps = {
    engine: options.engine,
    advisor: cachedAdvisor(options.advisor ?? inlineAdvisor(options.engine), answerCacheOptions(options.answerCache)),
    today: options.today ?? today,
    // Connection: close — the rest of an oversized body is never read, so the socket cannot carry another request;
    // saying keep-alive would make clients reuse a socket the server is about to close (they then fail the next call).
    limit: bodyLimit(maxSize, (c) => problem(c, 'body-too-large', `the body is larger than ${maxSize} bytes`, undefined, { Connection: 'close' })),
    security: keys.length ? [{ bearerAuth: [] }] : [],
    maxConcurrentBatches: options.maxConcurrentBatches ?? DEFAULT_MAX_BATCHES,
    maxBatchStateItems: options.maxBatchStateItems ?? MAX_BATCH_STATE_ITEMS,
  };

  app.use(requestId({ limitLength: 128 }));
  if (log) app.use(accessLog(log));
  if (options.allowedHosts) app.use(hostCheck(options.allowedHosts));
  registerPlayground(app); // before the API's security headers: the page sets its own CSP (see the route)
  app.use(secureHeaders({
    // JSON needs nothing from anywhere. /docs (Swagger UI from this origin) sets its own policy, which
    // overwrite: false keeps; every other response gets this one.
    contentSecurityPolicy: { defaultSrc: ["'none'"], styleSrc: ["'unsafe-inline'"], frameAncestors: ["'none'"] },
    overwrite: false,
    crossOriginResourcePolicy: origins.length ? 'cross-origin' : 'same-origin',
  }));
  if (origins.length) {
    app.use(cors({
      origin: origins, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type', 'Authorization', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', ANSWER_CACHE_HEADER], maxAge: 600,
    }));
  }
  app.use('/v1/*', cacheControl('no-store'));
  if (keys.length) app.use('/v1/*', bearerAuth(keys));
  app.use('/v1/*', contentEncoding());

  registerHealth(app, deps);
  registerRecommendations(app, deps);
  registerBatch(app, deps);
  registerDesignReviews(app, deps);
  registerRules(app, deps);
  registerSchemas(app, deps);
  registerDocs(app, deps, keys.length > 0);

  app.notFound((c) => {
    const allow = allowedMethods(app, c.req.path);
    if (allow) return problem(c, 'method-not-allowed', `${c.req.path} answers ${allow.join(', ')}`, undefined, { Allow: allow.join(', ') });
    return problem(c, 'not-found', `no route for ${c.req.method} ${c.req.path}`);
  });
  app.onError(errorHandler(report));
  return app;
}

/** The answer cache's bounds with the defaults filled in. */
export function answerCacheOptions(given: Partial<AnswerCacheOptions> = {}): AnswerCacheOptions {
  return { entries: given.entries ?? DEFAULT_ANSWER_CACHE_ENTRIES, maxBytes: given.maxBytes ?? ANSWER_CACHE_MAX_BYTES };
}
