import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { requirementsJsonSchema, type RequirementsInput } from '../../../rules/index.ts';
import { main } from '../../../server/cli.ts';
import { API_TYPES_FILE, apiTypes } from '../../../scripts/api-types.ts';
import { apiClient } from '../../support/api-client.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { ROOT, TODAY, testServer, type TestServer } from '../../support/http.ts';

const EXAMPLE = 'examples/online-shop.statewise.yaml';
let server: TestServer;
let openapi: string;
let dir: string;

beforeAll(async () => {
  server = await testServer();
  openapi = await (await fetch(server.url + '/openapi.json')).text();
  dir = mkdtempSync(join(tmpdir(), 'statewise-openapi-'));
});
afterAll(async () => {
  await server.close(1000);
  rmSync(dir, { recursive: true, force: true });
});

describe('the served OpenAPI document', () => {
  it('is OpenAPI 3.1 and documents every route', () => {
    const doc = JSON.parse(openapi) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/healthz', '/openapi.json', '/v1/design-reviews', '/v1/recommendations', '/v1/recommendations/batch',
      '/v1/rules', '/v1/schemas/requirements',
    ]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Requirements', 'Recommendation', 'Problem']));
  });

  it('regenerates exactly the committed client types (npm run api:types)', async () => {
    // When this fails the contract changed: run `npm run api:types` and commit the regenerated file.
    expect(await apiTypes(openapi), 'stale test/support/api-types.generated.ts: run npm run api:types').toBe(readFileSync(API_TYPES_FILE, 'utf8'));
  });

  it('passes redocly lint (recommended rules), offline', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, openapi);
    // Probes and the document itself have no client-error answers to document; every other recommended rule applies.
    writeFileSync(join(dir, 'redocly.yaml'), 'extends:\n  - recommended\nrules:\n  operation-4xx-response: off\n');
    const bin = join(ROOT, 'node_modules/.bin/redocly');
    const { stdout } = await promisify(execFile)(bin, ['lint', file, '--config', join(dir, 'redocly.yaml'), '--format', 'json'], {
      cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' }, timeout: 25_000,
    }).catch((e: { stdout: string; stderr: string }) => { throw new Error(`redocly lint failed:\n${e.stdout}\n${e.stderr}`); });
    const report = JSON.parse(stdout) as { totals: { errors: number; warnings: number }; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('serves /docs as Swagger UI from this server: local scripts only, under a policy that allows nothing else', async () => {
    const res = await fetch(server.url + '/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
    const html = await res.text();
    const sources = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.length).toBeGreaterThanOrEqual(4);
    for (const src of sources) expect(src, 'no CDN: every file from this server').toMatch(/^\//);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script [^>]*>[^<]/); // no inline script under the CSP
    for (const src of sources) {
      const asset = await fetch(server.url + src);
      expect(asset.status, src).toBe(200);
      await asset.arrayBuffer();
    }
    const init = await (await fetch(server.url + '/docs/init.js')).text();
    expect(init).toContain("url: '/openapi.json'");
    expect(init).toContain('validatorUrl: null');
    // The asset route serves only its allow-list, never another file of the package or of the disk.
    for (const name of ['package.json', 'index.html', '..%2F..%2Fpackage.json', 'swagger-ui.js.map']) {
      expect((await fetch(`${server.url}/docs/assets/${name}`)).status, name).toBe(404);
    }
  });

  it('carries request and response examples from examples/: valid input, and the answer statewise gives', async () => {
    type Media = { examples?: Record<string, { summary: string; value: unknown }> };
    const doc = JSON.parse(openapi) as { paths: Record<string, { post: { requestBody: { content: Record<string, Media> }; responses: Record<string, { content: Record<string, Media> }> } }> };
    const op = doc.paths['/v1/recommendations']!.post;
    const requests = op.requestBody.content['application/json']!.examples!;
    const responses = op.responses['200']!.content['application/json']!.examples!;
    expect(Object.keys(requests)).toEqual(['online-shop', 'team-chat', 'live-dashboard']);
    const engine = builtinEngine();
    for (const [name, example] of Object.entries(requests)) {
      const file = readFileSync(join(ROOT, 'examples', `${name}.statewise.yaml`), 'utf8');
      expect(example.value, name).toEqual(parseYaml(file));
      const answer = engine.advise(requirementsOf(parseYaml(file)), { today: TODAY });
      expect(responses[name]!.value, name).toEqual(JSON.parse(JSON.stringify(answer)));
      expect(example.summary).toBe(`examples/${name}.statewise.yaml (${answer.verdict})`);
      // What the reference shows is what the server answers to "Try it out" with the same body.
      const live = await fetch(server.url + '/v1/recommendations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(example.value) });
      expect(await live.json()).toEqual(responses[name]!.value);
    }
    const batch = doc.paths['/v1/recommendations/batch']!.post.requestBody.content['application/json']!.examples!;
    expect((batch.all!.value as { items: unknown[] }).items).toHaveLength(3);
    const review = doc.paths['/v1/design-reviews']!.post.responses['200']!.content['text/markdown']!.examples!;
    expect(String(review['team-chat']!.value)).toMatch(/^---\nstatus: proposed\n/);
  });
});

describe('a typed client generated from the document drives every route', () => {
  const yamlText = () => readFileSync(join(ROOT, EXAMPLE), 'utf8');

  it('GET routes answer bodies that match their schemas', async () => {
    const { client, checked } = apiClient(server.url);
    const health = await client.GET('/healthz');
    const rules = await client.GET('/v1/rules');
    const schema = await client.GET('/v1/schemas/requirements');
    const doc = await client.GET('/openapi.json');
    expect(health.data?.status).toBe('ok');
    expect(rules.data?.rulesVersion).toBe(health.data?.rulesVersion);
    expect(rules.data?.rules.length).toBeGreaterThan(10);
    expect(schema.data).toEqual(requirementsJsonSchema());
    expect(schema.response.headers.get('content-type')).toBe('application/schema+json');
    expect(doc.data).toMatchObject({ openapi: '3.1.0' });
    expect(checked.map((c) => c.kind)).toEqual(['success', 'success', 'success', 'success']);
  });

  it('POST /v1/recommendations with JSON and with YAML', async () => {
    const { client, checked } = apiClient(server.url);
    const body = parseYaml(yamlText()) as RequirementsInput;
    const json = await client.POST('/v1/recommendations', { body });
    const yaml = await client.POST('/v1/recommendations', {
      body: yamlText() as unknown as RequirementsInput, bodySerializer: (b) => b as unknown as string, headers: { 'content-type': 'application/yaml' },
    });
    expect(json.data?.service).toBe('online-shop');
    expect(yaml.data).toEqual(json.data);
    const bad = await client.POST('/v1/recommendations', { body: { service: 'x', traffic: { peakRps: -5 } } });
    expect(bad.error?.errors?.[0]?.pointer).toBe('/traffic/peakRps');
    expect(checked.map((c) => `${c.status} ${c.kind}`)).toEqual(['200 success', '200 success', '400 problem']);
  });

  it('POST /v1/recommendations/batch', async () => {
    const { client, checked } = apiClient(server.url);
    const res = await client.POST('/v1/recommendations/batch', { body: { items: [parseYaml(yamlText()), { service: 'x', traffic: { peakRps: 1 } }] } });
    expect(res.data?.results.map((r) => r.ok)).toEqual([true, true]);
    expect(checked).toHaveLength(1);
  });

  it('POST /v1/design-reviews: the same Markdown `statewise review` writes, or { markdown } on request', async () => {
    const { client, checked } = apiClient(server.url);
    const query = { date: TODAY, source: EXAMPLE };
    const md = await client.POST('/v1/design-reviews', {
      params: { query }, body: yamlText() as unknown as RequirementsInput, bodySerializer: (b) => b as unknown as string,
      headers: { 'content-type': 'application/yaml' }, parseAs: 'text',
    });
    expect(md.response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const out = join(dir, 'review.md');
    const code = await main(['review', EXAMPLE, '-o', out, '--date', TODAY], { out: () => {}, err: () => {}, cwd: ROOT, today: TODAY });
    expect(code).toBe(0);
    expect(md.data).toBe(readFileSync(out, 'utf8'));
    const json = await client.POST('/v1/design-reviews', { params: { query }, body: parseYaml(yamlText()), headers: { accept: 'application/json' } });
    expect(typeof json.data === 'object' && json.data.markdown).toBe(md.data);
    const bad = await client.POST('/v1/design-reviews', { params: { query: { date: '26.11.2026' } }, body: parseYaml(yamlText()) });
    expect(bad.error?.errors?.[0]?.parameter).toBe('date');
    expect(checked.map((c) => `${c.status} ${c.kind}`)).toEqual(['200 markdown', '200 success', '400 problem']);
  });

  it('POST /v1/design-reviews answers 406 when neither Markdown nor JSON is acceptable', async () => {
    const { client } = apiClient(server.url);
    const res = await client.POST('/v1/design-reviews', { body: parseYaml(yamlText()), headers: { accept: 'image/png' } });
    expect(res.response.status).toBe(406);
  });
});
