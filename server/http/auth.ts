import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/shared.ts';
import { problem } from './problem.ts';

const REALM = 'Bearer realm="statewise"';
// RFC 6750 b64token, one space after the scheme; the scheme name is case-insensitive (RFC 9110 §11.1).
const BEARER = /^[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9\-._~+/]+=*)$/;

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Optional API keys as bearer tokens. Keys are hashed once; each request's token is hashed and compared with every
 * key in constant time (no early exit), so neither the match nor its position leaks through timing.
 * Missing or wrong token → 401 with WWW-Authenticate; a malformed Authorization header → 400. Keys are never logged.
 */
export function bearerAuth(keys: readonly string[]): MiddlewareHandler<AppEnv> {
  const hashed = keys.map(digest);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next(); // CORS preflight carries no credentials
    const header = c.req.header('authorization');
    if (header === undefined || header === '') {
      return problem(c, 'unauthorized', 'send an API key as "Authorization: Bearer <key>"', undefined, { 'WWW-Authenticate': REALM });
    }
    const match = BEARER.exec(header);
    if (!match) {
      return problem(c, 'invalid-request', 'malformed Authorization header; expected "Bearer <key>"', [{ pointer: '', detail: 'Authorization header must be "Bearer <key>"' }],
        { 'WWW-Authenticate': `${REALM}, error="invalid_request"` });
    }
    const token = digest(match[1]!);
    let ok = false;
    let which = 0;
    hashed.forEach((key, i) => {
      const same = timingSafeEqual(key, token);
      ok = same || ok;
      which = same ? i : which;
    });
    if (!ok) {
      return problem(c, 'unauthorized', 'the API key is not valid', undefined, { 'WWW-Authenticate': `${REALM}, error="invalid_token"` });
    }
    // The key's position, not the key: the answer cache keeps answers per key (server/answer-cache.ts).
    c.set('apiKeyScope', `key${which}`);
    await next();
  };
}
