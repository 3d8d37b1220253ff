import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { rawRequest, testServer, type TestServer } from '../../support/http.ts';

const SMALL = 2048;
let defaults: TestServer;
let small: TestServer;

beforeAll(async () => {
  [defaults, small] = await Promise.all([testServer(), testServer({ bodyLimitBytes: SMALL })]);
});
afterAll(async () => { await Promise.all([defaults.close(1000), small.close(1000)]); });

/** A valid requirements document padded to `bytes` with a long description-free comment (YAML ignores it). */
function paddedYaml(bytes: number): string {
  const doc = 'service: a\ntraffic: { peakRps: 1 }\n';
  return doc + '#' + 'x'.repeat(Math.max(0, bytes - doc.length - 2)) + '\n';
}

describe('body limit', () => {
  it('answers 413 from Content-Length over the default 256 KB', async () => {
    const res = await rawRequest(defaults.url + '/v1/recommendations', {
      method: 'POST', headers: { 'content-type': 'application/yaml', 'content-length': String(300 * 1024) }, chunks: [paddedYaml(300 * 1024)],
    });
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(ProblemSchema.parse(JSON.parse(res.body)).detail).toMatch(/larger than 262144 bytes/);
  });

  it('accepts a body just under the default limit', async () => {
    const res = await fetch(defaults.url + '/v1/recommendations', { method: 'POST', body: paddedYaml(250 * 1024), headers: { 'content-type': 'application/yaml' } });
    expect(res.status).toBe(200);
  });

  it('answers 413 for a chunked body (no Content-Length) once it streams past the limit', async () => {
    const body = paddedYaml(2 * SMALL);
    const res = await rawRequest(small.url + '/v1/recommendations', {
      method: 'POST', headers: { 'content-type': 'application/yaml', 'transfer-encoding': 'chunked' },
      chunks: [body.slice(0, SMALL / 2), body.slice(SMALL / 2, SMALL), body.slice(SMALL)],
    });
    expect(res.status).toBe(413);
    expect(ProblemSchema.parse(JSON.parse(res.body)).type).toMatch(/body-too-large$/);
  });

  it('accepts a chunked body under the limit', async () => {
    const body = paddedYaml(SMALL - 100);
    const res = await rawRequest(small.url + '/v1/recommendations', {
      method: 'POST', headers: { 'content-type': 'application/yaml', 'transfer-encoding': 'chunked' }, chunks: [body.slice(0, 500), body.slice(500)],
    });
    expect(res.status).toBe(200);
  });

  it('applies to batch and design-review bodies too', async () => {
    for (const path of ['/v1/recommendations/batch', '/v1/design-reviews']) {
      const res = await fetch(small.url + path, { method: 'POST', body: JSON.stringify({ items: [], pad: 'x'.repeat(SMALL) }), headers: { 'content-type': 'application/json' } });
      expect(res.status, path).toBe(413);
    }
  });
});
