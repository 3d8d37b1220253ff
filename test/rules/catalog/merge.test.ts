import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, lintCatalog, loadCatalog } from '../../../rules/index.ts';

/** Layering is written once (mergeSources): the loader and lint must refuse the same things at the same places. */
const TEAM = [
  'rules:',
  '  - { id: team.a, kind: service, title: Team rule, effect: { stateful: 1 }, because: it is so }',
  '  - { id: team.a, kind: service, title: Team rule, effect: { stateful: 2 }, because: it is so }',
  '  - { id: gate.secret-never-in-token, kind: gate, title: Weaker gate, remove: [database], because: it is so }',
  'disable: [team.nothing, gate.token-cookie-limit, place.request-not-kept]',
  '',
].join('\n');

describe('mergeSources: one merge for the loader and lint', () => {
  it('reports duplicate ids, protected gates and unknown disables identically in both', () => {
    const loaded = loadCatalog(BUILTIN_CATALOG, { custom: [{ name: 'team.yaml', text: TEAM }] });
    expect(loaded.ok).toBe(false);
    const fromLoad = loaded.ok ? [] : loaded.issues.map((i) => `${i.code}@${i.line}`);
    const linted = lintCatalog(BUILTIN_CATALOG, [{ name: 'team.yaml', text: TEAM }]);
    const fromLint = linted.ok ? linted.value.filter((f) => f.file === 'team.yaml' && ['duplicate_id', 'protected_rule', 'unknown_rule'].includes(f.code)).map((f) => `${f.code}@${f.line}`) : ['lint failed'];
    const expected = ['duplicate_id@3', 'protected_rule@4', 'unknown_rule@5', 'protected_rule@5'];
    expect([...fromLoad].sort()).toEqual([...expected].sort());
    expect([...fromLint].sort()).toEqual([...expected].sort());
  });

  it('a team file that disables a plain rule removes it from the compiled catalogue', () => {
    const loaded = loadCatalog(BUILTIN_CATALOG, { custom: [{ name: 'team.yaml', text: 'disable: [place.request-not-kept]\n' }] });
    expect(loaded.ok && loaded.value.rules.some((r) => r.id === 'place.request-not-kept')).toBe(false);
    const builtin = loadCatalog(BUILTIN_CATALOG);
    expect(builtin.ok && builtin.value.rules.some((r) => r.id === 'place.request-not-kept')).toBe(true);
  });
});
