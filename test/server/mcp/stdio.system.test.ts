import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, spawnCli } from '../../support/cli.ts';
import { stdioClient, textOf } from '../../support/mcp.ts';

/**
 * `statewise mcp` as an MCP client starts it: a real `node bin/statewise.js mcp` child process, spoken to by the
 * SDK's own Client over StdioClientTransport. Nothing but protocol messages may reach stdout (the client would
 * fail to parse them).
 */
const ORDERS = readFileSync(join(ROOT, 'examples', 'orders-api.statewise.yaml'), 'utf8');

describe('statewise mcp over stdio', () => {
  it('lists the five tools, advises, answers what_if and returns issues for bad input', async () => {
    const { client, transport } = await stdioClient();
    const stderr: string[] = [];
    transport.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
    try {
      expect(client.getServerVersion()?.name).toBe('statewise');
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name).sort()).toEqual(['advise', 'check', 'explain_rule', 'review', 'what_if']);
      const advice = await client.callTool({ name: 'advise', arguments: { requirements: ORDERS } });
      expect((advice.structuredContent as { verdict: string }).verdict).toBe('stateless');
      const whatIf = await client.callTool({ name: 'what_if', arguments: { requirements: ORDERS, changes: { 'traffic.peakRps': 5000 } } });
      // 6 → 12 instances at $24, plus a $162 Postgres node and its standby (availability 99.9% ≥ 99%).
      expect(textOf(whatIf)).toContain(`$${6 * 24 + 2 * 162} → $${12 * 24 + 2 * 162}`);
      const bad = await client.callTool({ name: 'advise', arguments: { requirements: 'service: [' } });
      expect(bad.isError).toBe(true);
      expect(textOf(bad)).toMatch(/^requirements:1:\d+ /);
      const { resources } = await client.listResources();
      expect(resources.length).toBeGreaterThanOrEqual(2 + 17);
    } finally {
      await client.close();
    }
    expect(stderr.join('')).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('a broken --rules folder is a clear error on stderr with exit 2, and stdout stays empty', () => {
    const r = spawnCli(ROOT, 'mcp', '--rules', 'no-such-folder');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('no-such-folder');
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 60_000);
});
