import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BriefRecommendationSchema, RecommendationSchema } from '../../../rules/index.ts';
import { recommendationText } from '../../../server/advice-tasks.ts';
import { returnPreference } from '../../../server/http/detail.ts';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT, TODAY, testServer, type TestServer } from '../../support/http.ts';

/** `detail=brief|full` and `Prefer: return=minimal|representation` on POST /v1/recommendations, over real HTTP. */

const SHOP = readFileSync(join(ROOT, 'examples/online-shop.statewise.yaml'), 'utf8');
const engine = builtinEngine();
const want = {
  full: recommendationText(engine.advise(requirementsFromText(SHOP), { today: TODAY })),
  brief: recommendationText(engine.advise(requirementsFromText(SHOP), { today: TODAY, detail: 'brief' })),
};
let server: TestServer;

beforeAll(async () => { server = await testServer(); });
afterAll(async () => { await server.close(1000); });

const post = (query = '', headers: Record<string, string> = {}, body = SHOP) =>
  fetch(`${server.url}/v1/recommendations${query}`, { method: 'POST', body, headers: { 'content-type': 'application/yaml', ...headers } });

describe('detail on POST /v1/recommendations', () => {
  it('is full by default, and says the answer varies with Prefer', async () => {
    const res = await post();
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(want.full);
    expect(res.headers.get('preference-applied')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/\bPrefer\b/);
  });

  it('?detail=brief answers the brief form, the engine\'s bytes, valid against its schema', async () => {
    const res = await post('?detail=brief');
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toBe(want.brief);
    const brief = BriefRecommendationSchema.parse(JSON.parse(text));
    expect(brief.detail).toBe('brief');
    expect(brief.placements.map((p) => p.state)).toEqual(RecommendationSchema.parse(JSON.parse(want.full)).placements.map((p) => p.state));
    expect(res.headers.get('preference-applied')).toBeNull();
    expect(text.length * 10).toBeLessThan(want.full.length);
  });

  it('Prefer: return=minimal answers brief with Preference-Applied; return=representation full, also applied', async () => {
    const minimal = await post('', { Prefer: 'respond-async, return=minimal' });
    expect(await minimal.text()).toBe(want.brief);
    expect(minimal.headers.get('preference-applied')).toBe('return=minimal');
    const whole = await post('', { Prefer: 'return=representation' });
    expect(await whole.text()).toBe(want.full);
    expect(whole.headers.get('preference-applied')).toBe('return=representation');
  });

  it('the query parameter wins over the header, and then the header is not said to be applied', async () => {
    const res = await post('?detail=full', { Prefer: 'return=minimal' });
    expect(await res.text()).toBe(want.full);
    expect(res.headers.get('preference-applied')).toBeNull();
    const both = await post('?detail=brief', { Prefer: 'return=minimal' });
    expect(await both.text()).toBe(want.brief);
    expect(both.headers.get('preference-applied')).toBe('return=minimal');
  });

  it('an unknown detail is a 400 naming the query parameter, before any advice', async () => {
    const res = await post('?detail=short');
    expect(res.status).toBe(400);
    const problem = ProblemSchema.parse(await res.json());
    expect(problem.errors).toEqual([expect.objectContaining({ parameter: 'detail', detail: expect.stringMatching(/^query parameter detail: .*brief/) })]);
  });

  it('the answer cache keeps full and brief apart: each misses once, then hits with its own bytes', async () => {
    const body = SHOP.replace('online-shop', 'cache-apart');
    const seen: Array<[string | null, string]> = [];
    for (const query of ['', '?detail=brief', '', '?detail=brief']) {
      const res = await post(query, {}, body);
      seen.push([res.headers.get('x-statewise-cache'), JSON.parse(await res.text()).detail ?? 'full']);
    }
    expect(seen).toEqual([['miss', 'full'], ['miss', 'brief'], ['hit', 'full'], ['hit', 'brief']]);
  });
});

describe('the OpenAPI document', () => {
  it('lists the detail parameter, the Prefer header and both answer schemas', async () => {
    const doc = await (await fetch(`${server.url}/openapi.json`)).json() as {
      paths: Record<string, { post: { parameters: Array<{ name: string; in: string; schema: { enum?: string[] } }>; responses: Record<string, { content: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }> } }>;
      components: { schemas: Record<string, unknown> };
    };
    const op = doc.paths['/v1/recommendations']!.post;
    expect(op.parameters).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'detail', in: 'query', schema: expect.objectContaining({ enum: ['full', 'brief'] }) }),
      expect.objectContaining({ name: 'prefer', in: 'header' }),
    ]));
    expect(JSON.stringify(op.responses['200']!.content['application/json']!.schema)).toMatch(/#\/components\/schemas\/Recommendation".*#\/components\/schemas\/BriefRecommendation"/);
    expect(Object.keys(op.responses['200']!.headers ?? {})).toEqual(expect.arrayContaining(['Preference-Applied', 'Vary']));
    expect(doc.components.schemas).toHaveProperty('BriefRecommendation');
  });
});

describe('returnPreference (RFC 7240)', () => {
  it('finds the first return preference among others, case- and quote-insensitive', () => {
    expect(returnPreference('respond-async, wait=10, return=minimal; foo=bar')).toBe('minimal');
    expect(returnPreference('RETURN="Representation"')).toBe('representation');
    expect(returnPreference('return=minimal, return=representation')).toBe('minimal');
    expect(returnPreference('wait=5')).toBeUndefined();
    expect(returnPreference(undefined)).toBeUndefined();
  });
});
