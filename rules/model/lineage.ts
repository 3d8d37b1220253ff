import { StateItemSchema } from '../contract/requirements.ts';
import { ITEM_FIGURES, SERVICE_FIGURES, type DerivedFact } from './derived.ts';

/**
 * The lineage of every fact, read from the registry of derived facts (rules/model/derived.ts) and from the plan
 * figures the planner computes: what each fact is computed from, and so what follows from an input. Nothing here
 * is typed twice: lint (which facts a `because` may quote), the catalogue's reuse tables (which rules an input
 * reaches), the measures' input lists and invariant 8's growing facts are all derived from these edges.
 */

/** Figures computed once a plan exists (rules/engine/advise.ts, capacity.ts): only risk rules read them. */
const PLAN_FROM: Readonly<Record<string, readonly string[]>> = {
  'state[].roundTripMs': ['state[].store'],
  'plan.routing': ['plan.verdict'],
  'plan.sessionsLostPerInstanceLoss': ['plan.instances', 'derived.concurrentSessions', 'state[].store'],
  'plan.inProcessMemoryMb': ['plan.instances', 'state[].store', 'state[].totalMb'],
  'plan.copyMemoryMb': ['state[].store', 'state[].totalMb'],
  'plan.pinnedMemoryMb': ['plan.instances', 'state[].store', 'state[].totalMb'],
  'plan.tokenKb': ['state[].store', 'state[].sizeKb'],
  'plan.hotPathMs': ['state[].store', 'state[].hotPath', 'state[].roundTripMs'],
  // Every plan's cost: its instances and store tiers, sized from the items it places (engine/cost.ts).
  'plan.monthlyUsd': ['plan.instances', 'state[].store', 'state[].totalMb'],
  'plan.cheaperPlan': ['plan.verdict', 'plan.monthlyUsd'],
  'plan.cheaperMonthlyUsd': ['plan.cheaperPlan'],
  'plan.costRatio': ['plan.monthlyUsd', 'plan.cheaperMonthlyUsd'],
  'plan.extraMonthlyUsd': ['plan.monthlyUsd', 'plan.cheaperMonthlyUsd'],
};

/**
 * Contract facts whose value, as rules read it, is a derived figure: rules reading `traffic.concurrentSessions` get
 * the figure the engine uses (given, or Little's law).
 */
export const READ_AS: Readonly<Record<string, string>> = { 'traffic.concurrentSessions': 'derived.concurrentSessions' };

type AnyFact = DerivedFact<never, unknown>;
/** Every registry entry by fact path. */
export const DERIVED_FACTS: ReadonlyMap<string, AnyFact> = new Map(
  [...Object.values(ITEM_FIGURES), ...Object.values(SERVICE_FIGURES)].map((d) => [d.id, d as unknown as AnyFact]),
);

const PARENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ...[...DERIVED_FACTS.values()].map((d) => [d.id, d.from] as const),
  ...Object.entries(PLAN_FROM),
]);

const CHILDREN: ReadonlyMap<string, readonly string[]> = (() => {
  const out = new Map<string, string[]>();
  for (const [child, parents] of PARENTS) for (const p of parents) out.set(p, [...(out.get(p) ?? []), child]);
  for (const [fact, target] of Object.entries(READ_AS)) out.set(target, [...(out.get(target) ?? []), fact]);
  return out;
})();

/** What `fact` is computed from, directly. */
export function parentsOf(fact: string): readonly string[] {
  return PARENTS.get(fact) ?? [];
}

/** The fact itself and everything it is computed from, transitively. */
export function lineageOf(fact: string): Set<string> {
  const out = new Set<string>();
  const walk = (f: string) => {
    if (out.has(f)) return;
    out.add(f);
    for (const parent of parentsOf(f)) walk(parent);
  };
  walk(fact);
  return out;
}

/** Every fact that follows `input` (transitively), without the input itself, in breadth-first registry order. */
export function descendantsOf(input: string, along: (child: string) => boolean = () => true): string[] {
  const seen = new Set([input]);
  const out: string[] = [];
  for (let queue = [input]; queue.length;) {
    const next: string[] = [];
    for (const f of queue) {
      for (const c of CHILDREN.get(f) ?? []) {
        if (seen.has(c) || !along(c)) continue;
        seen.add(c);
        out.push(c);
        next.push(c);
      }
    }
    queue = next;
  }
  return out;
}

/** The contract inputs that `facts` are computed from (a fact that is an input counts itself): what a measure depends on. */
export function inputsOf(facts: readonly string[]): string[] {
  const out = new Set<string>();
  for (const f of facts) for (const l of lineageOf(f)) if (isInputPath(l)) out.add(l);
  return [...out].sort();
}

const SECTIONS = ['context.', 'traffic.', 'failure.', 'latency.', 'constraints.'];
const ITEM_FIELDS: ReadonlySet<string> = new Set(Object.keys(StateItemSchema.shape));

/** A path of the requirements contract (as opposed to `derived.*`, item figures and plan figures). */
export function isInputPath(path: string): boolean {
  if (SECTIONS.some((s) => path.startsWith(s))) return true;
  return path.startsWith('state[].') && ITEM_FIELDS.has(path.slice(8));
}

/**
 * Facts a rule reading `reads` may quote: what it reads, what those are computed from, and what is computed only
 * from those (a rule that tests the store may quote the store's round trip).
 */
export function quotableFrom(reads: Iterable<string>): Set<string> {
  const out = new Set([...reads].flatMap((f) => [...lineageOf(f)]));
  for (let grew = true; grew;) {
    grew = false;
    for (const [fact, parents] of PARENTS) {
      if (!out.has(fact) && parents.length > 0 && parents.every((p) => out.has(p))) { out.add(fact); grew = true; }
    }
  }
  return out;
}

/** The inputs invariant 8 grows: peakRps, regions and deploysPerDay. */
export const GROWING_INPUTS = ['traffic.peakRps', 'traffic.regions', 'failure.deploysPerDay'] as const;

/**
 * Facts that grow (never shrink) when peakRps, regions or deploysPerDay grow, all else equal: a rule reading them
 * must not raise the stateful score, or an in-process store's score, as they grow (docs/design.md invariant 8).
 * Followed only through figures marked `grows` (writes per request shrink as peakRps grows).
 */
export const GROWING_FACTS: readonly string[] = [...new Set(GROWING_INPUTS.flatMap((i) => [i, ...descendantsOf(i, (c) => DERIVED_FACTS.get(c)?.grows === true || c in READ_AS)]))];
