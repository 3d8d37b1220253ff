import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { builtinEngine } from '../../support/engine.ts';
import { testServer, type TestServer } from '../../support/http.ts';

/**
 * The Host check (server/http/host-check.ts) on a real loopback server. An absolute-form request target
 * (`GET http://evil.example/v1/rules`, RFC 9112 §3.2.2) names the host the request is for, whatever Host says:
 * node:http sends exactly that request line when `path` is a whole URL.
 */
let server: TestServer;
beforeAll(async () => { server = await testServer(); });
afterAll(async () => { await server.close(1000); });

function get(target: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path: target, headers, setHost: false }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => { body += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('absolute-form request targets', () => {
  it('a foreign host in the target gets 421, even with an allowed Host header', async () => {
    for (const target of ['http://evil.example/v1/rules', 'http://evil.example:8787/healthz', 'https://EVIL.example/v1/rules', 'http://localhost.evil.example/healthz']) {
      const r = await get(target, { host: 'localhost' });
      expect(r.status, target).toBe(421);
      expect(JSON.parse(r.body).detail, target).toMatch(/does not answer for host "(evil\.example|localhost\.evil\.example)"/);
    }
  });

  it('without a Host header Node itself refuses an HTTP/1.1 request (400), absolute-form or not', async () => {
    expect((await get('http://evil.example/healthz', {})).status).toBe(400);
    expect((await get('/healthz', {})).status).toBe(400);
  });

  it('an allowed host in the target is answered, with and without a port, in any case', async () => {
    const port = new URL(server.url).port;
    for (const target of [`http://localhost:${port}/healthz`, 'http://127.0.0.1/healthz', `http://LOCALHOST:${port}/v1/rules`, `http://[::1]:${port}/healthz`]) {
      expect((await get(target, { host: 'localhost' })).status, target).toBe(200);
    }
  });

  it('origin-form requests are checked by their Host header as before', async () => {
    expect((await get('/healthz', { host: 'evil.example' })).status).toBe(421);
    expect((await get('/healthz', { host: 'localhost' })).status).toBe(200);
  });
});

/**
 * The DNS-rebinding guard (allowedHosts → 421 for any other Host) compares host names, which are case-insensitive
 * (RFC 9110 §4.2.3, RFC 3986 §3.2.2): a client writing `LOCALHOST` or `Api.Example.COM` must be answered, and the
 * allow-list may be configured in any case. In-process through the app (`app.request`).
 */
const app = createApp({ engine: builtinEngine(), accessLog: false, allowedHosts: ['localhost', '127.0.0.1', '[::1]', 'API.Example.com'] });
const withHost = (host: string) => app.request('/healthz', { headers: { host } });

describe('Host header case', () => {
  it.each(['LOCALHOST', 'LocalHost:8787', '127.0.0.1:8787', '[::1]:8787', 'api.example.com', 'Api.Example.COM:443', ' localhost '])(
    'answers %j', async (host) => {
      const res = await withHost(host);
      expect(res.status).toBe(200);
    },
  );

  it.each(['evil.example', 'EVIL.example:8787', 'localhost.evil.example', 'api.example.com.evil.example'])('refuses %j with a 421 problem', async (host) => {
    const res = await withHost(host);
    expect(res.status).toBe(421);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.type).toMatch(/misdirected-request$/);
    // The name is quoted lower-cased, as it was compared; the allow-list too.
    expect(problem.detail).toContain(JSON.stringify(host.split(':')[0]!.toLowerCase()));
    expect(problem.detail).toContain('api.example.com');
  });
});
