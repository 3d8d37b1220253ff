import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingLimit } from 'hono/body-limit';

/**
 * Body-size guard for POST routes: 413 from Content-Length before a byte of the body is read, and a cap counted
 * while streaming only when there is no usable Content-Length (chunked, or none).
 *
 * Why not `hono/body-limit` alone: it reads `c.req.raw.body` before it looks at the headers, and on
 * @hono/node-server that one property access builds a web `Request` whose body is `Readable.toWeb(incoming)`, so
 * every request is then read through web streams (~170 µs of server CPU per request, measured for issue 25). Node's
 * HTTP parser never delivers more than Content-Length bytes, so the header alone bounds the body; the route then
 * reads it with `c.req.text()`, which @hono/node-server serves from the socket directly.
 */
export function bodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = streamingLimit({ maxSize, onError });
  return async (c, next) => {
    const headers = c.req.raw.headers;
    const length = declaredLength(headers.get('content-length'));
    // RFC 9112 §6.3: with Transfer-Encoding, Content-Length is ignored, so only the bytes counted can be trusted.
    if (length !== undefined && !headers.has('transfer-encoding')) return length > maxSize ? onError(c) : next();
    return streaming(c, next);
  };
}

/** A Content-Length that is one plain decimal number, else undefined (then the bytes are counted as they come). */
function declaredLength(value: string | null): number | undefined {
  if (value === null || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}
