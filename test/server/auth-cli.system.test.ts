import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../server/http/problem.ts';
import { spawnServer, type ServerChild } from '../support/fuzz/server.ts';

/**
 * API keys on the real `statewise serve` process (keys from STATEWISE_API_KEYS and --api-keys-file together):
 * missing / malformed / wrong / right → 401 / 400 / 401 / 200 with WWW-Authenticate on every /v1 route; the open
 * routes stay open; and no key — right, wrong or sent where it does not belong — ever appears in the process's
 * stdout (access log) or stderr.
 */

const ENV_KEY = 'swk_env_9f8e7d6c5b4a39281706';
const FILE_KEY = 'swk_file_A1b2C3d4E5f6G7h8I9j0';
const WRONG = 'swk_wrong_ZZZZZZZZZZZZZZZZZZZZ';
let dir: string;
let server: ServerChild;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'statewise-keys-'));
  writeFileSync(join(dir, 'keys'), `# team keys\n${FILE_KEY}\n`);
  server = await spawnServer(['--api-keys-file', join(dir, 'keys')], { env: { STATEWISE_API_KEYS: ENV_KEY } });
});
afterAll(async () => { await server?.stop(); rmSync(dir, { recursive: true, force: true }); });

const BODY = '{"service":"a","traffic":{"peakRps":1}}';
const ROUTES: Array<[string, string, string | undefined]> = [
  ['POST', '/v1/recommendations', BODY],
  ['POST', '/v1/recommendations/batch', `{"items":[${BODY}]}`],
  ['GET', '/v1/rules', undefined],
  ['GET', '/v1/schemas/requirements', undefined],
];

async function call(method: string, path: string, body: string | undefined, authorization?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (authorization !== undefined) headers.authorization = authorization;
  const res = await fetch(server.url + path, { method, headers, body, signal: AbortSignal.timeout(15_000) });
  return { status: res.status, www: res.headers.get('www-authenticate'), type: res.headers.get('content-type'), text: await res.text() };
}

describe('API keys on the real server process', () => {
  it.each(ROUTES)('%s %s: missing → 401, malformed → 400, wrong → 401, right (either source) → 200', async (method, path, body) => {
    const missing = await call(method, path, body);
    expect(missing.status).toBe(401);
    expect(missing.www).toBe('Bearer realm="statewise"');
    expect(ProblemSchema.parse(JSON.parse(missing.text)).status).toBe(401);

    for (const bad of ['Basic c3c6c3c=', `Bearer`, `Bearer  ${ENV_KEY}`, `Bearer ${ENV_KEY} ${ENV_KEY}`, `Token ${ENV_KEY}`, `Bearer ${ENV_KEY}\u00e9`]) {
      const malformed = await call(method, path, body, bad);
      expect(malformed.status, bad).toBe(400);
      expect(malformed.www, bad).toContain('error="invalid_request"');
      expect(malformed.type).toBe('application/problem+json');
    }

    const wrong = await call(method, path, body, `Bearer ${WRONG}`);
    expect(wrong.status).toBe(401);
    expect(wrong.www).toContain('error="invalid_token"');

    for (const key of [ENV_KEY, FILE_KEY]) expect((await call(method, path, body, `Bearer ${key}`)).status).toBe(200);
    // The scheme name is case-insensitive (RFC 9110 §11.1); the key is not.
    expect((await call(method, path, body, `bearer ${ENV_KEY}`)).status).toBe(200);
    expect((await call(method, path, body, `BEARER ${FILE_KEY}`)).status).toBe(200);
    expect((await call(method, path, body, `Bearer ${ENV_KEY.toUpperCase()}`)).status).toBe(401);
  });

  it('open routes stay open without a key, and ignore a wrong one', async () => {
    for (const path of ['/healthz', '/openapi.json', '/docs']) {
      expect((await call('GET', path, undefined)).status, path).toBe(200);
      expect((await call('GET', path, undefined, `Bearer ${WRONG}`)).status, path).toBe(200);
    }
  });

  it('never writes a key to stdout (access log) or stderr, even one sent in the query string', async () => {
    await call('GET', `/healthz?api_key=${WRONG}`, undefined);
    await call('GET', `/v1/rules?key=${ENV_KEY}`, undefined, `Bearer ${FILE_KEY}`);
    await new Promise((r) => setTimeout(r, 200));
    expect(server.stdout.length).toBeGreaterThan(20);
    const output = [...server.stdout, ...server.stderr].join('\n');
    for (const key of [ENV_KEY, FILE_KEY, WRONG]) {
      expect(output).not.toContain(key);
      expect(output).not.toContain(key.slice(-12));
    }
    // The access log still records every request it saw (the query string is not part of the logged path).
    const paths = server.stdout.map((l) => (JSON.parse(l) as { path: string }).path);
    expect(paths).toContain('/healthz');
    expect(paths).toContain('/v1/rules');
  });
});
