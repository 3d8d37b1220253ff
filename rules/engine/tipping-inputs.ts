import type { Requirements, StateItem } from '../contract/requirements.ts';
import type { Decision } from './decide.ts';
import { AWAY_SHARE, P99_TAIL } from '../model/derived.ts';

/**
 * The inputs the tipping-point search varies: numbers (service figures, budgets, the size and write rate of the
 * items nearest their limits) and enums (every other value). Each says how to read and set it on requirements.
 */
/** Items whose size and write rate are searched: those whose checks sit nearest their limits. */
export const ITEM_INPUTS = 1;

export interface NumericInput {
  input: string;
  min: number;
  max: number;
  integer: boolean;
  get: (r: Requirements) => number | undefined;
  set: (r: Requirements, v: number) => Requirements;
  /** Distance in "how big a change" units, comparable across inputs (default: log ratio). */
  distance?: (from: number, to: number) => number;
  /** Check crossings move this input (sizes, rates, budgets), not only rule thresholds. */
  physical: boolean;
  /** Values where the model's arithmetic steps (not a rule threshold, not a linear crossing): tried as breakpoints. */
  steps?: readonly number[];
}

const traffic = (r: Requirements, patch: Partial<Requirements['traffic']>) => ({ ...r, traffic: { ...r.traffic, ...patch } });
const failure = (r: Requirements, patch: Partial<Requirements['failure']>) => ({ ...r, failure: { ...r.failure, ...patch } });
const instance = (r: Requirements, patch: Partial<Requirements['constraints']['instance']>) =>
  ({ ...r, constraints: { ...r.constraints, instance: { ...r.constraints.instance, ...patch } } });
const nines = (a: number) => -Math.log10(100 - a);

export const NUMERIC: NumericInput[] = [
  { input: 'traffic.peakRps', min: 0, max: 100_000_000, integer: false, physical: true, get: (r) => r.traffic.peakRps, set: (r, v) => traffic(r, { peakRps: v }) },
  { input: 'traffic.concurrentSessions', min: 0, max: 1_000_000_000, integer: true, physical: true, get: (r) => r.traffic.concurrentSessions, set: (r, v) => traffic(r, { concurrentSessions: v }) },
  { input: 'traffic.sessionMinutes', min: 0.01, max: 525_600, integer: false, physical: false, get: (r) => r.traffic.sessionMinutes, set: (r, v) => traffic(r, { sessionMinutes: v }) },
  // With traffic.regionGroups the groups' sizes set the count (their sum replaces traffic.regions): a claim on
  // traffic.regions could not be applied to such a file, so it is not searched.
  { input: 'traffic.regions', min: 1, max: 50, integer: true, physical: false, get: (r) => (r.traffic.regionGroups ? undefined : r.traffic.regions), set: (r, v) => traffic(r, { regions: v }) },
  { input: 'failure.availability', min: 90, max: 99.999, integer: false, physical: false, get: (r) => r.failure.availability, set: (r, v) => failure(r, { availability: v }), distance: (a, b) => Math.abs(nines(a) - nines(b)) * 2 },
  { input: 'failure.rpoSeconds', min: 0, max: 31_536_000, integer: false, physical: true, get: (r) => r.failure.rpoSeconds, set: (r, v) => failure(r, { rpoSeconds: v }) },
  { input: 'failure.rtoSeconds', min: 0.01, max: 31_536_000, integer: false, physical: true, get: (r) => r.failure.rtoSeconds, set: (r, v) => failure(r, { rtoSeconds: v }) },
  { input: 'failure.deploysPerDay', min: 0, max: 1000, integer: false, physical: false, get: (r) => r.failure.deploysPerDay, set: (r, v) => failure(r, { deploysPerDay: v }) },
  { input: 'latency.p99Ms', min: 0.01, max: 600_000, integer: false, physical: true, get: (r) => r.latency.p99Ms, set: (r, v) => ({ ...r, latency: { p99Ms: v } }) },
  // The p99 request pays the round trip to a home region once more than 1% of requests are away (derived.awayRttMs):
  // a step at exactly 1%, searched in "how many times more or fewer away requests".
  { input: 'traffic.awayShare', min: 0, max: 1, integer: false, physical: false, steps: [P99_TAIL],
    get: (r) => (r.traffic.regions >= 2 ? r.traffic.awayShare ?? AWAY_SHARE : undefined), set: (r, v) => traffic(r, { awayShare: v }),
    distance: (a, b) => Math.abs(Math.log(Math.max(b, 1e-3) / Math.max(a, 1e-3))) },
  { input: 'constraints.instance.memoryMb', min: 1, max: 16_777_216, integer: false, physical: true, get: (r) => r.constraints.instance.memoryMb, set: (r, v) => instance(r, { memoryMb: v }) },
  { input: 'constraints.instance.networkMbps', min: 1, max: 1_000_000, integer: false, physical: true, get: (r) => r.constraints.instance.networkMbps, set: (r, v) => instance(r, { networkMbps: v }) },
];

/** The size and write rate (`state[cart].sizeKb`) of the listed items whose checks sit nearest their limits. */
export function itemInputs(req: Requirements, base: Decision): NumericInput[] {
  const out: NumericInput[] = [];
  const field = (name: string, key: 'sizeKb' | 'writesPerMinute', min: number) => out.push({
    input: `state[${name}].${key}`, min, max: 1_000_000_000, integer: false, physical: true,
    get: (r) => r.state.find((s) => s.name === name)?.[key],
    set: (r, v) => ({ ...r, state: r.state.map((s): StateItem => (s.name === name ? { ...s, [key]: v } : s)) }),
  });
  const nearest = (name: string) => {
    let best = Infinity;
    for (const a of base.assessments) {
      if (a.item.name !== name) continue;
      for (const f of a.feasibility.stores) for (const o of f?.outcomes ?? []) if (o.value > 0 && o.limit > 0) best = Math.min(best, Math.abs(Math.log(o.limit / o.value)));
    }
    return best;
  };
  const ranked = req.state.map((s) => [s, nearest(s.name)] as const).filter(([, d]) => d < Infinity)
    .sort((a, b) => a[1] - b[1] || (a[0].name < b[0].name ? -1 : 1)).slice(0, ITEM_INPUTS);
  for (const [s] of ranked) {
    field(s.name, 'sizeKb', 0.001);
    if (s.writesPerMinute > 0) field(s.name, 'writesPerMinute', 0);
  }
  return out;
}

export interface EnumInput {
  input: string; values: readonly (string | boolean)[]; get: (r: Requirements) => string | boolean; set: (r: Requirements, v: string | boolean) => Requirements;
  /** What the change costs besides the verdict (a relaxation that gives something up names it). */
  consequence?: (v: string | boolean) => string;
}

/** What each merge policy gives up, quoted by the relaxation that proposes it. */
const MERGE_CONSEQUENCE: Readonly<Record<string, string>> = {
  'last-writer-wins': 'every region writes it, and last-writer-wins keeps one of two concurrent writes and silently drops the other',
  commutative: 'every region writes it, and commutative merges (a CRDT, a counter) keep every concurrent write, which only works if its updates commute',
  none: 'one writer again',
};

/** Why a reference item may be less than critical, quoted by that relaxation (the contract: kind reference). */
const COPY_CONSEQUENCE = "as reference data its source lives outside this service, so losing an instance's copy costs a reload, not the data; critical bars a copy in every instance";

/**
 * Relaxations of one item's own fields, each tried at its every other value:
 * - reference data (given as `kind: reference`: its source lives elsewhere) marked lossImpact critical is barred from
 *   a copy in every instance (invariant 3), often the only store that serves it within the budget: it is tried at
 *   costly, and the note says why that may be right (an inferred reference item has lossImpact none);
 * - regional (docs/design.md, "Regions"): an item with one writer worldwide across regions (strong, shared or
 *   global, merge none) is tried with merges that let every region write; the note names what each gives up.
 */
export function itemEnums(req: Requirements): EnumInput[] {
  const out: EnumInput[] = [];
  for (const s of req.state) {
    if (s.kind !== 'reference' || s.lossImpact !== 'critical') continue;
    const name = s.name;
    out.push({
      input: `state[${name}].lossImpact`, values: ['critical', 'costly'],
      get: (r) => r.state.find((x) => x.name === name)?.lossImpact ?? 'critical',
      set: (r, v) => ({ ...r, state: r.state.map((x): StateItem => (x.name === name ? { ...x, lossImpact: v as StateItem['lossImpact'] } : x)) }),
      consequence: () => `${name}: ${COPY_CONSEQUENCE}`,
    });
  }
  if (req.traffic.regions < 2) return out;
  for (const s of req.state) {
    if (s.consistency !== 'strong' || (s.owner !== 'shared' && s.owner !== 'global') || (s.merge ?? 'none') !== 'none') continue;
    const name = s.name;
    out.push({
      input: `state[${name}].merge`, values: ['none', 'last-writer-wins', 'commutative'],
      get: (r) => r.state.find((x) => x.name === name)?.merge ?? 'none',
      set: (r, v) => ({ ...r, state: r.state.map((x): StateItem => (x.name === name ? { ...x, merge: v as StateItem['merge'] } : x)) }),
      consequence: (v) => `${name}: ${MERGE_CONSEQUENCE[String(v)]}`,
    });
  }
  return out;
}
const ctxField = <K extends keyof Requirements['context']>(k: K, values: readonly Requirements['context'][K][]): EnumInput => ({
  input: `context.${k}`, values, get: (r) => r.context[k], set: (r, v) => ({ ...r, context: { ...r.context, [k]: v } }),
});
export const ENUMS: EnumInput[] = [
  ctxField('memory', ['none', 'request', 'session', 'durable']),
  ctxField('workflow', ['none', 'multi-step']),
  ctxField('realtime', ['none', 'server-push', 'bidirectional']),
  ctxField('sharedState', ['none', 'read-mostly', 'collaborative']),
  { input: 'traffic.spiky', values: [false, true], get: (r) => r.traffic.spiky, set: (r, v) => traffic(r, { spiky: v as boolean }) },
  { input: 'failure.sessionLoss', values: ['unacceptable', 'tolerable', 'irrelevant'], get: (r) => r.failure.sessionLoss, set: (r, v) => failure(r, { sessionLoss: v as Requirements['failure']['sessionLoss'] }) },
  { input: 'constraints.ops', values: ['low', 'medium', 'high'], get: (r) => r.constraints.ops, set: (r, v) => ({ ...r, constraints: { ...r.constraints, ops: v as Requirements['constraints']['ops'] } }) },
];
