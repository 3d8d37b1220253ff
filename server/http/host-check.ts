import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/shared.ts';
import { problem } from './problem.ts';

/**
 * DNS rebinding guard: a web page whose name an attacker re-points at 127.0.0.1 can make a browser send requests to
 * a loopback server, but the browser still sends the attacker's name as Host. Only the names the server is meant
 * to be reached under are answered; the rest get 421. A request without Host (HTTP/1.0) cannot come from a browser.
 */
export function hostCheck(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = c.req.raw.headers.get('host');
    if (host !== null) {
      const name = hostName(host.trim().toLowerCase());
      if (!names.has(name)) {
        return problem(c, 'misdirected-request', `this server does not answer for host ${JSON.stringify(name.slice(0, 100))}; allowed: ${[...names].join(', ')} (serve --allowed-host adds names)`);
      }
    }
    await next();
  };
}

/** `example.com:8787` → `example.com`; `[::1]:8787` → `[::1]`. */
function hostName(host: string): string {
  if (host.startsWith('[')) { const end = host.indexOf(']'); return end < 0 ? host : host.slice(0, end + 1); }
  const colon = host.indexOf(':');
  return colon < 0 || host.indexOf(':', colon + 1) >= 0 ? host : host.slice(0, colon);
}
