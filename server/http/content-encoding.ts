import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/shared.ts';
import { problem } from './problem.ts';

/**
 * Bodies are read as sent: a compressed one would only fail later as "malformed", so say what is wrong up front
 * (415 with `Accept-Encoding: identity`, RFC 7694).
 */
export function contentEncoding(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (encoding && encoding !== 'identity') return problem(c, 'unsupported-media-type', `Content-Encoding ${encoding} is not supported; send the body uncompressed`, undefined, { 'Accept-Encoding': 'identity' });
    await next();
  };
}
