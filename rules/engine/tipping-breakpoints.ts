import type { Requirements } from '../contract/requirements.ts';
import type { Catalog } from '../catalog/compiled.ts';
import { DERIVED_FACTS, READ_AS } from '../model/lineage.ts';
import type { ItemInput, ServiceInput } from '../model/derived.ts';

/**
 * Where, in units of `input`, some rule's condition can change its answer: the rule thresholds on the input itself,
 * and those on every figure derived from it, mapped back through the registry's inverse formulas
 * (rules/model/derived.ts, `invert`): a threshold on an item's total MB becomes owners, then concurrent sessions,
 * then peakRps. Item figures are mapped for each listed item.
 * @example breakpoints('traffic.peakRps', req, catalog) // [5000, 12000, …]
 */
export function breakpoints(input: string, req: Requirements, catalog: Catalog): number[] {
  const key = input.startsWith('state[') ? `state[].${input.slice(input.indexOf('].') + 2)}` : input;
  const service: ServiceInput = { req, service: undefined!, items: [] };
  return targets(key, catalog, req, service, undefined);
}

/** Values of `fact` at which a rule reading it (or a figure computed from it) changes its answer. */
function targets(fact: string, catalog: Catalog, req: Requirements, service: ServiceInput, item: ItemInput | undefined): number[] {
  const t = (path: string) => catalog.thresholds.get(path) ?? [];
  const out = [...t(fact)];
  for (const [alias, target] of Object.entries(READ_AS)) if (target === fact) out.push(...t(alias));
  for (const child of CHILDREN_WITH_INVERSE.get(fact) ?? []) {
    const invert = child.invert![fact]!;
    if (child.id.startsWith('state[].') && item === undefined) {
      // An item figure below a service figure: once per listed item, each with its own inverse.
      for (const source of req.state) {
        const x = { source, req } as ItemInput;
        for (const v of targets(child.id, catalog, req, service, x)) push(out, invert(v, x as never));
      }
    } else {
      for (const v of targets(child.id, catalog, req, service, item)) push(out, invert(v, (item ?? service) as never));
    }
  }
  return out;
}

function push(out: number[], v: number | undefined): void {
  if (v !== undefined) out.push(v);
}

/** Per fact, the registry figures that can map a threshold back onto it. */
const CHILDREN_WITH_INVERSE: ReadonlyMap<string, (typeof DERIVED_FACTS extends ReadonlyMap<string, infer F> ? F : never)[]> = (() => {
  const out = new Map<string, (typeof DERIVED_FACTS extends ReadonlyMap<string, infer F> ? F : never)[]>();
  for (const d of DERIVED_FACTS.values()) for (const parent of Object.keys(d.invert ?? {})) out.set(parent, [...(out.get(parent) ?? []), d]);
  return out;
})();
