import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { cli, ROOT, tempFiles } from '../../support/cli.ts';
import { inProcessClient, textOf } from '../../support/mcp.ts';
import { loadExamples } from '../../../server/mcp/index.ts';

/** The MCP tools through the SDK's own Client: the same answers and the same issues as the CLI. */
let client: Client;
let close: () => Promise<void>;
beforeAll(async () => ({ client, close } = await inProcessClient()));
afterAll(async () => close());

const ORDERS = readFileSync(join(ROOT, 'examples', 'orders-api.statewise.yaml'), 'utf8');

describe('statewise MCP tools', () => {
  it('lists five tools, each with a one-line description and a JSON Schema from the zod contract', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['advise', 'check', 'explain_rule', 'review', 'what_if']);
    for (const t of tools) {
      expect(t.description).toMatch(/^[^\n]{20,200}$/);
      expect(t.inputSchema.type).toBe('object');
    }
    const whatIf = tools.find((t) => t.name === 'what_if')!.inputSchema;
    expect(whatIf.required).toEqual(['requirements', 'changes']);
    expect((whatIf.properties as Record<string, { type: string }>).requirements!.type).toBe('string');
    expect(whatIf.additionalProperties).toBe(false);
  });

  it('advise on every example gives the CLI verdict and placements', async () => {
    const examples = loadExamples();
    expect(examples.length).toBeGreaterThanOrEqual(17);
    for (const e of examples) {
      const result = await client.callTool({ name: 'advise', arguments: { requirements: e.text } });
      expect(result.isError).toBeFalsy();
      const viaCli = JSON.parse((await cli(ROOT, 'advise', e.file, '--json')).out);
      const answer = result.structuredContent as { verdict: string; placements: { state: string; store: string; technology: string }[] };
      expect([e.file, answer.verdict]).toEqual([e.file, viaCli.verdict]);
      const where = (ps: { state: string; store: string; technology: string }[]) => ps.map((p) => `${p.state}=${p.store}/${p.technology}`);
      expect(where(answer.placements)).toEqual(where(viaCli.placements));
      expect(textOf(result)).toContain(viaCli.summary);
    }
  });

  it('what_if on a peakRps change reports the cost change', async () => {
    const result = await client.callTool({ name: 'what_if', arguments: { requirements: ORDERS, changes: { 'traffic.peakRps': 5000 } } });
    expect(result.isError).toBeFalsy();
    const diff = result.structuredContent as { inputs: unknown[]; plans: { plan: string; monthlyUsd: { before: number; after: number } }[] };
    expect(diff.inputs).toEqual([{ figure: 'traffic.peakRps', before: 2500, after: 5000 }]);
    // 6 → 12 instances at $24 each (2 vCPU × $10 + 4 GB × $1), plus one $162 Postgres node either way.
    expect(diff.plans.find((p) => p.plan === 'stateless')!.monthlyUsd).toEqual({ before: 6 * 24 + 162, after: 12 * 24 + 162 });
    expect(textOf(result)).toContain('$306 → $450 (+$144, +47%)');
  });

  it('what_if names an unknown item or field with the nearest name', async () => {
    const item = await client.callTool({ name: 'what_if', arguments: { requirements: ORDERS, changes: { 'state.order.sizeKb': 6 } } });
    expect(item.isError).toBe(true);
    expect(item.structuredContent).toMatchObject({ issues: [{ path: ['changes', 'state.order.sizeKb'], suggestion: 'state.orders.sizeKb' }] });
    const field = await client.callTool({ name: 'what_if', arguments: { requirements: ORDERS, changes: { 'traffic.peakRPS': 6 } } });
    expect(field.isError).toBe(true);
    expect(field.structuredContent).toMatchObject({ issues: [{ path: ['traffic', 'peakRPS'], suggestion: 'peakRps' }] });
  });

  it('malformed requirements return the CLI issues (path, line, message, suggestion), never a stack trace', async () => {
    const bad = ORDERS.replace('peakRps: 2500', 'peakRsp: 2500');
    const result = await client.callTool({ name: 'advise', arguments: { requirements: bad } });
    expect(result.isError).toBe(true);
    const { dir, done } = tempFiles({ 'requirements': bad });
    try {
      const viaCli = await cli(dir, 'advise', 'requirements');
      expect(viaCli.code).toBe(2);
      // The same lines, word for word: `requirements:LINE:COL field: message`.
      expect(textOf(result)).toBe(viaCli.err);
    } finally { done(); }
    const { issues } = result.structuredContent as { issues: { path: unknown[]; message: string; suggestion?: string; line?: number }[] };
    expect(issues).toContainEqual(expect.objectContaining({ path: ['traffic', 'peakRsp'], suggestion: 'peakRps', line: 9 }));
    expect(issues).toContainEqual(expect.objectContaining({ path: ['traffic', 'peakRps'] }));
    expect(textOf(result)).toMatch(/^requirements:9:\d+ traffic\.peakRsp: .*peakRps/m);
    expect(textOf(result)).not.toMatch(/\n\s+at /);
  });

  it('malformed arguments are issues in statewise words too', async () => {
    const result = await client.callTool({ name: 'advise', arguments: { requirement: ORDERS } });
    expect(result.isError).toBe(true);
    const paths = (result.structuredContent as { issues: { path: unknown[] }[] }).issues.map((i) => i.path);
    expect(paths).toContainEqual(['requirement']);
    expect(paths).toContainEqual(['requirements']);
    expect(textOf(result)).toContain('requirements');
  });

  it('review writes the design review, and check finds it up to date, then stale after a change', async () => {
    const review = textOf(await client.callTool({ name: 'review', arguments: { requirements: ORDERS, date: '2026-11-26' } }));
    expect(review).toMatch(/^---\n/);
    expect(review).toContain('# orders-api');
    const same = await client.callTool({ name: 'check', arguments: { requirements: ORDERS, review } });
    expect(same.structuredContent).toMatchObject({ upToDate: true, inputsChanged: false, verdict: 'stateless' });
    const realtime = ORDERS.replace('memory: session', 'memory: session\n  realtime: bidirectional');
    const moved = await client.callTool({ name: 'check', arguments: { requirements: realtime, review } });
    expect(moved.structuredContent).toMatchObject({ upToDate: false });
    expect(textOf(moved)).toMatch(/^The review no longer matches the answer:\n {2}verdict: stateless → /);
  });

  it('explain_rule gives the rule, where it is defined and an example that fires it', async () => {
    const result = await client.callTool({ name: 'explain_rule', arguments: { id: 'risk.token-revocation' } });
    expect(result.isError).toBeFalsy();
    const text = textOf(result);
    expect(text).toMatch(/^risk\.token-revocation \(risk\): /);
    expect(text).toMatch(/defined in [\w/.-]+\.yaml:\d+/);
    expect(text).toMatch(/example: examples\/[\w-]+\.statewise\.yaml — /);
    const unknown = await client.callTool({ name: 'explain_rule', arguments: { id: 'risk.token-revocaton' } });
    expect(unknown.isError).toBe(true);
    expect(unknown.structuredContent).toMatchObject({ issues: [{ path: ['id'], suggestion: 'risk.token-revocation' }] });
    expect(textOf(unknown)).toBe('arguments id: no rule, gate or check has the id "risk.token-revocaton"; did you mean risk.token-revocation?');
  });

  it('offers the schema, the catalogue and the examples as resources', async () => {
    const { resources } = await client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(uris).toContain('statewise://schema/requirements');
    expect(uris).toContain('statewise://catalogue');
    expect(uris).toContain('statewise://examples/orders-api.statewise.yaml');
    const schema = await client.readResource({ uri: 'statewise://schema/requirements' });
    expect(JSON.parse((schema.contents[0] as { text: string }).text).properties.traffic).toBeDefined();
    const example = await client.readResource({ uri: 'statewise://examples/orders-api.statewise.yaml' });
    expect((example.contents[0] as { text: string }).text).toBe(ORDERS);
    await expect(client.readResource({ uri: 'statewise://nope' })).rejects.toThrow(/no resource at statewise:\/\/nope/);
  });
});
