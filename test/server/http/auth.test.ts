import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { testServer, type TestServer } from '../../support/http.ts';

const KEY = 'sw_test_0123456789abcdefABCDEF';
const OTHER = 'sw_other_0123456789abcdef';
let server: TestServer;

beforeAll(async () => { server = await testServer({ apiKeys: [OTHER, KEY] }); });
afterAll(async () => { await server.close(1000); });

const rules = (authorization?: string) => fetch(server.url + '/v1/rules', { headers: authorization === undefined ? {} : { authorization } });

describe('API keys', () => {
  it('answers 401 with WWW-Authenticate when the key is missing', async () => {
    const res = await rules();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="statewise"');
    expect(ProblemSchema.parse(await res.json()).type).toMatch(/unauthorized$/);
  });

  it('answers 400 for a malformed Authorization header', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', `Bearer  ${KEY}`, `Bearer ${KEY} extra`]) {
      const res = await rules(header);
      expect(res.status, header).toBe(400);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_request"');
      ProblemSchema.parse(await res.json());
    }
  });

  it('answers 401 with error="invalid_token" for a wrong key', async () => {
    const res = await rules(`Bearer ${KEY}x`);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('lets the right key through, whichever configured key it is', async () => {
    expect((await rules(`Bearer ${KEY}`)).status).toBe(200);
    expect((await rules(`Bearer ${OTHER}`)).status).toBe(200);
    const res = await fetch(server.url + '/v1/recommendations', {
      method: 'POST', body: '{"service":"a","traffic":{"peakRps":1}}', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
    });
    expect(res.status).toBe(200);
  });

  it('keeps /healthz, /openapi.json and /docs open', async () => {
    for (const path of ['/healthz', '/openapi.json', '/docs']) expect((await fetch(server.url + path)).status, path).toBe(200);
  });

  it('documents the bearer scheme on every /v1 operation', async () => {
    const doc = await (await fetch(server.url + '/openapi.json')).json() as {
      components: { securitySchemes: Record<string, unknown> }; paths: Record<string, Record<string, { security: unknown[] }>>;
    };
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.paths['/v1/rules']!.get!.security).toEqual([{ bearerAuth: [] }]);
    expect(doc.paths['/healthz']!.get!.security).toEqual([]);
  });

  it('never writes a key to the access log', async () => {
    await rules(`Bearer ${KEY}`);
    await rules(`Bearer ${KEY}x`);
    expect(server.log.length).toBeGreaterThan(0);
    expect(server.log.join('\n')).not.toContain(KEY.slice(8));
  });
});
