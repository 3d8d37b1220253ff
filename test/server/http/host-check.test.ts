import { describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { builtinEngine } from '../../support/engine.ts';

/**
 * The DNS-rebinding guard (allowedHosts → 421 for any other Host) compares host names, which are case-insensitive
 * (RFC 9110 §4.2.3, RFC 3986 §3.2.2): a client writing `LOCALHOST` or `Api.Example.COM` must be answered, and the
 * allow-list may be configured in any case. In-process through the app (`app.request`); the spawned-server variant
 * of this guard is in hostile-round2.system.test.ts.
 */
const engine = builtinEngine();
const app = createApp({ engine, accessLog: false, allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'API.Example.com'] });
const get = (host: string) => app.request('/healthz', { headers: { host } });

describe('Host allow-list', () => {
  it.each(['LOCALHOST', 'LocalHost:8787', '127.0.0.1:8787', '[::1]:8787', 'api.example.com', 'Api.Example.COM:443', ' localhost '])(
    'answers %j', async (host) => {
      const res = await get(host);
      expect(res.status).toBe(200);
    },
  );

  it.each(['evil.example', 'EVIL.example:8787', 'localhost.evil.example', 'api.example.com.evil.example'])('refuses %j with a 421 problem', async (host) => {
    const res = await get(host);
    expect(res.status).toBe(421);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.type).toMatch(/misdirected-request$/);
    // The name is quoted lower-cased, as it was compared; the allow-list too.
    expect(problem.detail).toContain(JSON.stringify(host.split(':')[0]!.toLowerCase()));
    expect(problem.detail).toContain('api.example.com');
  });
});
