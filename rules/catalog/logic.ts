import { FACTS } from './facts.ts';
import { COMPARISON_OPS, type ComparisonOp, type Condition } from './schema.ts';
import type { PathSegment } from '../contract/issues.ts';

/**
 * A small decision procedure over rule conditions, for `rules lint`: conditions become disjunctive normal form over
 * single-operator literals, and a conjunction is satisfiable when every fact it reads still has a value left.
 * Exact for the comparison language (per fact), conservative everywhere else: when in doubt it answers "satisfiable",
 * so lint never reports a rule that could fire as dead.
 */
export interface Literal { fact: string; op: ComparisonOp; value: unknown; path: PathSegment[] }
export type Term = readonly Literal[];

/** DNF larger than this is not expanded; the condition is then treated as satisfiable. */
const MAX_TERMS = 512;

const NEGATE: Record<ComparisonOp, ComparisonOp> = {
  eq: 'ne', ne: 'eq', in: 'notIn', notIn: 'in', gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt', includes: 'excludes', excludes: 'includes',
};

/** Number facts that only take whole values, so `gt: 1` and `lt: 2` cannot both hold. */
const INTEGER_FACTS = new Set([
  'traffic.regions', 'traffic.concurrentSessions', 'derived.concurrentSessions', 'derived.sessionItems', 'state[].owners',
  'plan.instances', 'plan.inProcessItems', 'plan.cacheItems', 'plan.sessionsLostPerInstanceLoss',
]);

/** Domains of number facts from the contract (lower bound, whether it is exclusive, upper bound, exclusive). */
const DOMAINS: Record<string, [number, boolean, number, boolean]> = {
  'traffic.regions': [1, false, 50, false],
  'traffic.sessionMinutes': [0, true, Infinity, false],
  'failure.availability': [90, false, 100, true],
  'latency.p99Ms': [0, true, Infinity, false],
  'state[].sizeKb': [0, true, Infinity, false],
  'plan.instances': [1, false, Infinity, false],
};

/** `state[].scope` is a function of `state[].lifetime`: rewriting it lets lint see that `scope: session` excludes `lifetime: days`. */
const SCOPE_LIFETIMES: Record<string, readonly string[]> = {
  request: ['request'], session: ['minutes', 'hours'], durable: ['days', 'forever'],
};

function rewrite(l: Literal): Literal {
  if (l.fact === 'state[].scope') {
    const lifetimes = (vals: unknown[]) => vals.flatMap((v) => SCOPE_LIFETIMES[String(v)] ?? []);
    if (l.op === 'eq' || l.op === 'ne') return { ...l, fact: 'state[].lifetime', op: l.op === 'eq' ? 'in' : 'notIn', value: lifetimes([l.value]) };
    if (l.op === 'in' || l.op === 'notIn') return { ...l, fact: 'state[].lifetime', value: lifetimes(l.value as unknown[]) };
  }
  if (l.fact === 'derived.operatesLog' && (l.op === 'eq' || l.op === 'ne')) {
    const has = (l.value === true) === (l.op === 'eq');
    return { ...l, fact: 'constraints.stores', op: has ? 'includes' : 'excludes', value: 'kafka' };
  }
  return l;
}

/** The condition as a list of conjunctions (its DNF), or undefined when that would be too large. */
export function toDnf(cond: Condition | undefined, path: PathSegment[] = ['when'], negated = false): Term[] | undefined {
  if (!cond) return negated ? [] : [[]];
  if ('not' in cond) return toDnf(cond.not, [...path, 'not'], !negated);
  if ('all' in cond || 'any' in cond) {
    const key = 'all' in cond ? 'all' : 'any';
    const parts = (('all' in cond ? cond.all : cond.any) as Condition[]).map((c, i) => toDnf(c, [...path, key, i], negated));
    if (parts.some((p) => p === undefined)) return undefined;
    // all → product, any → union; negation swaps them (De Morgan).
    return (key === 'all') !== negated ? product(parts as Term[][]) : union(parts as Term[][]);
  }
  const lits: Literal[] = COMPARISON_OPS.filter((op) => cond[op] !== undefined)
    .map((op) => rewrite({ fact: cond.fact, op, value: cond[op], path }));
  if (!negated) return [lits];
  return lits.map((l) => [rewrite({ ...l, op: NEGATE[l.op] })]);
}

function product(parts: Term[][]): Term[] | undefined {
  let acc: Term[] = [[]];
  for (const p of parts) {
    const next: Term[] = [];
    for (const a of acc) for (const b of p) next.push([...a, ...b]);
    if (next.length > MAX_TERMS) return undefined;
    acc = next;
  }
  return acc;
}

function union(parts: Term[][]): Term[] | undefined {
  const all = parts.flat();
  return all.length > MAX_TERMS ? undefined : all;
}

/** Literals on one fact that leave it no value, or undefined when the conjunction can hold. */
export function conflict(term: Term): Literal[] | undefined {
  const byFact = new Map<string, Literal[]>();
  for (const l of term) byFact.set(l.fact, [...(byFact.get(l.fact) ?? []), l]);
  for (const [fact, lits] of byFact) if (!factSatisfiable(fact, lits)) return lits;
  return undefined;
}

export function satisfiable(term: Term): boolean {
  return conflict(term) === undefined;
}

/** Whether any assignment satisfies the condition (true when undecidable here). */
export function conditionSatisfiable(cond: Condition | undefined): boolean {
  const dnf = toDnf(cond);
  return dnf === undefined || dnf.some(satisfiable);
}

/** `a ⇒ b`: no assignment satisfies `a and not b`. False when undecidable here. */
export function implies(a: Condition | undefined, b: Condition | undefined): boolean {
  const left = cachedDnf(a, false);
  const right = cachedDnf(b, true);
  if (!left || !right) return false;
  for (const l of left) for (const r of right) if (satisfiable([...l, ...r])) return false;
  return true;
}

// Lint compares every pair of rules: expand each condition (and its negation) once.
const DNF_CACHE = new WeakMap<object, { pos?: Term[] | undefined; neg?: Term[] | undefined }>();
const ALWAYS = {};

function cachedDnf(c: Condition | undefined, negated: boolean): Term[] | undefined {
  const key = c ?? ALWAYS;
  let entry = DNF_CACHE.get(key);
  if (!entry) { entry = {}; DNF_CACHE.set(key, entry); }
  const slot = negated ? 'neg' : 'pos';
  if (!(slot in entry)) entry[slot] = toDnf(c, ['when'], negated);
  return entry[slot];
}

/** The same set of assignments satisfies both. */
export function equivalent(a: Condition | undefined, b: Condition | undefined): boolean {
  return implies(a, b) && implies(b, a);
}

function factSatisfiable(path: string, lits: Literal[]): boolean {
  const fact = FACTS.get(path);
  if (!fact) return true;
  if (fact.type === 'set') {
    const must = new Set(lits.filter((l) => l.op === 'includes').map((l) => l.value));
    return !lits.some((l) => l.op === 'excludes' && must.has(l.value));
  }
  if (fact.type === 'enum' || fact.type === 'boolean') {
    let left: unknown[] = fact.type === 'boolean' ? [true, false] : [...(fact.values ?? [])];
    for (const l of lits) left = left.filter((v) => admits(l, v));
    return left.length > 0;
  }
  return numberSatisfiable(path, lits);
}

/** Whether the value `v` of its fact meets the literal (the per-value test the decision procedure uses). */
export function admits(l: Literal, v: unknown): boolean {
  switch (l.op) {
    case 'eq': return v === l.value;
    case 'ne': return v !== l.value;
    case 'in': return (l.value as unknown[]).includes(v);
    case 'notIn': return !(l.value as unknown[]).includes(v);
    case 'gt': return (v as number) > (l.value as number);
    case 'gte': return (v as number) >= (l.value as number);
    case 'lt': return (v as number) < (l.value as number);
    case 'lte': return (v as number) <= (l.value as number);
    default: return true;
  }
}

function numberSatisfiable(path: string, lits: Literal[]): boolean {
  const [lo0, loX, hi0, hiX] = DOMAINS[path] ?? [0, false, Infinity, false];
  let lo = lo0; let loStrict = loX; let hi = hi0; let hiStrict = hiX;
  const tighten = (op: string, n: number) => {
    if ((op === 'gt' || op === 'gte') && (n > lo || (n === lo && op === 'gt'))) { lo = n; loStrict = op === 'gt'; }
    if ((op === 'lt' || op === 'lte') && (n < hi || (n === hi && op === 'lt'))) { hi = n; hiStrict = op === 'lt'; }
  };
  for (const l of lits) if (typeof l.value === 'number') tighten(l.op, l.value);
  const inRange = (v: number) => (loStrict ? v > lo : v >= lo) && (hiStrict ? v < hi : v <= hi)
    && (!INTEGER_FACTS.has(path) || Number.isInteger(v));
  const points = lits.filter((l) => l.op === 'eq' || l.op === 'in');
  const excluded = lits.filter((l) => l.op === 'ne' || l.op === 'notIn');
  const allowed = (v: number) => inRange(v) && lits.every((l) => admits(l, v));
  if (points.length > 0) {
    const candidates = points.flatMap((l) => (l.op === 'eq' ? [l.value] : (l.value as unknown[])));
    return candidates.some((v) => typeof v === 'number' && allowed(v));
  }
  if (INTEGER_FACTS.has(path)) {
    const first = loStrict ? Math.floor(lo) + 1 : Math.ceil(lo);
    const last = hiStrict ? Math.ceil(hi) - 1 : Math.floor(hi);
    if (first > last) return false;
    // Excluded points are finitely many: count whether they cover every integer in range.
    if (last - first < 1000) {
      for (let v = first; v <= last; v++) if (allowed(v)) return true;
      return false;
    }
    return true;
  }
  if (lo > hi || (lo === hi && (loStrict || hiStrict))) return false;
  return lo !== hi || !excluded.some((l) => !admits(l, lo));
}

const SYMBOL: Record<ComparisonOp, string> = {
  eq: '=', ne: '≠', in: 'in', notIn: 'not in', gt: '>', gte: '≥', lt: '<', lte: '≤', includes: 'includes', excludes: 'excludes',
};

/** `traffic.peakRps ≥ 5`, `state[].lifetime in {minutes, hours}` — for lint messages. */
export function describeLiteral(l: Literal): string {
  const v = Array.isArray(l.value) ? `{${l.value.join(', ')}}` : String(l.value);
  return `${l.fact} ${SYMBOL[l.op]} ${v}`;
}
