import type { MiddlewareHandler } from 'hono';

/**
 * One JSON line per request (method, path, status, ms, request id) — never headers, bodies or keys.
 * Registered after the request-id middleware so the id is known, and outside every route so errors are logged too.
 */
export function accessLog(write: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    write(JSON.stringify({
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 100) / 100,
      requestId: c.get('requestId'),
    }));
  };
}
