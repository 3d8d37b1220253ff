import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/shared.ts';

/**
 * Sets Cache-Control on every answer after the route ran (errors included). The API gives `no-store`: answers depend
 * on the body and the date, and a shared cache must never keep one client's answer for another.
 */
export function cacheControl(value: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', value);
  };
}
