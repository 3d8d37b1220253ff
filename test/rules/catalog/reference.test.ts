import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderRulesDoc } from '../../../rules/catalog/reference.ts';
import { RULES_DOC, renderBuiltinRulesDoc } from '../../../scripts/gen-rules-doc.ts';
import { catalogFrom } from '../../support/engine.ts';

describe('docs/rules.md', () => {
  it('matches the built-in catalogue (run `npm run docs:rules` after editing rules/catalog/*.yaml)', () => {
    expect(readFileSync(RULES_DOC, 'utf8')).toBe(renderBuiltinRulesDoc());
  });

  it('documents every rule with its condition in words, effects, because and source', () => {
    const catalog = catalogFrom();
    const doc = renderRulesDoc(catalog);
    for (const r of catalog.rules) expect(doc).toContain(`### ${r.id}\n`);
    const section = doc.slice(doc.indexOf('### svc.high-traffic'), doc.indexOf('###', doc.indexOf('### svc.high-traffic') + 4));
    expect(section).toContain('- **When:** traffic.peakRps ≥ 5000');
    expect(section).toContain('- **Effect:** stateless +10, stateful −10, hybrid −4');
    expect(section).toContain('- **Because:** traffic.peakRps {traffic.peakRps} ≥ 5000');
    expect(section).toMatch(/- \*\*Source:\*\* Seed article/);
    const gate = doc.slice(doc.indexOf('### gate.secret-never-in-token'));
    expect(gate).toMatch(/- \*\*Removes:\*\* client-token\n- \*\*Protected:\*\* enforces docs\/design\.md invariant 1/);
  });
});
