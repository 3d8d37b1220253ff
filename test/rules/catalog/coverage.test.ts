import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, firedRules, loadCatalog, ruleCoverage, type Requirements } from '../../../rules/index.ts';
import { catalogFrom, requirementsFromText, requirementsOf } from '../../support/engine.ts';

const ROOT = join(import.meta.dirname, '../../..');

/** Every requirements file in a folder, by its path from the repository root. */
function filesIn(dir: string): { name: string; req: Requirements }[] {
  return readdirSync(join(ROOT, dir)).filter((f) => /\.statewise\.(ya?ml|json)$/.test(f)).sort()
    .map((f) => ({ name: `${dir}/${f}`, req: requirementsFromText(readFileSync(join(ROOT, dir, f), 'utf8')) }));
}

function seedCases(): { name: string; req: Requirements }[] {
  const cases = parse(readFileSync(join(ROOT, 'test/fixtures/seed-cases.yaml'), 'utf8')) as { id: string; input: unknown }[];
  return cases.map((c) => ({ name: `seed:${c.id}`, req: requirementsOf(c.input) }));
}

describe('rule coverage', () => {
  it('every built-in rule fires for at least one example, seed scenario or coverage fixture', () => {
    const inputs = [...filesIn('examples'), ...seedCases(), ...filesIn('test/fixtures/rules-coverage')];
    expect(inputs.length).toBeGreaterThanOrEqual(8);
    const unfired = ruleCoverage(catalogFrom(), inputs).filter((r) => r.firedBy.length === 0).map((r) => `${r.id} (${r.file}:${r.line})`);
    // A rule nothing exercises is untested guidance: add a realistic fixture under test/fixtures/rules-coverage/,
    // or, if no valid input can make it fire, fix the rule (and teach `statewise rules lint` why it is dead).
    expect(unfired).toEqual([]);
  });

  it('the coverage fixtures are valid, distinct services', () => {
    const fixtures = filesIn('test/fixtures/rules-coverage');
    expect(fixtures.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fixtures.map((f) => f.req.service)).size).toBe(fixtures.length);
  });
});

describe('firedRules', () => {
  const catalog = catalogFrom();
  const base = { service: 'probe', traffic: { peakRps: 100 } };

  it('reports service rules whose condition holds and only those', () => {
    const quiet = firedRules(catalog, requirementsOf(base));
    const busy = firedRules(catalog, requirementsOf({ ...base, traffic: { peakRps: 25000 } }));
    expect(quiet.has('svc.low-traffic')).toBe(true);
    expect(quiet.has('svc.high-traffic')).toBe(false);
    expect(busy.has('svc.high-traffic') && busy.has('svc.very-high-traffic')).toBe(true);
    expect(busy.has('svc.low-traffic')).toBe(false);
  });

  it('reports gates and placement rules that hold for some item, implied items included', () => {
    const fired = firedRules(catalog, requirementsOf({ ...base, context: { realtime: 'bidirectional' } }));
    expect(fired.has('gate.socket-lives-in-process')).toBe(true);
    expect(fired.has('place.socket-pinned')).toBe(true);
    expect(fired.has('gate.secret-never-in-token')).toBe(false);
  });

  it('reports risk rules by rule id, accepted risks included', () => {
    const req = { ...base, failure: { availability: 95 }, accept: [{ risk: 'risk.single-instance', reason: 'internal tool', until: '2999-01-01' }] };
    const fired = firedRules(catalog, requirementsOf(req));
    expect(fired.has('risk.single-instance')).toBe(true);
  });

  it('a disabled rule never fires', () => {
    const custom = loadCatalog(BUILTIN_CATALOG, { custom: [{ name: 'team.yaml', text: 'disable: [svc.low-traffic]\n' }] });
    if (!custom.ok) throw new Error(JSON.stringify(custom.issues));
    expect(firedRules(custom.value, requirementsOf(base)).has('svc.low-traffic')).toBe(false);
  });
});
