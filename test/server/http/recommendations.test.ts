import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecommendationSchema } from '../../../rules/index.ts';
import { main } from '../../../server/cli.ts';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { BatchResponseSchema } from '../../../server/http/schemas.ts';
import { ROOT, TODAY, testServer, type TestServer } from '../../support/http.ts';

const EXAMPLE = 'examples/online-shop.statewise.yaml';
let server: TestServer;

beforeAll(async () => { server = await testServer(); });
afterAll(async () => { await server.close(1000); });

async function cliJson(file: string): Promise<string> {
  const out: string[] = [];
  const code = await main(['advise', file, '--json'], { out: (t) => out.push(t), err: () => {}, cwd: ROOT, today: TODAY });
  expect(code).toBe(0);
  return out.join('') + '\n';
}

const post = (path: string, body: string, type: string) =>
  fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': type } });

describe('POST /v1/recommendations', () => {
  it('answers a YAML body with exactly the bytes `statewise advise --json` prints', async () => {
    const res = await post('/v1/recommendations', readFileSync(join(ROOT, EXAMPLE), 'utf8'), 'application/yaml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toBe(await cliJson(EXAMPLE));
    expect(RecommendationSchema.safeParse(JSON.parse(text)).success).toBe(true);
  });

  it('answers the same document sent as JSON identically', async () => {
    const { parse } = await import('yaml');
    const data = parse(readFileSync(join(ROOT, EXAMPLE), 'utf8'));
    const res = await post('/v1/recommendations', JSON.stringify(data), 'application/json; charset=utf-8');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(await cliJson(EXAMPLE));
  });

  it('reports invalid fields as a 400 problem with JSON pointers', async () => {
    const res = await post('/v1/recommendations', JSON.stringify({ service: 'a', traffic: { peakRps: -1 }, state: [{ name: 'x', sizeKb: 0 }] }), 'application/json');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = ProblemSchema.parse(await res.json());
    expect(body.status).toBe(400);
    expect(body.type).toMatch(/invalid-requirements$/);
    expect(body.errors?.map((e) => e.pointer).sort()).toEqual(['/state/0/sizeKb', '/traffic/peakRps']);
  });

  it('names unknown fields, each at its own pointer', async () => {
    const res = await post('/v1/recommendations', JSON.stringify({ service: 'a', traffic: { peakRps: 1, burst: 2 }, colour: 'red' }), 'application/json');
    expect(res.status).toBe(400);
    const body = ProblemSchema.parse(await res.json());
    expect(body.errors).toEqual(expect.arrayContaining([
      expect.objectContaining({ pointer: '/colour', detail: 'unknown field "colour"' }),
      expect.objectContaining({ pointer: '/traffic/burst', detail: 'unknown field "burst"' }),
    ]));
  });

  it('locates YAML mistakes by pointer, line and column', async () => {
    const res = await post('/v1/recommendations', 'service: a\ntraffic:\n  peakRps: lots\n', 'application/yaml');
    expect(res.status).toBe(400);
    const body = ProblemSchema.parse(await res.json());
    expect(body.errors).toEqual([expect.objectContaining({ pointer: '/traffic/peakRps', line: 3, column: 12 })]);
  });

  it('rejects malformed JSON with 400 and the position of the fault', async () => {
    const res = await post('/v1/recommendations', '{\n  "service": "a",\n  "traffic": }', 'application/json');
    expect(res.status).toBe(400);
    const body = ProblemSchema.parse(await res.json());
    expect(body.type).toMatch(/malformed-body$/);
    expect(body.errors?.[0]).toMatchObject({ pointer: '', line: 3 });
  });

  it('rejects malformed YAML with 400', async () => {
    const res = await post('/v1/recommendations', 'service: a\ntraffic: { peakRps: 1\n', 'application/yaml');
    expect(res.status).toBe(400);
    expect(ProblemSchema.parse(await res.json()).type).toMatch(/malformed-body$/);
  });

  it('refuses YAML aliases that would expand into a billion laughs, quickly', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) lines.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`);
    const started = performance.now();
    const res = await post('/v1/recommendations', lines.join('\n') + '\nservice: a\ntraffic: { peakRps: 1 }\n', 'application/yaml');
    expect(res.status).toBe(400);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses deeply nested JSON before parsing it', async () => {
    const res = await post('/v1/recommendations', '['.repeat(5000) + ']'.repeat(5000), 'application/json');
    expect(res.status).toBe(400);
    expect(ProblemSchema.parse(await res.json()).detail).toMatch(/nests 5000 levels/);
  });

  it('refuses huge arrays with a pointer to them', async () => {
    const res = await post('/v1/recommendations', JSON.stringify({ service: 'a', traffic: { peakRps: 1 }, state: new Array(5000).fill({}) }), 'application/json');
    expect(res.status).toBe(400);
    expect(ProblemSchema.parse(await res.json()).errors?.[0]?.pointer).toBe('/state');
  });

  it('answers 415 for a content type it does not read, and for none', async () => {
    const res = await post('/v1/recommendations', 'service=a', 'application/x-www-form-urlencoded');
    expect(res.status).toBe(415);
    expect(ProblemSchema.parse(await res.json()).detail).toMatch(/application\/x-www-form-urlencoded is not supported/);
    const none = await fetch(server.url + '/v1/recommendations', { method: 'POST', body: new Blob(['{}']) });
    expect(none.status).toBe(415);
  });

  it('answers 415 for a compressed body instead of calling it malformed', async () => {
    const res = await fetch(server.url + '/v1/recommendations', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } });
    expect(res.status).toBe(415);
    expect(res.headers.get('accept-encoding')).toBe('identity');
    expect(ProblemSchema.parse(await res.json()).detail).toMatch(/Content-Encoding gzip/);
  });
});

describe('POST /v1/recommendations/batch', () => {
  it('answers each item on its own: a bad item gets a problem rooted at its index', async () => {
    const items = [
      { service: 'good-one', traffic: { peakRps: 10 } },
      { service: 'Bad Name', traffic: { peakRps: 10 } },
      { service: 'good-two', context: { memory: 'session' }, traffic: { peakRps: 10 } },
    ];
    const res = await post('/v1/recommendations/batch', JSON.stringify({ items }), 'application/json');
    expect(res.status).toBe(200);
    const body = BatchResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ succeeded: 2, failed: 1 });
    expect(body.results.map((r) => r.ok)).toEqual([true, false, true]);
    const bad = body.results[1]!;
    expect(bad.ok === false && bad.problem.errors?.[0]?.pointer).toBe('/items/1/service');
    const good = body.results[2]!;
    expect(good.ok && good.recommendation.service).toBe('good-two');
  });

  it('rejects an envelope with more than 1000 items, or none', async () => {
    const many = await post('/v1/recommendations/batch', JSON.stringify({ items: new Array(1001).fill({ service: 'a', traffic: { peakRps: 1 } }) }), 'application/json');
    expect(many.status).toBe(400);
    expect(ProblemSchema.parse(await many.json()).errors?.[0]?.pointer).toBe('/items');
    const none = await post('/v1/recommendations/batch', JSON.stringify({ items: [] }), 'application/json');
    expect(none.status).toBe(400);
    const wrong = await post('/v1/recommendations/batch', JSON.stringify({ things: [] }), 'application/json');
    expect(ProblemSchema.parse(await wrong.json()).errors?.map((e) => e.pointer).sort()).toEqual(['/items', '/things']);
  });
});
