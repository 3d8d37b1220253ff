import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, createEngine, loadCatalog, RecommendationSchema, renderReview } from '../../rules/index.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { callServer } from '../../extension/src/server-client.ts';
import { serverFailureMessage } from '../../extension/src/server-errors.ts';
import { EXAMPLE_PATH, exampleRequirements } from '../support/extension.ts';

/** Server mode against the real statewise HTTP API on loopback, with API keys on. */
const KEY = 'test-key-1';
const TODAY = '2026-11-26';
let running: RunningServer;
const engine = (() => {
  const catalog = loadCatalog(BUILTIN_CATALOG);
  if (!catalog.ok) throw new Error('builtin catalogue');
  return createEngine(catalog.value);
})();
const text = readFileSync(EXAMPLE_PATH, 'utf8');

beforeAll(async () => {
  running = await startServer({ engine, port: 0, host: '127.0.0.1', apiKeys: [KEY], accessLog: false, today: () => TODAY });
});
afterAll(async () => { await running.close(1_000); });

const post = (path: string, body: string, apiKey?: string, accept = 'application/json') =>
  callServer({ baseUrl: running.url, path, body, contentType: 'application/yaml', accept, apiKey, timeoutMs: 10_000 });

describe('server mode against the real API', () => {
  it('gets the same recommendation the embedded engine gives', async () => {
    const result = await post('/v1/recommendations', text, KEY);
    expect(result.ok).toBe(true);
    const rec = RecommendationSchema.parse(JSON.parse(result.ok ? result.body : '{}'));
    expect(rec).toEqual(engine.advise(exampleRequirements(), { today: TODAY }));
  });

  it('gets the same design review the embedded renderer writes', async () => {
    const result = await post(`/v1/design-reviews?${new URLSearchParams({ date: '2026-01-02', source: 'shop.statewise.yaml' })}`, text, KEY, 'text/markdown');
    expect(result.ok && result.contentType).toMatch(/^text\/markdown/);
    const requirements = exampleRequirements();
    const expected = renderReview({ requirements, recommendation: engine.advise(requirements, { today: TODAY }), date: '2026-01-02', source: 'shop.statewise.yaml' });
    expect(result.ok && result.body).toBe(expected);
  });

  it('a missing or wrong key becomes a message that says how to set it', async () => {
    for (const key of [undefined, 'wrong']) {
      const result = await post('/v1/recommendations', text, key);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.failure).toMatchObject({ kind: 'problem', status: 401 });
      expect(serverFailureMessage(result.failure)).toMatch(/^The statewise server rejected the request \(401 Authentication required\): .+\. Set the API key with "Statewise: Set Server API Key"\.$/);
    }
  });

  it('a problem response names the failing field by pointer and line', async () => {
    const result = await post('/v1/recommendations', 'service: shop\ntraffic:\n  peakRps: -1\n', KEY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toMatchObject({ kind: 'problem', status: 400 });
    expect(serverFailureMessage(result.failure)).toMatch(/^The statewise server rejected the request \(400 [^)]+\): \/traffic\/peakRps \(line 3\): must be at least 0/);
  });
});
