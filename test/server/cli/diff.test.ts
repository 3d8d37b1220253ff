import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempFiles } from '../../support/cli.ts';

/** `statewise diff BASE HEAD` in-process on real files: formats, usage errors and bad input named by file and line. */
const BASE = readFileSync(join(ROOT, 'examples', 'orders-api.statewise.yaml'), 'utf8');
const HEAD = BASE.replace('peakRps: 2500', 'peakRps: 5000').replace(/sizeKb: 3$/m, 'sizeKb: 6');

describe('statewise diff', () => {
  it('prints the comparison as text, Markdown and JSON', async () => {
    const { dir, done } = tempFiles({ 'base.statewise.yaml': BASE, 'head.statewise.yaml': HEAD });
    try {
      const text = await cli(dir, 'diff', 'base.statewise.yaml', 'head.statewise.yaml');
      expect(text.code).toBe(0);
      expect(text.out).toContain('orders-api: stateless (unchanged)');
      expect(text.out).toContain('traffic.peakRps 2500 → 5000');
      const md = await cli(dir, 'diff', 'base.statewise.yaml', 'head.statewise.yaml', '--format', 'markdown');
      expect(md.out).toMatch(/^### orders-api: stateless \(unchanged\)/);
      expect(md.out).toContain('$306 → $450 (+$144, +47%)');
      const json = await cli(dir, 'diff', 'base.statewise.yaml', 'head.statewise.yaml', '--json');
      const data = JSON.parse(json.out);
      expect(data.inputs.map((c: { figure: string }) => c.figure)).toEqual(['traffic.peakRps', 'state.orders.sizeKb']);
      expect(data.plans[0]).toMatchObject({ plan: 'stateless', monthlyUsd: { before: 306, after: 450 } });
    } finally { done(); }
  });

  it('needs exactly two files and a known format', async () => {
    const { dir, done } = tempFiles({ 'a.statewise.yaml': BASE });
    try {
      const one = await cli(dir, 'diff', 'a.statewise.yaml');
      expect(one.code).toBe(2);
      expect(one.err).toContain('name two requirements files, BASE and HEAD (got 1)');
      const format = await cli(dir, 'diff', 'a.statewise.yaml', 'a.statewise.yaml', '--format', 'markdwn');
      expect(format.code).toBe(2);
      expect(format.err).toContain('did you mean markdown?');
    } finally { done(); }
  });

  it('names the file, line and field of bad input and prints no comparison', async () => {
    const { dir, done } = tempFiles({ 'base.statewise.yaml': BASE, 'head.statewise.yaml': BASE.replace('peakRps: 2500', 'peakRps: -1') });
    try {
      const r = await cli(dir, 'diff', 'base.statewise.yaml', 'head.statewise.yaml');
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^head\.statewise\.yaml:9:\d+ traffic\.peakRps: /m);
    } finally { done(); }
  });
});
