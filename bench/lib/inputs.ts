import {
  CONSISTENCY, KNOWN_STORES, LIFETIME, LOSS_IMPACT, MEMORY, OPS, OWNER, REALTIME, SENSITIVITY, SESSION_LOSS,
  SHARED_STATE, WORKFLOW, type RequirementsInput,
} from '../../rules/contract/requirements.ts';
import { prng } from '../../test/support/prng.ts';

/**
 * Deterministic benchmark inputs: the same seed gives the same documents on every machine, so every run of every
 * benchmark (and both engines in the comparison) sees exactly the same work.
 */


type Random = () => number;
const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/** Half the time a rule threshold (or just past it, where `gt`/`lte` change), else a log-spread value. */
function numberNear(r: Random, thresholds: readonly number[], min: number, max: number, integer = false): number {
  let v: number;
  if (thresholds.length > 0 && r() < 0.5) {
    const t = pick(r, thresholds);
    v = pick(r, [t, t + 1, t - 1, t * 1.01, t * 0.99]);
  } else v = Math.exp(Math.log(Math.max(min, 0.01)) + r() * (Math.log(max) - Math.log(Math.max(min, 0.01))));
  v = Math.min(max, Math.max(min, integer ? Math.round(v) : Math.round(v * 100) / 100));
  return v;
}

/** Thresholds per fact path, e.g. from `catalog.thresholds`, so generated numbers land on both sides of rules. */
export type Thresholds = ReadonlyMap<string, readonly number[]>;

function stateItem(r: Random, index: number, t: Thresholds): NonNullable<RequirementsInput['state']>[number] {
  return {
    name: `item-${index}`,
    owner: pick(r, OWNER),
    lifetime: pick(r, LIFETIME),
    sizeKb: numberNear(r, t.get('state[].sizeKb') ?? [], 0.1, 4096),
    writesPerMinute: numberNear(r, t.get('state[].writesPerMinute') ?? [], 0, 600),
    sensitivity: pick(r, SENSITIVITY),
    lossImpact: pick(r, LOSS_IMPACT),
    consistency: pick(r, CONSISTENCY),
    hotPath: r() < 0.5,
  };
}

/**
 * One valid requirements document with `items` state items; every enum and store list is drawn at random and
 * numbers are drawn around the catalogue's thresholds.
 */
export function generateRequirements(seed: number, items: number, t: Thresholds = new Map()): RequirementsInput {
  const r = prng(seed);
  const withSessions = r() < 0.4;
  return {
    service: `bench-${seed}`,
    context: { memory: pick(r, MEMORY), workflow: pick(r, WORKFLOW), realtime: pick(r, REALTIME), sharedState: pick(r, SHARED_STATE) },
    traffic: {
      peakRps: numberNear(r, t.get('traffic.peakRps') ?? [], 0, 100_000),
      ...(withSessions ? { concurrentSessions: numberNear(r, t.get('derived.concurrentSessions') ?? [], 0, 5_000_000, true) } : {}),
      sessionMinutes: numberNear(r, t.get('traffic.sessionMinutes') ?? [], 1, 240),
      spiky: r() < 0.3,
      regions: Math.ceil(r() * 4),
    },
    failure: {
      sessionLoss: pick(r, SESSION_LOSS),
      availability: pick(r, [99, 99.5, 99.9, 99.95, 99.99]),
      deploysPerDay: numberNear(r, t.get('failure.deploysPerDay') ?? [], 0, 50),
    },
    latency: { p99Ms: numberNear(r, t.get('latency.p99Ms') ?? [], 5, 2000) },
    constraints: { ops: pick(r, OPS), stores: KNOWN_STORES.filter(() => r() < 0.25) },
    state: Array.from({ length: items }, (_, i) => stateItem(r, i, t)),
  };
}

/** `count` documents with 0–8 items each, from one seed. */
export function generateMany(seed: number, count: number, t: Thresholds = new Map()): RequirementsInput[] {
  const r = prng(seed);
  return Array.from({ length: count }, () => generateRequirements(Math.floor(r() * 2 ** 31), Math.floor(r() * 9), t));
}

/** A typical service as a team writes it: a storefront with five pieces of state and a live support chat. */
export const TYPICAL: RequirementsInput = {
  service: 'shop-frontend',
  context: { memory: 'session', workflow: 'multi-step', realtime: 'bidirectional' },
  traffic: { peakRps: 4000, sessionMinutes: 20 },
  failure: { sessionLoss: 'tolerable', availability: 99.9, deploysPerDay: 4 },
  constraints: { ops: 'medium', stores: ['redis', 'postgres'] },
  state: [
    { name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 5, writesPerMinute: 1, lossImpact: 'costly', hotPath: true },
    { name: 'support-chat', owner: 'session', lifetime: 'minutes', sizeKb: 4, writesPerMinute: 6, sensitivity: 'personal', hotPath: true },
    { name: 'access-token', owner: 'session', lifetime: 'hours', sizeKb: 1, writesPerMinute: 0, consistency: 'eventual', hotPath: true },
    { name: 'orders', owner: 'user', lifetime: 'forever', sizeKb: 8, writesPerMinute: 0.1, sensitivity: 'personal', lossImpact: 'critical', consistency: 'strong' },
    { name: 'recently-viewed', owner: 'user', lifetime: 'days', sizeKb: 2, writesPerMinute: 2, consistency: 'eventual' },
  ],
};

/** The smallest useful input: one token-authenticated API with one piece of state. */
export const SMALL: RequirementsInput = {
  service: 'orders-api',
  context: { memory: 'session' },
  traffic: { peakRps: 2500, sessionMinutes: 60 },
  state: [{ name: 'access-token', owner: 'session', lifetime: 'hours', sizeKb: 1, writesPerMinute: 0, consistency: 'eventual', hotPath: true }],
};

/** A large service: the typical context with 50 generated items (`seed` 50 is the one recorded before issue 15). */
export function large(t: Thresholds = new Map(), seed = 50): RequirementsInput {
  const r = prng(seed);
  return { ...TYPICAL, service: 'large-service', state: Array.from({ length: 50 }, (_, i) => stateItem(r, i, t)) };
}

/**
 * `count` distinct documents shaped like `doc`: the same context, items and enums, with every number scaled by its
 * own seeded factor in [0.5, 2] (and the service renamed). A benchmark driven by these measures the work, not
 * anything keyed by input: no two requests are the same document, while each stays the kind of service measured.
 */
export function variants(doc: RequirementsInput, count: number, seed: number): RequirementsInput[] {
  const r = prng(seed);
  const scale = (v: number) => Math.round(v * 2 ** (r() * 2 - 1) * 100) / 100;
  return Array.from({ length: count }, (_, i) => {
    const traffic = { ...doc.traffic!, peakRps: scale(doc.traffic!.peakRps) };
    if (traffic.sessionMinutes !== undefined) traffic.sessionMinutes = scale(traffic.sessionMinutes);
    return {
      ...doc,
      service: `${doc.service}-${i}`,
      traffic,
      state: (doc.state ?? []).map((s) => ({
        ...s,
        ...(s.sizeKb !== undefined ? { sizeKb: scale(s.sizeKb) } : {}),
        ...(s.writesPerMinute !== undefined ? { writesPerMinute: scale(s.writesPerMinute) } : {}),
      })),
    };
  });
}
