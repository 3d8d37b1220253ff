import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_ITEM, requirementsTemplate } from '../../adapters/index.ts';
import { LIFETIME, LOSS_IMPACT, OWNER, parseRequirements } from '../../rules/index.ts';
import { ROOT } from '../support/cli.ts';
import { specifiers } from '../support/imports.ts';
import { runs } from '../support/property.ts';

const itemArb = fc.record({
  name: fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/), owner: fc.constantFrom(...OWNER), lifetime: fc.constantFrom(...LIFETIME),
  sizeKb: fc.integer({ min: 1, max: 1_000_000 }), lossImpact: fc.constantFrom(...LOSS_IMPACT),
});

describe('the requirements template: one home for the editor and init (issue 29)', () => {
  it('any state items given give a file statewise accepts with exactly those items, and no sample', () => {
    fc.assert(fc.property(fc.uniqueArray(itemArb, { selector: (i) => i.name, minLength: 1, maxLength: 6 }), (items) => {
      const text = requirementsTemplate('svc', { answers: { state: items } });
      const parsed = parseRequirements(text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      expect(parsed.value.state.map(({ name, owner, lifetime, sizeKb, lossImpact }) => ({ name, owner, lifetime, sizeKb, lossImpact }))).toEqual(items);
      // Every field line keeps its comment at the template's column.
      for (const l of text.split('\n').filter((x) => /^ {4}(owner|lifetime|sizeKb|lossImpact): /.test(x))) expect(l.indexOf('#'), l).toBe(34);
    }), { numRuns: runs(40, 300) });
  });

  it('no items: state is empty and the example is a comment; not told: one example item, marked as one', () => {
    const none = parseRequirements(requirementsTemplate('svc', { answers: { state: [] } }));
    expect(none.ok && none.value.state).toEqual([]);
    expect(requirementsTemplate('svc', { answers: { state: [] } })).toContain(`# - name: ${EXAMPLE_ITEM.name}`);
    const plain = requirementsTemplate('svc');
    expect(plain).toContain('  # an example: rename it, or replace it with your own\n  - name: cart');
    const parsed = parseRequirements(plain);
    expect(parsed.ok && parsed.value.state.map((s) => s.name)).toEqual(['cart']);
  });

  it('the hint names the front end\'s own commands', () => {
    expect(requirementsTemplate('pay')).toContain('# Run "Statewise: Recommend Architecture" on this file');
    expect(requirementsTemplate('pay', { hint: 'cli' })).toContain('# Run "statewise advise pay.statewise.yaml"');
  });

  it('no file in server/ imports from extension/: the CLI takes the template from adapters/', () => {
    const files = (dir: string): string[] => readdirSync(join(ROOT, dir), { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
    const offenders = files('server').filter((f) => specifiers(readFileSync(join(ROOT, f), 'utf8')).some((s) => s.includes('extension/')));
    expect(offenders).toEqual([]);
    expect(specifiers(readFileSync(join(ROOT, 'extension/src/new-requirements.ts'), 'utf8'))).toContain('../../adapters/index.ts');
    expect(specifiers(readFileSync(join(ROOT, 'server/cli/init.ts'), 'utf8'))).toContain('../../adapters/index.ts');
  });
});
