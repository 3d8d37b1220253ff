import type { z } from 'zod';
import { RequirementsSchema, StateItemSchema } from '../contract/requirements.ts';
import { DERIVED_FACTS } from '../model/lineage.ts';
import { PLAN_FACTS } from './plan-facts.ts';
import type { Fact, FactScope, FactType, FactValue } from './fact.ts';

/**
 * The facts a rule may read, by path. Contract facts are derived from the zod schema, so a field added to the
 * contract is readable at once and a path that is not in the contract is a load error. Derived facts are computed
 * by the engine and documented here; `plan` facts exist only after placement and may be read by risk rules alone.
 */
export type { Fact, FactPhase, FactScope, FactType, FactValue } from './fact.ts';

type AnySchema = z.core.$ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const def = s._zod.def as { type: string; innerType?: AnySchema };
    if ((def.type === 'default' || def.type === 'optional' || def.type === 'prefault') && def.innerType) s = def.innerType;
    else return s;
  }
}

function typeOf(schema: AnySchema): { type: FactType; values?: readonly string[] } | undefined {
  const s = unwrap(schema);
  const def = s._zod.def as { type: string; entries?: Record<string, string>; element?: AnySchema };
  if (def.type === 'number') return { type: 'number' };
  if (def.type === 'boolean') return { type: 'boolean' };
  if (def.type === 'enum') return { type: 'enum', values: Object.values(def.entries ?? {}) };
  if (def.type === 'array' && def.element) {
    const el = typeOf(def.element);
    if (el?.type === 'enum') return { type: 'set', values: el.values };
  }
  return undefined;
}

function shapeOf(schema: AnySchema): Record<string, AnySchema> {
  return ((unwrap(schema)._zod.def as unknown as { shape: Record<string, AnySchema> }).shape);
}

const SECTIONS = ['context', 'traffic', 'failure', 'latency', 'constraints'] as const;

type Get = Fact['get'];
/**
 * One function per contract fact, spelled out: a rule test is a few nanoseconds only when each fact's read site
 * sees one property name (a shared `obj[key]` reader is one megamorphic site for every fact). A field added to the
 * contract without a line here still works through the generic reader; a test lists the ones missing.
 */
const GETTERS: Readonly<Record<string, Get>> = {
  'context.memory': (c) => c.req.context.memory,
  'context.workflow': (c) => c.req.context.workflow,
  'context.realtime': (c) => c.req.context.realtime,
  'context.sharedState': (c) => c.req.context.sharedState,
  'traffic.peakRps': (c) => c.req.traffic.peakRps,
  // Given, or derived by Little's law: rules read the figure the engine uses.
  'traffic.concurrentSessions': (c) => c.derived.concurrentSessions,
  'traffic.sessionMinutes': (c) => c.req.traffic.sessionMinutes,
  'traffic.spiky': (c) => c.req.traffic.spiky,
  'traffic.regions': (c) => c.req.traffic.regions,
  'traffic.source': (c) => c.derived.source,
  'traffic.awayShare': (c) => c.req.traffic.awayShare!,
  'failure.rpoSeconds': (c) => c.req.failure.rpoSeconds!,
  'failure.rtoSeconds': (c) => c.req.failure.rtoSeconds!,
  'constraints.interRegionRttMs': (c) => c.req.constraints.interRegionRttMs!,
  'failure.sessionLoss': (c) => c.req.failure.sessionLoss,
  'failure.availability': (c) => c.req.failure.availability,
  'failure.deploysPerDay': (c) => c.req.failure.deploysPerDay,
  'latency.p99Ms': (c) => c.req.latency.p99Ms,
  'constraints.ops': (c) => c.req.constraints.ops,
  'constraints.stores': (c) => c.req.constraints.stores,
  'state[].owner': (_c, i) => i!.owner,
  'state[].lifetime': (_c, i) => i!.lifetime,
  'state[].sizeKb': (_c, i) => i!.sizeKb,
  'state[].writesPerMinute': (_c, i) => i!.writesPerMinute,
  'state[].sensitivity': (_c, i) => i!.sensitivity,
  'state[].lossImpact': (_c, i) => i!.lossImpact,
  'state[].consistency': (_c, i) => i!.consistency,
  'state[].hotPath': (_c, i) => i!.hotPath,
  'state[].kind': (_c, i) => i!.kind,
  'state[].owners': (_c, i) => i!.owners,
  'state[].readsPerMinute': (_c, i) => i!.readsPerMinute!,
  'state[].writeKb': (_c, i) => i!.writeKb!,
  'state[].limitsOwner': (_c, i) => i!.limitsOwner,
  // Derived where the file leaves them out (rules/model/derived.ts): rules read the figure the engine uses.
  'state[].readers': (_c, i) => i!.readers,
  'state[].readKb': (_c, i) => i!.readKb,
  'state[].fanout': (_c, i) => i!.fanout,
  'state[].shape': (_c, i) => i!.shape,
  'state[].merge': (_c, i) => i!.merge,
};

/** Contract facts read through the generic reader, and spelled-out readers no contract fact has (a test keeps both empty). */
export function getterGaps(): { generic: string[]; unknown: string[] } {
  const paths = contractFacts().map((f) => f.path);
  return { generic: paths.filter((p) => !(p in GETTERS)), unknown: Object.keys(GETTERS).filter((k) => !paths.includes(k)) };
}

function contractFacts(): Fact[] {
  const facts: Fact[] = [];
  const root = shapeOf(RequirementsSchema);
  for (const section of SECTIONS) {
    for (const [key, field] of Object.entries(shapeOf(root[section]!))) {
      const t = typeOf(field);
      if (!t) continue;
      facts.push({
        path: `${section}.${key}`, ...t, scope: 'service', phase: 'input',
        description: (field as z.ZodType).description ?? `${section}.${key} from the requirements`,
        get: GETTERS[`${section}.${key}`] ?? ((ctx) => (ctx.req[section] as unknown as Record<string, FactValue>)[key]!),
      });
    }
  }
  for (const [key, field] of Object.entries(shapeOf(StateItemSchema))) {
    const t = typeOf(field);
    if (!t) continue;
    facts.push({
      path: `state[].${key}`, ...t, scope: 'item', phase: 'input',
      description: (field as z.ZodType).description ?? `state item ${key}`,
      get: GETTERS[`state[].${key}`] ?? ((_ctx, item) => (item as unknown as Record<string, FactValue>)[key]!),
    });
  }
  return facts;
}

/** Derived numbers and booleans, known before placement (plan facts: plan-facts.ts). */
const num = (path: string, scope: FactScope, description: string, get: Fact['get']): Fact =>
  ({ path, type: 'number', scope, phase: 'input', description, get });
const bool = (path: string, scope: FactScope, description: string, get: Fact['get']): Fact =>
  ({ path, type: 'boolean', scope, phase: 'input', description, get });

/** A derived fact's description, from the registry that computes it (rules/model/derived.ts). */
const described = (id: string): string => DERIVED_FACTS.get(id)!.description;

/**
 * Derived facts rules may read. Each reader is spelled out (one property name per read site); what each figure
 * means and is computed from lives in the registry.
 */
const DERIVED: Fact[] = [
  num('derived.concurrentSessions', 'service', described('derived.concurrentSessions'), (c) => c.derived.concurrentSessions),
  num('derived.sessionItems', 'service', described('derived.sessionItems'), (c) => c.derived.sessionItems),
  num('derived.sessionStateKb', 'service', described('derived.sessionStateKb'), (c) => c.derived.sessionStateKb),
  bool('derived.operatesCache', 'service', described('derived.operatesCache'), (c) => c.derived.operatesCache),
  bool('derived.operatesDatabase', 'service', described('derived.operatesDatabase'), (c) => c.derived.operatesDatabase),
  bool('derived.operatesLog', 'service', described('derived.operatesLog'), (c) => c.derived.operatesLog),
  { path: 'state[].scope', type: 'enum', values: ['request', 'session', 'durable'], scope: 'item', phase: 'input',
    description: described('state[].scope'), get: (_c, i) => i!.scope },
  bool('state[].connection', 'item', described('state[].connection'), (_c, i) => i!.connection),
  bool('state[].implied', 'item', 'the engine added this item because the context demands it', (_c, i) => i!.implied),
  num('state[].owners', 'item', described('state[].owners'), (_c, i) => i!.owners),
  num('state[].totalMb', 'item', described('state[].totalMb'), (_c, i) => i!.totalMb),
  num('state[].writesPerSecond', 'item', described('state[].writesPerSecond'), (_c, i) => i!.writesPerSecond),
  num('constraints.instance.memoryMb', 'service', 'memory for state on one instance, MB', (c) => c.req.constraints.instance.memoryMb),
  num('constraints.instance.rps', 'service', 'requests/s one instance serves within the p99 budget', (c) => c.req.constraints.instance.rps),
  num('constraints.instance.networkMbps', 'service', 'network bandwidth of one instance, Mbit/s', (c) => c.req.constraints.instance.networkMbps),
  num('constraints.instance.gpuMemoryMb', 'service', 'GPU memory of one instance, MB (0 without a GPU)', (c) => c.req.constraints.instance.gpuMemoryMb ?? 0),
  num('state[].readsPerSecond', 'item', described('state[].readsPerSecond'), (_c, i) => i!.readsPerSecond),
  bool('state[].syncWrite', 'item', described('state[].syncWrite'), (_c, i) => i!.syncWrite),
  bool('state[].residencyConfined', 'item', described('state[].residencyConfined'), (_c, i) => i!.residencyConfined),
  num('state[].residencyRegions', 'item', described('state[].residencyRegions'), (_c, i) => i!.residencyRegions),
  { path: 'state[].crossRegionReplication', type: 'enum', values: ['none', 'async', 'sync'], scope: 'item', phase: 'input',
    description: described('state[].crossRegionReplication'), get: (_c, i) => i!.crossRegionReplication },
  num('state[].writeKbPerSecondPerOwner', 'item', described('state[].writeKbPerSecondPerOwner'), (_c, i) => i!.writeKbPerSecondPerOwner),
];


/** Every fact a rule may read, by path. Built once. */
export const FACTS: ReadonlyMap<string, Fact> = new Map(
  [...contractFacts(), ...DERIVED, ...PLAN_FACTS].map((f) => [f.path, f]),
);
