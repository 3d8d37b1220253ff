import fc from 'fast-check';
import { prng } from './prng.ts';
import {
  CONSISTENCY, KIND, KNOWN_STORES, LIFETIME, LOSS_IMPACT, MEMORY, OPS, OWNER, READERS, REALTIME, SENSITIVITY, SESSION_LOSS,
  SHARED_STATE, SOURCE, WORKFLOW, type RequirementsInput,
} from '../../rules/contract/requirements.ts';

/**
 * fast-check arbitraries for VALID `statewise/v1` requirements, as a team would write them (defaults omitted or
 * spelled out). Numbers mix the contract's edge values, the catalogue's thresholds (where rules change their
 * answer) and free values over the whole allowed range, so properties see boundaries as well as the bulk.
 */

/** A number in [min, max]: an edge or threshold value, a small round value, or any double in range. */
export function numberIn(min: number, max: number, edges: readonly number[] = [], integer = false): fc.Arbitrary<number> {
  const inRange = [min, max, ...edges].filter((v) => v >= min && v <= max && (!integer || Number.isInteger(v)));
  const free = integer
    ? fc.integer({ min, max })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).filter((v) => v >= min && v <= max && !Object.is(v, -0));
  // Log-spread values: most real inputs are small numbers, which uniform doubles over 0..1e7 almost never hit.
  const small = fc.integer({ min: 0, max: 6 }).chain((exp) =>
    fc.integer({ min: 1, max: 9 }).map((m) => (integer ? Math.round(m * 10 ** exp) : m * 10 ** exp))).filter((v) => v >= min && v <= max);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...inRange) },
    { weight: 3, arbitrary: small },
    { weight: 2, arbitrary: free },
  );
}

/** Names matching `[a-z0-9][a-z0-9._-]*`, including the ones the engine gives implied items. */
export const NAME_POOL = [
  'cart', 'session', 'profile', 'access-token', 'messages', 'game-room', 'typing', 'draft', 'prefs', 'feed',
  'connections', 'session-context', 'shared-object', 'user-record', 'a', '0', 'x.y_z-1',
] as const;
export const nameArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAME_POOL) },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,63}$/).filter((s) => s.length <= 64) },
);

/** Optional fields are sometimes absent (defaults apply) and sometimes present. */
const optionalKeys = <T extends Record<string, fc.Arbitrary<unknown>>>(model: T, required: (keyof T)[] = []) =>
  fc.record(model, { requiredKeys: required as never[] });

export const stateItemArb = optionalKeys({
  name: nameArb,
  owner: fc.constantFrom(...OWNER),
  lifetime: fc.constantFrom(...LIFETIME),
  sizeKb: numberIn(Number.MIN_VALUE, 1_000_000_000, [0.01, 0.1, 1, 2, 2.01, 4, 4.01, 5, 16, 100, 101, 256, 1024, 10_240, 300_000, 700_000, 3_000_000]).filter((v) => v > 0),
  writesPerMinute: numberIn(0, 1_000_000_000, [0, 0.5, 1, 1.01, 2, 2.01, 10, 60, 61, 240, 600]),
  sensitivity: fc.constantFrom(...SENSITIVITY),
  lossImpact: fc.constantFrom(...LOSS_IMPACT),
  consistency: fc.constantFrom(...CONSISTENCY),
  hotPath: fc.boolean(),
  kind: fc.constantFrom(...KIND),
  owners: numberIn(1, 10_000_000_000, [1, 10, 4000, 2_000_000], true),
  readsPerMinute: numberIn(0, 1_000_000_000, [0, 1, 60, 600]),
  writeKb: numberIn(Number.MIN_VALUE, 1_000_000_000, [0.1, 0.2, 1, 100]).filter((v) => v > 0),
}, ['name']);

const contextArb = optionalKeys({
  memory: fc.constantFrom(...MEMORY),
  workflow: fc.constantFrom(...WORKFLOW),
  realtime: fc.constantFrom(...REALTIME),
  sharedState: fc.constantFrom(...SHARED_STATE),
});

export const PEAK_RPS_MAX = 100_000_000;
export const REGIONS_MAX = 50;
export const DEPLOYS_MAX = 1000;

const trafficArb = optionalKeys({
  peakRps: numberIn(0, PEAK_RPS_MAX, [0, 0.5, 1, 199, 200, 4999, 5000, 19_999, 20_000, 1_000_000]),
  concurrentSessions: numberIn(0, 1_000_000_000, [0, 1, 999_999, 1_000_000], true),
  sessionMinutes: numberIn(Number.MIN_VALUE, 525_600, [0.001, 1, 5, 5.01, 15, 119, 120, 1440]).filter((v) => v > 0),
  spiky: fc.boolean(),
  regions: numberIn(1, REGIONS_MAX, [1, 2, 3], true),
}, ['peakRps']);

const failureArb = optionalKeys({
  sessionLoss: fc.constantFrom(...SESSION_LOSS),
  availability: numberIn(90, 99.99999, [90, 99, 99.9, 99.95, 99.99, 99.999]).filter((v) => v < 100),
  deploysPerDay: numberIn(0, DEPLOYS_MAX, [0, 1, 4, 5, 19, 20, 100]),
});

const latencyArb = optionalKeys({
  p99Ms: numberIn(Number.MIN_VALUE, 600_000, [0.5, 1, 2, 3, 15, 20, 40, 50, 50.01, 99, 100, 199, 200, 499, 500, 30_000]).filter((v) => v > 0),
});

const constraintsArb = optionalKeys({
  ops: fc.constantFrom(...OPS),
  stores: fc.uniqueArray(fc.constantFrom(...KNOWN_STORES), { maxLength: KNOWN_STORES.length }),
  instance: optionalKeys({
    memoryMb: numberIn(1, 16_777_216, [512, 1024, 4096, 65_536]).filter((v) => v > 0),
    rps: numberIn(1, 10_000_000, [1, 50, 500, 5000]).filter((v) => v > 0),
    networkMbps: numberIn(1, 1_000_000, [100, 1000, 10_000, 25_000]).filter((v) => v > 0),
  }),
});

const acceptArb = fc.array(fc.record({
  risk: fc.constantFrom('risk.sticky-hotspots', 'risk.token-revocation', 'risk.single-instance', 'risk.loss-on-deploy:cart'),
  reason: fc.constantFrom('accepted at the 2026 design review', 'temporary'),
  until: fc.constantFrom('2000-01-01', '2099-12-31'),
}), { maxLength: 3 });

/**
 * Valid requirements input across the whole contract: every enum, numeric bounds and thresholds, optional fields
 * present and absent, 0–12 uniquely named state items, stores without repeats, and sometimes accepted risks.
 * Accepted risks never name `risk.token-must-be-encrypted` (invariant 1's check reads it from `risks`).
 */
export function requirementsArb(options: { minItems?: number; maxItems?: number } = {}): fc.Arbitrary<RequirementsInput> {
  return optionalKeys({
    apiVersion: fc.constant('statewise/v1' as const),
    service: fc.oneof(fc.constantFrom('checkout', 'a', 'svc-1.v2_x'), fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,63}$/).filter((s) => s.length <= 64)),
    description: fc.string({ maxLength: 200 }),
    decisionMakers: fc.array(fc.string({ minLength: 1, maxLength: 40 }), { maxLength: 3 }),
    context: contextArb,
    traffic: trafficArb,
    failure: failureArb,
    latency: latencyArb,
    constraints: constraintsArb,
    state: fc.uniqueArray(stateItemArb, { minLength: options.minItems ?? 0, maxLength: options.maxItems ?? 12, selector: (i) => i.name }),
    accept: acceptArb,
  }, options.minItems ? ['service', 'traffic', 'state'] : ['service', 'traffic']) as fc.Arbitrary<RequirementsInput>;
}

/**
 * requirementsArb plus the round-3 fields of who sends the requests and who reads each item: traffic.source, and per
 * item readers and limitsOwner, each sometimes absent (the engine's default applies) and sometimes written.
 */
export function readersRequirementsArb(options: { minItems?: number; maxItems?: number } = {}): fc.Arbitrary<RequirementsInput> {
  const extra = fc.record({ readers: fc.constantFrom(...READERS), limitsOwner: fc.boolean() }, { requiredKeys: [] });
  return fc.tuple(requirementsArb(options), fc.option(fc.constantFrom(...SOURCE), { nil: undefined }), fc.array(extra, { minLength: 12, maxLength: 12 }))
    .map(([doc, source, extras]) => ({
      ...doc,
      traffic: source === undefined ? doc.traffic : { ...doc.traffic, source },
      state: doc.state?.map((item, i) => ({ ...item, ...extras[i] })),
    }) as RequirementsInput);
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The same document with object keys shuffled at every level and the `state` items (and `constraints.stores`)
 * reordered: what a team could write that means the same thing.
 */
export function reordered<T>(value: T, seed: number): T {
  const random = prng(seed);
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (Array.isArray(v)) {
      const items = v.map((x) => walk(x, undefined));
      // Only sets are reorderable: state items (unique names) and stores. decisionMakers keep their order.
      return key === 'state' || key === 'stores' ? shuffle(items, random) : items;
    }
    if (v !== null && typeof v === 'object') {
      const entries = shuffle(Object.entries(v as Record<string, unknown>), random);
      return Object.fromEntries(entries.map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(value, undefined) as T;
}

/**
 * requirementsArb across regions: 2–3 named region groups of 1–3 regions each (their sum replaces regions), items
 * that must stay in one of them (residency) or merge concurrent writes, and sometimes an away share, a round trip
 * between regions and a recovery point. Invariants 14 and 15 need these; plain documents almost never name groups.
 */
export function regionsRequirementsArb(options: { minItems?: number; maxItems?: number } = {}): fc.Arbitrary<RequirementsInput> {
  const groups = fc.uniqueArray(fc.constantFrom('eu', 'us', 'ch', 'apac'), { minLength: 2, maxLength: 3 })
    .chain((names) => fc.tuple(...names.map((n) => fc.integer({ min: 1, max: 3 }).map((k) => [n, k] as const))))
    .map((pairs) => Object.fromEntries(pairs) as Record<string, number>);
  const perItem = fc.record({ pick: fc.integer({ min: -1, max: 3 }), merge: fc.constantFrom(undefined, 'none', 'last-writer-wins', 'commutative') });
  return fc.tuple(requirementsArb(options), groups, fc.array(perItem, { minLength: 12, maxLength: 12 }),
    fc.constantFrom(undefined, 0, 0.005, 0.05, 0.3), fc.constantFrom(undefined, 30, 70, 150), fc.constantFrom(undefined, 0, 5, 60))
    .map(([doc, regionGroups, extras, awayShare, rtt, rpo]) => {
      const names = Object.keys(regionGroups);
      return {
        ...doc,
        traffic: { ...doc.traffic, regionGroups, ...(awayShare === undefined ? {} : { awayShare }) },
        failure: rpo === undefined ? doc.failure : { ...doc.failure, rpoSeconds: rpo },
        constraints: rtt === undefined ? doc.constraints : { ...doc.constraints, interRegionRttMs: rtt },
        state: doc.state?.map((item, i) => {
          const { pick, merge } = extras[i]!;
          return { ...item, ...(pick >= 0 && pick < names.length ? { residency: names[pick] } : {}), ...(merge ? { merge } : {}) };
        }),
      } as RequirementsInput;
    });
}
