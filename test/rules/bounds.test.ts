import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOG, loadCatalog, validateRequirements, type CatalogSource, type Requirements, type Verdict } from '../../rules/index.ts';
import { MAX_CATALOG_RULES } from '../../rules/catalog/load.ts';
import { MAX_ACCEPTED_RISKS, MAX_STATE_ITEMS } from '../../rules/contract/requirements.ts';
import { MAX_TIPPING_POINTS, SCAN_LIMIT, TIPPING_BUDGET, tippingPoints } from '../../rules/engine/tipping.ts';
import { decide } from '../../rules/engine/decide.ts';
import { builtinEngine, catalogFrom, requirementsOf } from '../support/engine.ts';
import { largestRequirements } from '../support/fuzz/large.ts';

/**
 * Resource bounds of the core: whatever a client sends, one advice does a bounded amount of work. Each bound is
 * shown to hold exactly at its limit and to refuse one past it.
 */

describe('requirements size', () => {
  it(`accepts ${MAX_STATE_ITEMS} state items and refuses ${MAX_STATE_ITEMS + 1} with a pointer to /state`, () => {
    expect(MAX_STATE_ITEMS).toBe(200);
    const at = largestRequirements(MAX_STATE_ITEMS);
    expect(validateRequirements(at).ok).toBe(true);
    const over = largestRequirements(MAX_STATE_ITEMS + 1);
    const result = validateRequirements(over);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.code, i.pointer])).toContainEqual(['too_big', '/state']);
  });

  it(`refuses more than ${MAX_ACCEPTED_RISKS} accepted risks`, () => {
    const accept = Array.from({ length: MAX_ACCEPTED_RISKS + 1 }, (_, i) => ({ risk: `risk.r${i}`, reason: 'why' }));
    const result = validateRequirements({ service: 'a', traffic: { peakRps: 1 }, accept });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.pointer)).toContain('/accept');
  });

  it('advises the largest valid document completely (every item placed, tipping points capped)', () => {
    const engine = builtinEngine();
    const answer = engine.advise(requirementsOf(largestRequirements(MAX_STATE_ITEMS)));
    expect(answer.placements.length).toBeGreaterThanOrEqual(MAX_STATE_ITEMS);
    expect(answer.tippingPoints.length).toBeLessThanOrEqual(MAX_TIPPING_POINTS);
  });
});

describe('catalogue size', () => {
  /** `count` distinct, valid service rules spread over files of at most 500 rules (the per-file schema bound). */
  const customRules = (count: number): CatalogSource[] => {
    const files: CatalogSource[] = [];
    for (let start = 0; start < count; start += 500) {
      const lines = ['rules:'];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        lines.push(`  - id: custom.rule-${i}`, '    kind: service', '    title: Generated rule',
          '    when: { fact: traffic.peakRps, gte: 1 }', '    effect: { stateless: 1 }', '    because: "many rules"');
      }
      files.push({ name: `custom/part-${String(files.length).padStart(2, '0')}.yaml`, text: lines.join('\n') + '\n' });
    }
    return files;
  };
  const builtinRules = catalogFrom().rules.length;

  it(`loads a catalogue of exactly ${MAX_CATALOG_RULES} rules`, () => {
    const loaded = loadCatalog(BUILTIN_CATALOG, { custom: customRules(MAX_CATALOG_RULES - builtinRules) });
    expect(loaded.ok).toBe(true);
    if (loaded.ok) expect(loaded.value.rules.length).toBe(MAX_CATALOG_RULES);
  });

  it('refuses one rule more, naming the file and line of the first rule past the limit', () => {
    const custom = customRules(MAX_CATALOG_RULES - builtinRules + 1);
    const loaded = loadCatalog(BUILTIN_CATALOG, { custom });
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    const tooMany = loaded.issues.filter((i) => i.code === 'too_many_rules');
    expect(tooMany).toHaveLength(1);
    const last = custom[custom.length - 1]!;
    const lastIndex = last.text.split('\n').filter((l) => l.startsWith('  - id:')).length - 1;
    expect(tooMany[0]).toMatchObject({ file: last.name, pointer: `/rules/${lastIndex}`, line: 2 + lastIndex * 6 });
  });

  it('refuses more than 500 rules in one file (schema bound, located)', () => {
    const lines = ['rules:'];
    for (let i = 0; i < 501; i++) lines.push(`  - { id: custom.r-${i}, kind: service, title: Rule, when: { fact: traffic.peakRps, gte: 1 }, effect: { stateless: 1 }, because: many }`);
    const loaded = loadCatalog(BUILTIN_CATALOG, { custom: [{ name: 'big.yaml', text: lines.join('\n') }] });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues[0]).toMatchObject({ file: 'big.yaml', pointer: '/rules', line: 2 });
  });
});

describe('tipping-point search budget', () => {
  const catalog = catalogFrom();
  const big = decide(catalog, requirementsOf(largestRequirements(MAX_STATE_ITEMS)), false);
  const stays = (verdict: Verdict) => ({ verdict, feasible: big.plans[verdict].feasible });

  it(`never evaluates more than TIPPING_BUDGET (${TIPPING_BUDGET}) alternatives, even when nothing flips`, () => {
    let calls = 0;
    // A decider that never flips makes the search try every candidate it has: the budget and the per-input limit stop it.
    const { points } = tippingPoints(catalog, big, 'hybrid', () => { calls++; return stays('hybrid'); });
    expect(points).toEqual([]);
    expect(calls).toBeGreaterThan(SCAN_LIMIT * 2);
    expect(calls).toBeLessThanOrEqual(TIPPING_BUDGET);
  });

  it('honours a smaller budget exactly, and zero means no evaluation at all', () => {
    for (const budget of [0, 1, 7, 15]) {
      let calls = 0;
      tippingPoints(catalog, big, 'stateless', () => { calls++; return stays('stateless'); }, budget);
      expect(calls).toBe(budget);
    }
  });

  it('stops at the budget even when every alternative flips, and reports at most MAX_TIPPING_POINTS', () => {
    let calls = 0;
    const { points } = tippingPoints(catalog, big, 'stateless', () => { calls++; return { verdict: 'stateful', feasible: true }; });
    expect(calls).toBeLessThanOrEqual(TIPPING_BUDGET);
    expect(points.length).toBeLessThanOrEqual(MAX_TIPPING_POINTS);
    expect(points.length).toBeGreaterThan(0);
  });

  it('each input tries at most SCAN_LIMIT candidates per direction, whatever the budget (the bound is doing work)', () => {
    const perInput = new Map<string, number>();
    tippingPoints(catalog, big, 'hybrid', (_r, input) => { perInput.set(input, (perInput.get(input) ?? 0) + 1); return stays('hybrid'); }, 100_000);
    const numeric = [...perInput].filter(([input]) => !input.startsWith('context.') && !['traffic.spiky', 'failure.sessionLoss', 'constraints.ops'].includes(input));
    expect(numeric.length).toBeGreaterThan(5);
    for (const [input, n] of numeric) expect(n, input).toBeLessThanOrEqual(SCAN_LIMIT * 2);
    // Somewhere the limit binds: more candidates existed than were tried.
    expect(numeric.some(([, n]) => n === SCAN_LIMIT * 2)).toBe(true);
  });
});

// Keep the type import honest: the helper must produce input the contract accepts as Requirements.
export type _Check = Requirements;
