import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateRequirements, type Requirements } from '../../../rules/index.ts';
import { buildContext } from '../../../rules/engine/context.ts';
import { ITEM_FIGURES, SERVICE_FIGURES } from '../../../rules/model/derived.ts';
import { DERIVED_FACTS, descendantsOf, isInputPath } from '../../../rules/model/lineage.ts';
import type { EvalContext } from '../../../rules/model/context.ts';
import { requirementsArb } from '../../support/arbitraries.ts';
import { runs } from '../../support/property.ts';

/**
 * The registry of derived facts is the one statement of what each figure is computed from: lint, the reuse tables,
 * the measures' inputs and the tipping search all trust its `from` lists. These tests check the lists against the
 * arithmetic itself: varying an input may move only the figures that descend from it, and every declared edge moves
 * for some input (so no list claims a dependency the code does not have, or misses one it has).
 */
const ITEM_KEYS = Object.keys(ITEM_FIGURES) as (keyof typeof ITEM_FIGURES)[];
const SERVICE_KEYS = Object.keys(SERVICE_FIGURES) as (keyof typeof SERVICE_FIGURES)[];

/** Every figure of a context, by fact path (item figures of the first item only). */
function figures(ctx: EvalContext): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const k of SERVICE_KEYS) out.set(SERVICE_FIGURES[k].id, ctx.derived[k]);
  const item = ctx.items[0];
  if (item) for (const k of ITEM_KEYS) out.set(ITEM_FIGURES[k].id, item[k]);
  return out;
}

type Vary = (r: Requirements) => void;
const num = (get: (r: Requirements) => number | undefined, set: (r: Requirements, v: number) => void, int = false): Vary => (r) => {
  const v = get(r);
  set(r, v === undefined || v === 0 ? 7 : int ? Math.ceil(v * 1.7) + 1 : v * 1.7);
};
const cycle = <T>(values: readonly T[], get: (r: Requirements) => T, set: (r: Requirements, v: T) => void): Vary => (r) => {
  set(r, values[(values.indexOf(get(r)) + 1) % values.length]!);
};
const first = (r: Requirements) => r.state[0]!;

/** How to vary each contract input (the first state item for item fields). */
const VARY: Record<string, Vary> = {
  'context.memory': cycle(['none', 'request', 'session', 'durable'] as const, (r) => r.context.memory, (r, v) => { r.context.memory = v; }),
  'context.workflow': cycle(['none', 'multi-step'] as const, (r) => r.context.workflow, (r, v) => { r.context.workflow = v; }),
  'context.realtime': cycle(['none', 'server-push', 'bidirectional'] as const, (r) => r.context.realtime, (r, v) => { r.context.realtime = v; }),
  'context.sharedState': cycle(['none', 'read-mostly', 'collaborative'] as const, (r) => r.context.sharedState, (r, v) => { r.context.sharedState = v; }),
  'traffic.peakRps': num((r) => r.traffic.peakRps, (r, v) => { r.traffic.peakRps = v; }),
  'traffic.concurrentSessions': num((r) => r.traffic.concurrentSessions, (r, v) => { r.traffic.concurrentSessions = v; }, true),
  'traffic.sessionMinutes': num((r) => r.traffic.sessionMinutes, (r, v) => { r.traffic.sessionMinutes = v; }),
  'traffic.spiky': (r) => { r.traffic.spiky = !r.traffic.spiky; },
  'traffic.regions': num((r) => r.traffic.regions, (r, v) => { r.traffic.regions = Math.min(50, v); }, true),
  'failure.sessionLoss': cycle(['unacceptable', 'tolerable', 'irrelevant'] as const, (r) => r.failure.sessionLoss, (r, v) => { r.failure.sessionLoss = v; }),
  'failure.availability': (r) => { r.failure.availability = r.failure.availability >= 99.95 ? 95 : 99.97; },
  'failure.deploysPerDay': num((r) => r.failure.deploysPerDay, (r, v) => { r.failure.deploysPerDay = v; }),
  'latency.p99Ms': num((r) => r.latency.p99Ms, (r, v) => { r.latency.p99Ms = v; }),
  'constraints.ops': cycle(['low', 'medium', 'high'] as const, (r) => r.constraints.ops, (r, v) => { r.constraints.ops = v; }),
  'constraints.stores': (r) => { r.constraints.stores = r.constraints.stores.length ? [] : ['redis', 'postgres', 'kafka']; },
  'constraints.instance.rps': num((r) => r.constraints.instance.rps, (r, v) => { r.constraints.instance.rps = v; }),
  'state[].owner': cycle(['user', 'session', 'shared', 'global'] as const, (r) => first(r).owner, (r, v) => { first(r).owner = v; }),
  'state[].lifetime': cycle(['request', 'minutes', 'hours', 'days', 'forever'] as const, (r) => first(r).lifetime, (r, v) => { first(r).lifetime = v; }),
  'state[].sizeKb': num((r) => first(r).sizeKb, (r, v) => { first(r).sizeKb = v; }),
  'state[].writesPerMinute': (r) => { const s = first(r); s.writesPerMinute = s.writesPerMinute === 0 ? 61 : s.writesPerMinute > 60 ? 30 : s.writesPerMinute * 3 + 61; },
  'state[].lossImpact': cycle(['none', 'annoying', 'costly', 'critical'] as const, (r) => first(r).lossImpact, (r, v) => { first(r).lossImpact = v; }),
  'state[].consistency': cycle(['eventual', 'read-your-writes', 'strong'] as const, (r) => first(r).consistency, (r, v) => { first(r).consistency = v; }),
  'state[].hotPath': (r) => { first(r).hotPath = !first(r).hotPath; },
  'state[].kind': cycle([undefined, 'record', 'reference', 'derived'] as const, (r) => first(r).kind, (r, v) => { first(r).kind = v; }),
  'state[].owners': num((r) => first(r).owners, (r, v) => { first(r).owners = v; }, true),
  'state[].readsPerMinute': num((r) => first(r).readsPerMinute, (r, v) => { first(r).readsPerMinute = v; }),
  'state[].writeKb': num((r) => first(r).writeKb, (r, v) => { first(r).writeKb = v; }),
  'state[].readKb': num((r) => first(r).readKb, (r, v) => { first(r).readKb = v; }),
  'state[].fanout': num((r) => first(r).fanout, (r, v) => { first(r).fanout = Math.max(1, v); }),
  'state[].shape': cycle([undefined, 'collection', 'value'] as const, (r) => first(r).shape, (r, v) => { first(r).shape = v; }),
  'state[].merge': cycle([undefined, 'commutative', 'none', 'last-writer-wins'] as const, (r) => first(r).merge, (r, v) => { first(r).merge = v; }),
  'constraints.interRegionRttMs': num((r) => r.constraints.interRegionRttMs, (r, v) => { r.constraints.interRegionRttMs = v; }),
  'traffic.source': cycle(['clients', 'services', 'stream'] as const, (r) => r.traffic.source ?? 'clients', (r, v) => { r.traffic.source = v; }),
  'state[].readers': cycle([undefined, 'owner', 'others'] as const, (r) => first(r).readers, (r, v) => { first(r).readers = v; }),
  'state[].limitsOwner': cycle([undefined, true, false] as const, (r) => first(r).limitsOwner, (r, v) => { first(r).limitsOwner = v; }),
  // Regions (invariant 14, replication between regions, the away share): the generator below names groups.
  'traffic.regionGroups': (r) => {
    const g = r.traffic.regionGroups;
    r.traffic.regionGroups = g ? { home: (g.home! % 3) + 1, rest: g.rest! } : { home: 1, rest: Math.max(1, r.traffic.regions - 1) };
  },
  'state[].residency': (r) => { if (r.traffic.regionGroups) first(r).residency = first(r).residency ? undefined : 'home'; },
  'failure.rpoSeconds': cycle([undefined, 0, 5] as const, (r) => r.failure.rpoSeconds, (r, v) => { r.failure.rpoSeconds = v; }),
  'traffic.awayShare': cycle([undefined, 0.005, 0.5] as const, (r) => r.traffic.awayShare, (r, v) => { r.traffic.awayShare = v; }),
};

const inputsArb = fc.tuple(requirementsArb({ minItems: 1, maxItems: 3 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom(undefined, 0, 5))
  .map(([doc, home, rpo]) => {
    // Half the multi-region documents name groups (home, rest) and keep the first item in `home`; some set an RPO.
    const d = doc as { traffic: { regions?: number; regionGroups?: Record<string, number> }; failure?: { rpoSeconds?: number }; state: { residency?: string }[] };
    const regions = d.traffic.regions ?? 1;
    if (regions >= 2 && home >= 1 && home < regions) {
      d.traffic.regionGroups = { home, rest: regions - home };
      if (d.state[0]) d.state[0].residency = 'home';
    }
    if (rpo !== undefined) d.failure = { ...d.failure, rpoSeconds: rpo };
    return validateRequirements(d);
  })
  .filter((r): r is { ok: true; value: Requirements } => r.ok)
  .map((r) => r.value);

/** Rare corners random documents seldom reach: a listed socket item, reference data taken from its figures, a costly record. */
const CORNERS: Requirements[] = [
  { service: 'chat', context: { realtime: 'bidirectional' }, traffic: { peakRps: 100 },
    state: [{ name: 'connections', owner: 'session', lifetime: 'minutes', sizeKb: 4, writesPerMinute: 6 }] },
  { service: 'geo', traffic: { peakRps: 100 },
    state: [{ name: 'table', owner: 'global', lifetime: 'days', sizeKb: 1000, writesPerMinute: 30, lossImpact: 'none' }] },
  { service: 'seats', traffic: { peakRps: 100, regions: 1 },
    state: [{ name: 'seat', owner: 'shared', owners: 1000, lifetime: 'minutes', sizeKb: 0.2, writesPerMinute: 6, consistency: 'strong' }] },
  { service: 'orders', traffic: { peakRps: 100 },
    state: [{ name: 'order', owner: 'user', owners: 1000, lifetime: 'forever', sizeKb: 2, writesPerMinute: 6, lossImpact: 'costly', kind: 'record' }] },
  // A stream: live keys come from the busiest keyed item read on most events (rules/model/stream-keys.ts).
  { service: 'windows', traffic: { peakRps: 3000, source: 'stream' },
    state: [{ name: 'window', owner: 'session', lifetime: 'forever', sizeKb: 1, writesPerMinute: 2, hotPath: true }] },
  // A residency group that holds every region: more regions confine it (invariant 14).
  { service: 'notes', traffic: { peakRps: 100, regionGroups: { home: 2 } },
    state: [{ name: 'note', owner: 'user', lifetime: 'forever', sizeKb: 2, writesPerMinute: 6, lossImpact: 'costly', residency: 'home' }] },
].map((doc) => { const r = validateRequirements(doc); if (!r.ok) throw new Error('bad corner'); return r.value; });

describe('the registry of derived facts', () => {
  it('names in `from` only inputs and figures computed before the one that reads them', () => {
    const ordered = [
      ...SERVICE_KEYS.filter((k) => !SERVICE_FIGURES[k].afterItems).map((k) => SERVICE_FIGURES[k]),
      ...ITEM_KEYS.map((k) => ITEM_FIGURES[k]),
      ...SERVICE_KEYS.filter((k) => SERVICE_FIGURES[k].afterItems).map((k) => SERVICE_FIGURES[k]),
    ];
    const bad: string[] = [];
    ordered.forEach((d, i) => {
      for (const parent of d.from) {
        if (isInputPath(parent) && !DERIVED_FACTS.has(parent)) continue;
        const at = ordered.findIndex((e) => e.id === parent);
        if (at < 0 || at >= i) bad.push(`${d.id} reads ${parent}`);
      }
    });
    expect(bad).toEqual([]);
  });

  it('varying an input moves only the figures that descend from it, and every declared edge moves for some input', () => {
    const moved = new Set<string>();
    const undeclared = new Set<string>();
    fc.assert(fc.property(inputsArb, (req) => {
      const before = figures(buildContext(req));
      for (const [input, vary] of Object.entries(VARY)) {
        const changed = structuredClone(req);
        vary(changed);
        const after = figures(buildContext(changed));
        const allowed = new Set([input, ...descendantsOf(input)]);
        for (const [fact, was] of before) {
          if (Object.is(was, after.get(fact))) continue;
          if (!allowed.has(fact)) undeclared.add(`${input} → ${fact}`);
          moved.add(`${input} → ${fact}`);
        }
      }
    }), { numRuns: runs(150, 1500), examples: CORNERS.map((c) => [c]) });
    expect([...undeclared]).toEqual([]);
    // Non-vacuity: each direct edge from a varied input to a figure moved at least once.
    const edges = [...DERIVED_FACTS.values()].flatMap((d) => d.from.filter((p) => p in VARY).map((p) => `${p} → ${d.id}`));
    expect(edges.length).toBeGreaterThan(15);
    expect(edges.filter((e) => !moved.has(e))).toEqual([]);
  });
});
