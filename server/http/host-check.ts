import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../routes/shared.ts';
import { problem } from './problem.ts';

/** What @hono/node-server puts in `c.env`: the raw request, whose `url` is the request target as sent. */
interface NodeBindings { incoming?: { url?: string } }

/**
 * DNS rebinding guard: a web page whose name an attacker re-points at 127.0.0.1 can make a browser send requests to
 * a loopback server, but the browser still sends the attacker's name as Host. Only the names the server is meant
 * to be reached under are answered; the rest get 421. A request without Host (HTTP/1.0) cannot come from a browser.
 * An absolute-form target (`GET http://evil.example/ HTTP/1.1`, RFC 9112 §3.2.2) names the host the request is for
 * and wins over Host, so its host is checked as well: both must be allowed.
 */
export function hostCheck(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  const names = new Set(allowed.map((h) => h.toLowerCase()));
  const refuse = (c: Parameters<MiddlewareHandler<AppEnv>>[0], name: string) =>
    problem(c, 'misdirected-request', `this server does not answer for host ${JSON.stringify(name.slice(0, 100))}; allowed: ${[...names].join(', ')} (serve --allowed-host adds names)`);
  return async (c, next) => {
    const host = c.req.raw.headers.get('host');
    if (host !== null) {
      const name = hostName(host.trim().toLowerCase());
      if (!names.has(name)) return refuse(c, name);
    }
    const target = (c.env as NodeBindings | undefined)?.incoming?.url ?? '';
    // node-server parsed the absolute target into c.req.url; URL's hostname is lower-cased, IPv6 in brackets.
    if (/^https?:\/\//i.test(target)) {
      const name = new URL(c.req.url).hostname;
      if (!names.has(name)) return refuse(c, name);
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
