import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { builtinEngine } from '../../support/engine.ts';
import { testServer, type TestServer } from '../../support/http.ts';

const PORTAL = 'https://portal.example.com';
let plain: TestServer;
let withCors: TestServer;
let broken: TestServer;

beforeAll(async () => {
  const engine = builtinEngine();
  [plain, withCors, broken] = await Promise.all([
    testServer(),
    testServer({ corsOrigins: [PORTAL] }),
    testServer({ engine: { ...engine, advise: () => { throw new Error('boom: secret internals'); } } }),
  ]);
});
afterAll(async () => { await Promise.all([plain.close(1000), withCors.close(1000), broken.close(1000)]); });

describe('CORS', () => {
  it('is off unless origins are allow-listed', async () => {
    const res = await fetch(plain.url + '/healthz', { headers: { origin: PORTAL } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows an allow-listed origin, preflight included', async () => {
    const res = await fetch(withCors.url + '/healthz', { headers: { origin: PORTAL } });
    expect(res.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(res.headers.get('vary')).toMatch(/origin/i);
    const pre = await fetch(withCors.url + '/v1/recommendations', {
      method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
  });

  it('refuses any other origin', async () => {
    const res = await fetch(withCors.url + '/healthz', { headers: { origin: 'https://evil.example.net' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const pre = await fetch(withCors.url + '/v1/recommendations', { method: 'OPTIONS', headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('request ids and the access log', () => {
  it('puts an x-request-id on every response, in problem bodies too', async () => {
    for (const [path, init] of [['/healthz', {}], ['/nope', {}], ['/v1/recommendations', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }]] as const) {
      const res = await fetch(plain.url + path, init);
      const id = res.headers.get('x-request-id');
      expect(id, path).toMatch(/^[0-9a-f-]{36}$/);
      if (res.status >= 400) expect(ProblemSchema.parse(await res.json()).requestId).toBe(id);
    }
  });

  it('keeps a sane incoming id and replaces one that is not', async () => {
    const kept = await fetch(plain.url + '/healthz', { headers: { 'x-request-id': 'ci-build-42_retry=1' } });
    expect(kept.headers.get('x-request-id')).toBe('ci-build-42_retry=1');
    for (const bad of ['has spaces in it', 'x'.repeat(200), '<script>']) {
      const res = await fetch(plain.url + '/healthz', { headers: { 'x-request-id': bad } });
      expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('writes one JSON line per request with method, path, status, ms and request id', async () => {
    const before = plain.log.length;
    const res = await fetch(plain.url + '/v1/rules?x=1', { headers: { 'x-request-id': 'log-check-1' } });
    expect(res.status).toBe(200);
    const lines = plain.log.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/v1/rules', status: 200, requestId: 'log-check-1' });
    expect(typeof lines[0]!.ms).toBe('number');
  });
});

describe('response headers', () => {
  it('sends secure headers, and no-store on results and problems', async () => {
    const res = await fetch(plain.url + '/v1/recommendations', { method: 'POST', body: '{"service":"a","traffic":{"peakRps":1}}', headers: { 'content-type': 'application/json' } });
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bad = await fetch(plain.url + '/v1/rules/nope');
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });
});

describe('unknown routes and methods', () => {
  it('answers 404 for an unknown path and 405 with Allow for a wrong method, both as problems', async () => {
    const missing = await fetch(plain.url + '/v2/recommendations');
    expect(missing.status).toBe(404);
    expect(ProblemSchema.parse(await missing.json()).type).toMatch(/not-found$/);
    const wrong = await fetch(plain.url + '/v1/recommendations');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    expect(ProblemSchema.parse(await wrong.json()).status).toBe(405);
    const post = await fetch(plain.url + '/healthz', { method: 'POST' });
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('unexpected failures', () => {
  it('answer 500 with the request id and no internals; the cause goes to the report, not the client', async () => {
    const res = await fetch(broken.url + '/v1/recommendations', { method: 'POST', body: '{"service":"a","traffic":{"peakRps":1}}', headers: { 'content-type': 'application/json', 'x-request-id': 'req-500' } });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/boom|secret|\.ts:/);
    expect(ProblemSchema.parse(JSON.parse(text))).toMatchObject({ status: 500, requestId: 'req-500' });
    expect(broken.reports.join('\n')).toMatch(/req-500.*boom: secret internals/s);
  });
});
