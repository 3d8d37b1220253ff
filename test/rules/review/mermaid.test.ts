import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowchart, storeNodeId } from '../../../rules/review/mermaid.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT } from '../../support/review.ts';

const rec = builtinEngine().advise(requirementsFromText(readFileSync(join(ROOT, 'examples/shop-with-live-support.statewise.yaml'), 'utf8')), { today: '2026-11-30' });

describe('the diagram source', () => {
  it('names each store with the technology its items run on, and each store once', () => {
    const code = flowchart(rec);
    for (const p of rec.placements.filter((x) => x.store !== 'none')) {
      const node = storeNodeId(p.store);
      const defs = code.split('\n').filter((l) => new RegExp(`\\| ${node}[[(>]`).test(l));
      expect(defs.length, node).toBeGreaterThanOrEqual(1);
      const tech = ['instance-memory', 'signed-token', 'none'].includes(p.technology) ? undefined : p.technology;
      if (tech) expect(defs.join('\n')).toContain(`: ${tech}"`);
    }
    expect(storeNodeId('in-process-sticky')).toBe('store_in_process_sticky');
  });

  it('marks items that fail a check and gives their store the failed class; a passing plan has no such class', () => {
    expect(flowchart(rec)).not.toContain('classDef failed');
    const failing = structuredClone(rec);
    const item = failing.placements.find((p) => p.store === 'database')!;
    item.checks[0]!.passed = false;
    const code = flowchart(failing);
    expect(code).toContain(`⚠ ${item.state}`);
    expect(code).toContain('classDef failed');
    expect(code.split('\n').at(-1)).toBe('  class store_database failed');
  });
});
