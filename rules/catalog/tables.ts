import type { Store } from '../contract/recommendation.ts';
import { STORE_INDEX } from '../model/stores.ts';
import { descendantsOf } from '../model/lineage.ts';
import type { Affected, CompiledGateRule, CompiledPlacementRule, CompiledServiceRule, EngineTables, ItemRule } from './compiled.ts';

/**
 * Lookup tables built once per catalogue, so that an evaluation works on small integer indexes and typed arrays
 * instead of building Maps, Sets and records per item. The tipping-point search evaluates ~50–160 variations of
 * one input per advice; these tables are what lets most of those evaluations reuse the base answer.
 */

// Score arrays and allowed-store bit masks are laid out in STORES order (rules/model/stores.ts).

/** Inputs that change the derived flags or the item list in ways the registry does not follow: always a full evaluation. */
const FULL = ['constraints.stores', 'state'];

/**
 * How the evaluation context follows a change of `input`: context inputs decide which items are implied (rebuilt);
 * an input any item figure or service figure (the fleet aside) descends from rescales the context (traffic.awayShare
 * moves only derived.awayRttMs); any other leaves it as it is.
 */
function contextFor(input: string, facts: ReadonlySet<string>): Affected['context'] {
  if (input.startsWith('context.')) return 'rebuilt';
  // A service figure other than the fleet (which the shortcut recomputes itself) moves too: recompute the figures.
  for (const f of facts) if (f !== input && (f.startsWith('state[].') || (f.startsWith('derived.') && f !== 'derived.fleetInstances'))) return 'rescaled';
  return 'same';
}

export function buildTables(
  service: readonly CompiledServiceRule[], gates: readonly CompiledGateRule[], placement: readonly CompiledPlacementRule[],
): EngineTables {
  const itemRules: ItemRule[] = [
    ...gates.map((rule) => ({ rule, removes: maskOf(rule.removes), stores: new Uint8Array(0), deltas: new Float64Array(0) })),
    ...placement.map((rule) => ({
      rule, removes: 0,
      stores: Uint8Array.from(rule.effect, ([s]) => STORE_INDEX[s]),
      deltas: Float64Array.from(rule.effect, ([, d]) => d),
    })),
  ];
  const cache = new Map<string, Affected | undefined>();
  const fieldCache = new Map<string, Uint8Array>();
  const compute = (input: string): Affected | undefined => {
    if (FULL.some((p) => input.startsWith(p))) return undefined;
    const facts = new Set([input, ...descendantsOf(input)]);
    const reads = (r: { reads: ReadonlySet<string> }) => [...r.reads].some((f) => facts.has(f));
    const item = Uint8Array.from(itemRules, (r) => (reads(r.rule) ? 1 : 0));
    const serviceMask = Uint8Array.from(service, (r) => (reads(r) ? 1 : 0));
    const indexes = (mask: Uint8Array) => [...mask.keys()].filter((i) => mask[i] === 1);
    return {
      item,
      service: serviceMask,
      itemIndexes: indexes(item),
      serviceIndexes: indexes(serviceMask),
      context: contextFor(input, facts),
      reshapes: input.startsWith('context.'),
      facts,
    };
  };
  return {
    itemRules,
    itemTests: itemRules.map((r) => r.rule.test),
    serviceTests: service.map((r) => r.test),
    affected(input) {
      if (!cache.has(input)) cache.set(input, compute(input));
      return cache.get(input);
    },
    itemFieldAffected(field) {
      let mask = fieldCache.get(field);
      if (!mask) {
        const facts = new Set([`state[].${field}`, ...descendantsOf(`state[].${field}`)]);
        mask = Uint8Array.from(itemRules, (r) => ([...r.rule.reads].some((f) => facts.has(f)) ? 1 : 0));
        fieldCache.set(field, mask);
      }
      return mask;
    },
  };
}

function maskOf(stores: ReadonlySet<Store>): number {
  let mask = 0;
  for (const s of stores) mask |= 1 << STORE_INDEX[s];
  return mask;
}
