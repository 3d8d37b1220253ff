import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { cli, ROOT, tempFiles } from '../../support/cli.ts';

/** `statewise export` in process: formats to stdout or a file, and clear errors (the SVG runs in test/e2e). */
describe('statewise export', () => {
  it('prints Structurizr DSL and LikeC4 to standard output', async () => {
    const s = await cli(ROOT, 'export', 'examples/orders-api.statewise.yaml', '--to', 'structurizr');
    expect(s.code, s.err).toBe(0);
    expect(s.out).toMatch(/^workspace "orders-api" "statewise: stateless" \{/);
    expect(s.out).toContain('service.stateless -> service.store_database "orders"');
    const l = await cli(ROOT, 'export', 'examples/orders-api.statewise.yaml', '--to', 'likec4');
    expect(l.out).toContain("service.stateless -> service.store_database 'orders'");
  });

  it('writes catalog-info.yaml with the owner and the review path of --reviews', async () => {
    const { dir, done } = tempFiles({});
    try {
      const r = await cli(ROOT, 'export', 'examples/orders-api.statewise.yaml', '--to', 'backstage', '--owner', 'group:payments', '--reviews', 'docs/adr', '-o', `${dir}/catalog-info.yaml`);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toBe(`${dir}/catalog-info.yaml`);
      const { readFileSync } = await import('node:fs');
      const [component] = parseAllDocuments(readFileSync(`${dir}/catalog-info.yaml`, 'utf8')).map((d) => d.toJS());
      expect(component.metadata.annotations['statewise.dev/design-review']).toBe('docs/adr/orders-api.md');
      expect(component.spec.owner).toBe('group:payments');
      expect(component.spec.dependsOn).toEqual(['resource:orders-api-database']);
    } finally { done(); }
  });

  it('needs --to with a known format, and names bad input by file and line', async () => {
    const none = await cli(ROOT, 'export', 'examples/orders-api.statewise.yaml');
    expect(none.code).toBe(2);
    expect(none.err).toContain('say which format with --to structurizr|likec4|backstage|svg');
    const typo = await cli(ROOT, 'export', 'examples/orders-api.statewise.yaml', '--to', 'likec');
    expect(typo.err).toContain('did you mean likec4?');
    const { dir, done } = tempFiles({ 'bad.statewise.yaml': 'apiVersion: statewise/v1\nservice: x\ntraffic:\n  peakRps: -5\n' });
    try {
      const bad = await cli(dir, 'export', 'bad.statewise.yaml', '--to', 'structurizr');
      expect(bad.code).toBe(2);
      expect(bad.out).toBe('');
      expect(bad.err).toMatch(/^bad\.statewise\.yaml:4:\d+ traffic\.peakRps: /m);
    } finally { done(); }
  });
});
