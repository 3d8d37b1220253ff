import type { Requirements } from '../contract/requirements.ts';
import type { TippingPoint, Verdict } from '../contract/recommendation.ts';
import type { Catalog } from '../catalog/load.ts';
import { formatNumber } from '../catalog/template.ts';
import { REQUESTS_PER_SESSION } from './context.ts';

/**
 * Tipping points: the nearest input changes that flip the verdict. Numbers are tried at the catalogue's own
 * thresholds and on a coarse grid, nearest first; a flip found on the grid is narrowed by bisection. Enums are
 * tried at every other value. The whole search has a fixed evaluation budget.
 */
export const TIPPING_BUDGET = 240;
export const MAX_TIPPING_POINTS = 8;
const GRID = [0.1, 0.2, 0.5, 0.8, 1.25, 2, 5, 10];
const BISECT_STEPS = 10;

type Decide = (req: Requirements) => Verdict;

interface NumericInput {
  input: string;
  min: number;
  max: number;
  integer: boolean;
  get: (r: Requirements) => number | undefined;
  set: (r: Requirements, v: number) => Requirements;
  /** Extra candidates derived from thresholds on other facts. */
  extra?: (r: Requirements, catalog: Catalog) => number[];
  /** Distance in "how big a change" units, comparable across inputs. */
  distance?: (from: number, to: number) => number;
}

const traffic = (r: Requirements, patch: Partial<Requirements['traffic']>) => ({ ...r, traffic: { ...r.traffic, ...patch } });
const failure = (r: Requirements, patch: Partial<Requirements['failure']>) => ({ ...r, failure: { ...r.failure, ...patch } });
const fromSessions = (r: Requirements, catalog: Catalog) => r.traffic.concurrentSessions !== undefined ? []
  : (catalog.thresholds.get('derived.concurrentSessions') ?? []).map((t) => (t * REQUESTS_PER_SESSION) / (r.traffic.sessionMinutes * 60));
const nines = (a: number) => -Math.log10(100 - a);

const NUMERIC: NumericInput[] = [
  { input: 'traffic.peakRps', min: 0, max: 10_000_000, integer: false, get: (r) => r.traffic.peakRps, set: (r, v) => traffic(r, { peakRps: v }), extra: fromSessions },
  { input: 'traffic.concurrentSessions', min: 0, max: 1_000_000_000, integer: true, get: (r) => r.traffic.concurrentSessions, set: (r, v) => traffic(r, { concurrentSessions: v }) },
  { input: 'traffic.sessionMinutes', min: 0.01, max: 525_600, integer: false, get: (r) => r.traffic.sessionMinutes, set: (r, v) => traffic(r, { sessionMinutes: v }) },
  { input: 'traffic.regions', min: 1, max: 50, integer: true, get: (r) => r.traffic.regions, set: (r, v) => traffic(r, { regions: v }) },
  { input: 'failure.availability', min: 90, max: 99.999, integer: false, get: (r) => r.failure.availability, set: (r, v) => failure(r, { availability: v }), distance: (a, b) => Math.abs(nines(a) - nines(b)) * 2 },
  { input: 'failure.deploysPerDay', min: 0, max: 1000, integer: false, get: (r) => r.failure.deploysPerDay, set: (r, v) => failure(r, { deploysPerDay: v }) },
  { input: 'latency.p99Ms', min: 1, max: 600_000, integer: false, get: (r) => r.latency.p99Ms, set: (r, v) => ({ ...r, latency: { p99Ms: v } }) },
];

interface EnumInput { input: string; values: readonly (string | boolean)[]; get: (r: Requirements) => string | boolean; set: (r: Requirements, v: string | boolean) => Requirements }
const ctxField = <K extends keyof Requirements['context']>(k: K, values: readonly Requirements['context'][K][]): EnumInput => ({
  input: `context.${k}`, values, get: (r) => r.context[k], set: (r, v) => ({ ...r, context: { ...r.context, [k]: v } }),
});
const ENUMS: EnumInput[] = [
  ctxField('memory', ['none', 'request', 'session', 'durable']),
  ctxField('workflow', ['none', 'multi-step']),
  ctxField('realtime', ['none', 'server-push', 'bidirectional']),
  ctxField('sharedState', ['none', 'read-mostly', 'collaborative']),
  { input: 'traffic.spiky', values: [false, true], get: (r) => r.traffic.spiky, set: (r, v) => traffic(r, { spiky: v as boolean }) },
  { input: 'failure.sessionLoss', values: ['unacceptable', 'tolerable', 'irrelevant'], get: (r) => r.failure.sessionLoss, set: (r, v) => failure(r, { sessionLoss: v as Requirements['failure']['sessionLoss'] }) },
  { input: 'constraints.ops', values: ['low', 'medium', 'high'], get: (r) => r.constraints.ops, set: (r, v) => ({ ...r, constraints: { ...r.constraints, ops: v as Requirements['constraints']['ops'] } }) },
];

interface Found extends TippingPoint { distance: number }

export function tippingPoints(catalog: Catalog, req: Requirements, verdict: Verdict, decide: Decide, budget = TIPPING_BUDGET): TippingPoint[] {
  let left = budget;
  const flips = (r: Requirements): Verdict | undefined => {
    if (left <= 0) return undefined;
    left--;
    const v = decide(r);
    return v === verdict ? undefined : v;
  };
  const found: Found[] = [];
  for (const e of ENUMS) {
    const from = e.get(req);
    for (const to of e.values) {
      if (to === from) continue;
      const v = flips(e.set(req, to));
      if (v) found.push({ input: e.input, from, to, verdict: v, note: `with ${e.input} ${String(to)} (now ${String(from)}) the verdict becomes ${v}`, distance: 1 });
    }
  }
  for (const n of NUMERIC) {
    const from = n.get(req) ?? (n.input === 'traffic.concurrentSessions' ? undefined : 0);
    if (from === undefined) continue;
    for (const direction of [1, -1] as const) {
      const hit = scan(n, req, from, direction, catalog, flips);
      if (!hit) continue;
      const op = direction > 0 ? '≥' : '≤';
      const to = hit.value;
      const distance = n.distance ? n.distance(from, to) : Math.abs(Math.log((to + 1) / (from + 1)));
      found.push({ input: n.input, from, to, verdict: hit.verdict, note: `at ${n.input} ${op} ${formatNumber(to)} (now ${formatNumber(from)}) the verdict becomes ${hit.verdict}`, distance });
    }
  }
  return found
    .sort((a, b) => a.distance - b.distance || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0))
    .slice(0, MAX_TIPPING_POINTS)
    .map(({ distance: _d, ...tp }) => tp);
}

function scan(
  n: NumericInput, req: Requirements, from: number, direction: 1 | -1, catalog: Catalog,
  flips: (r: Requirements) => Verdict | undefined,
): { value: number; verdict: Verdict } | undefined {
  const clean = (v: number) => {
    const bounded = Math.min(n.max, Math.max(n.min, v));
    return n.integer ? (direction > 0 ? Math.ceil(bounded) : Math.floor(bounded)) : Math.round(bounded * 1000) / 1000;
  };
  const thresholds = [...(catalog.thresholds.get(n.input) ?? []), ...(n.extra?.(req, catalog) ?? [])];
  const nudge = n.integer ? 1 : 0.001;
  const grid = from === 0 ? [1, 10, 100, 1000, 10_000] : GRID.map((g) => from * g);
  const candidates = [...new Set([...thresholds.flatMap((t) => [t, t + nudge * direction]), ...grid].map(clean))]
    .filter((v) => (direction > 0 ? v > from : v < from))
    .sort((a, b) => Math.abs(a - from) - Math.abs(b - from));
  let last = from;
  for (const value of candidates) {
    const verdict = flips(n.set(req, value));
    if (!verdict) { last = value; continue; }
    // Narrow the boundary between the last value that kept the verdict and the first that flipped it.
    let lo = last;
    let hi = value;
    let hiVerdict = verdict;
    for (let i = 0; i < BISECT_STEPS && Math.abs(hi - lo) > (n.integer ? 1 : Math.max(Math.abs(hi) * 0.01, 0.001)); i++) {
      const mid = clean((lo + hi) / 2);
      if (mid === lo || mid === hi) break;
      const v = flips(n.set(req, mid));
      if (v) { hi = mid; hiVerdict = v; } else lo = mid;
    }
    return { value: hi, verdict: hiVerdict };
  }
  return undefined;
}
