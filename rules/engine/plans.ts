import { STORES, type Store, type Verdict } from '../contract/recommendation.ts';
import { bestIndex, STORE_BASE, type ItemAssessment, type ItemScore } from './placement.ts';
import { ANY_INSTANCE_INDEXES as EXTERNAL_INDEXES, STATEFUL_INDEXES as IN_PROCESS_INDEXES } from '../model/stores.ts';
import { STORE_INFO } from '../model/stores.ts';
import { count } from '../contract/words.ts';

/**
 * The three architectures as constrained plans over the same item assessments. The stateless plan may use stores
 * any instance can serve from (external stores and read-only copies); the stateful plan keeps every session-scoped
 * item in process; the hybrid plan mixes both. Request-scoped, durable and reference items are placed the same way
 * in every plan, so only session-scoped items decide. The verdict's plan is the answer's placements, so verdict and
 * placements cannot disagree.
 *
 * A store is allowed for an item when no gate removed it and every feasibility check passed. When a plan has no
 * allowed store left for an item but a gate-allowed one exists, it takes the least-failing store and carries the
 * failure: the plan exists but is infeasible, and its blockers say why. A plan with no store at all for an item
 * (sockets outside a process, a split of one item) is impossible.
 *
 * `choosePlans` makes the choice on numbers alone (the tipping-point search needs nothing more); `buildPlans`
 * turns that same choice into store maps and notes for the answer.
 *
 * Longer than 250 lines because the three plans are chosen together over the same assessments, and each choice is
 * read beside the others.
 */
export const EXTERNAL_STORES: readonly Store[] = EXTERNAL_INDEXES.map((i) => STORES[i]!);
const IN_PROCESS: readonly Store[] = IN_PROCESS_INDEXES.map((i) => STORES[i]!);

/** How much the mean placement score of a plan (0..100 around 50) moves its architecture's score. */
export const FIT_WEIGHT = 0.6;
export const INFEASIBLE = -100;

/** One architecture's choice: a store index per session-scoped item, or why it is impossible. */
export interface Choice {
  /** Every pick passes every check (and the fixed items' do too). */
  feasible: boolean;
  /** The plan can place every item somewhere the gates allow (feasible or not). */
  possible: boolean;
  fit: number;
  /** Mean placement score of the session-scoped items under this plan (50 when there are none). */
  meanScore: number;
  /** Store index per session-scoped item (in `session` order); empty when impossible. */
  picks: number[];
  /** Picks (fixed items included) that fail a check, and the sum of their violations: how badly the plan fails. */
  failures: number;
  violation: number;
  /** The session item that made the plan impossible (-1: none, or the reason is structural). */
  blocker: number;
}

export interface Choices<T extends ItemScore = ItemScore> {
  session: T[];
  /** Items placed the same in every plan, with their store index (the stateless plan's, for flexible ones). */
  fixed: T[];
  fixedPicks: number[];
  /** Store index per fixed item in a plan with a stateful tier: a flexible durable item may move in process there. */
  tieredPicks: number[];
  stateless: Choice;
  stateful: Choice;
  hybrid: Choice;
}

export interface Plan {
  arch: Verdict;
  feasible: boolean;
  possible: boolean;
  /** Store per item name. */
  stores: Map<string, Store>;
  meanScore: number;
  fit: number;
  failures: number;
  violation: number;
  /** Why the plan is impossible or infeasible, or what it keeps where. */
  note: string;
}

/** Whether the item's placement changes between plans: session-scoped state that is not reference data. */
export function decidesPlan(a: ItemScore): boolean {
  return a.item.scope === 'session' && a.item.kind !== 'reference';
}

/**
 * Whether a durable item may take an in-process store in a plan that has a stateful tier (stateful, hybrid). Derived state is rebuildable from its source, so any in-process store
 * the gates allow may hold it (an order book rebuilt from its trade journal). Records stay outside: the gates allow
 * checkpointed memory for them (invariant 6), but moving a service's system of record in process is left to a later
 * round. The stateless plan keeps every durable item outside, and a stateful plan still needs a session-scoped item
 * (invariant 5: the verdict is about session state).
 */
function movesInProcess(a: ItemScore): boolean {
  return a.item.scope === 'durable' && a.item.kind === 'derived';
}
/** Where such an item may go in a plan with a stateful tier: the external stores, then the in-process ones. */
const TIERED_INDEXES: readonly number[] = [...EXTERNAL_INDEXES, ...IN_PROCESS_INDEXES];

export function choosePlans<T extends ItemScore>(items: readonly T[]): Choices<T> {
  const session: T[] = [];
  const fixed: T[] = [];
  for (const a of items) (decidesPlan(a) ? session : fixed).push(a);
  // Fixed items live in every plan: any-instance stores only, or the stateless plan would hold instance state. In a
  // plan with a stateful tier a flexible durable item (movesInProcess) may take an in-process store instead.
  const fixedPicks = fixed.map((a) => pick(a, EXTERNAL_INDEXES) ?? fallback(a));
  const tieredPicks = fixed.map((a, i) => tieredPick(a) ?? fixedPicks[i]!);
  const base = baseOf(fixed, fixedPicks);
  const tiered = baseOf(fixed, tieredPicks);
  return {
    session, fixed, fixedPicks, tieredPicks,
    stateless: oneSide(session, EXTERNAL_INDEXES, true, base),
    stateful: oneSide(session, IN_PROCESS_INDEXES, false, tiered),
    hybrid: split(session, tiered),
  };
}

function baseOf(fixed: readonly ItemScore[], picks: readonly number[]): { failures: number; violation: number } {
  let failures = 0;
  let violation = 0;
  for (let i = 0; i < fixed.length; i++) {
    const v = violationOf(fixed[i]!, picks[i]!);
    if (v !== undefined) { failures++; violation += v; }
  }
  return { failures, violation };
}

/** A flexible item's best store among the external and in-process ones; undefined for other items. */
function tieredPick(a: ItemScore): number | undefined {
  return movesInProcess(a) ? pick(a, TIERED_INDEXES) : undefined;
}

/** The best allowed store among `among`, else the least-failing one the gates allow; undefined when the gates allow none. */
function pick(a: ItemScore, among: readonly number[]): number | undefined {
  const s = bestIndex(a, among);
  return s >= 0 ? s : leastFailing(a, among);
}

function leastFailing(a: ItemScore, among: readonly number[]): number | undefined {
  let best: number | undefined;
  let bestV = Infinity;
  for (const s of among) {
    if ((a.gateMask & (1 << s)) === 0) continue;
    const v = a.feasibility.stores[s]?.violation ?? 0;
    if (best === undefined || v < bestV || (v === bestV && a.score[s]! > a.score[best]!)) { best = s; bestV = v; }
  }
  return best;
}

/** Only a broken custom catalogue leaves a fixed item no any-instance store: take its best-scoring one. */
function fallback(a: ItemScore): number {
  let best = 0;
  for (let s = 1; s < a.score.length; s++) if (a.score[s]! > a.score[best]!) best = s;
  return best;
}

/** The violation of placing `a` in store `s`, or undefined when every check passes there. */
function violationOf(a: ItemScore, s: number): number | undefined {
  if ((a.allowedMask & (1 << s)) !== 0) return undefined;
  return a.feasibility.stores[s]?.violation ?? 0;
}

function choice(session: readonly ItemScore[], picks: number[], base: { failures: number; violation: number }): Choice {
  let sum = 0;
  let failures = base.failures;
  let violation = base.violation;
  for (let i = 0; i < picks.length; i++) {
    sum += session[i]!.score[picks[i]!]!;
    const v = violationOf(session[i]!, picks[i]!);
    if (v !== undefined) { failures++; violation += v; }
  }
  const meanScore = picks.length ? Math.round((sum / picks.length) * 100) / 100 : STORE_BASE;
  const feasible = failures === 0;
  const fit = feasible ? Math.round((meanScore - STORE_BASE) * FIT_WEIGHT) : INFEASIBLE;
  return { feasible, possible: true, fit, meanScore, picks, failures, violation, blocker: -1 };
}

function impossible(blocker: number): Choice {
  return { feasible: false, possible: false, fit: INFEASIBLE, meanScore: 0, picks: [], failures: 0, violation: 0, blocker };
}

/** Stateless (any-instance stores only; no session items is fine) or stateful (in process only; needs one). */
function oneSide(session: readonly ItemScore[], among: readonly number[], emptyOk: boolean, base: { failures: number; violation: number }): Choice {
  if (session.length === 0 && !emptyOk) return impossible(-1);
  const picks: number[] = [];
  for (let i = 0; i < session.length; i++) {
    const s = pick(session[i]!, among);
    if (s === undefined) return impossible(i);
    picks.push(s);
  }
  return choice(session, picks, base);
}

function split(session: readonly ItemScore[], base: { failures: number; violation: number }): Choice {
  if (session.length < 2) return impossible(-1);
  const out = session.map((a) => bestIndex(a, EXTERNAL_INDEXES));
  const inn = session.map((a) => bestIndex(a, IN_PROCESS_INDEXES));
  const picks: number[] = [];
  for (let i = 0; i < session.length; i++) {
    const a = session[i]!;
    if (inn[i]! >= 0 && (out[i]! < 0 || a.score[inn[i]!]! > a.score[out[i]!]!)) picks.push(inn[i]!);
    else if (out[i]! >= 0) picks.push(out[i]!);
    else {
      // No feasible store on either side: the least-failing one the gates allow.
      const o = leastFailing(a, EXTERNAL_INDEXES);
      const n = leastFailing(a, IN_PROCESS_INDEXES);
      if (o === undefined && n === undefined) return impossible(i);
      if (o === undefined || n === undefined) picks.push((o ?? n)!);
      else picks.push((violationOf(a, n) ?? 0) < (violationOf(a, o) ?? 0) ? n : o);
    }
  }
  const inside = (s: number) => IN_PROCESS_INDEXES.includes(s);
  let inCount = 0;
  for (const s of picks) if (inside(s)) inCount++;
  if (inCount === 0 || inCount === session.length) {
    // Everything landed on one side: move the item that loses least, if any can move (feasibly first).
    const wantInside = inCount === 0;
    const target = (i: number, feasibleOnly: boolean) => {
      const among = wantInside ? IN_PROCESS_INDEXES : EXTERNAL_INDEXES;
      const s = bestIndex(session[i]!, among);
      return s >= 0 ? s : feasibleOnly ? undefined : leastFailing(session[i]!, among);
    };
    for (const feasibleOnly of [true, false]) {
      let flip = -1;
      let to = -1;
      let loss = Infinity;
      for (let i = 0; i < session.length; i++) {
        const t = target(i, feasibleOnly);
        if (t === undefined) continue;
        const l = session[i]!.score[picks[i]!]! - session[i]!.score[t]!;
        if (l < loss) { loss = l; flip = i; to = t; }
      }
      if (flip >= 0) { picks[flip] = to; return choice(session, picks, base); }
    }
    return impossible(-1);
  }
  return choice(session, picks, base);
}

/** The choice as the answer shows it: stores for every item and a note per plan. */
export function buildPlans(assessments: readonly ItemAssessment[], choices: Choices<ItemAssessment> = choosePlans(assessments)): Record<Verdict, Plan> {
  const fixed = new Map<string, Store>();
  const tiered = new Map<string, Store>();
  choices.fixed.forEach((a, i) => fixed.set(a.item.name, STORES[choices.fixedPicks[i]!]!));
  choices.fixed.forEach((a, i) => tiered.set(a.item.name, STORES[choices.tieredPicks[i]!]!));
  const { session } = choices;
  const n = session.length;
  const plan = (arch: Verdict, c: Choice, note: string): Plan => {
    const stores = new Map(arch === 'stateless' ? fixed : tiered);
    c.picks.forEach((s, i) => stores.set(session[i]!.item.name, STORES[s]!));
    const failing = c.failures ? `; ${count(c.failures, 'placement')} ${c.failures === 1 ? 'fails' : 'fail'} a feasibility check` : '';
    return {
      arch, feasible: c.feasible, possible: c.possible, stores, meanScore: c.meanScore, fit: c.fit,
      failures: c.failures, violation: c.violation, note: c.possible ? `${note}${failing}` : note,
    };
  };
  const { stateless, stateful, hybrid } = choices;
  const blocked = (c: Choice, among: readonly Store[], where: string) =>
    `${session[c.blocker]!.item.name} cannot ${where} (${gateIds(session[c.blocker]!, among)})`;
  const movedIn = [...tiered].filter(([, s]) => STORE_INFO[s].stateful).map(([name]) => name);
  let inside = 0;
  for (const s of hybrid.picks) if (STORE_INFO[STORES[s]!].stateful) inside++;
  return {
    stateless: plan('stateless', stateless, !stateless.possible ? blocked(stateless, EXTERNAL_STORES, 'leave instance memory')
      : n ? `keeps ${count(n, 'session-scoped item')} outside instance memory` : 'keeps no session-scoped state (the service has none)'),
    stateful: plan('stateful', stateful, n === 0 ? 'no session-scoped state: a stateful tier would hold nothing'
      : !stateful.possible ? blocked(stateful, IN_PROCESS, 'be held in instance memory')
        : `holds ${[n ? count(n, 'session-scoped item') : '', movedIn.length ? `${movedIn.join(', ')} (durable, rebuilt on loss)` : ''].filter(Boolean).join(' and ')} in instance memory`),
    hybrid: plan('hybrid', hybrid, n < 2 ? `${count(n, 'session-scoped item')}: a split needs at least one on each side`
      : !hybrid.possible ? 'no session-scoped item can change sides'
        : `holds ${count(inside, 'session-scoped item')} in instance memory and ${n - inside} outside`),
  };
}

/** The gate that closes every store in `among` on its own when there is one, else every gate involved. */
function gateIds(a: ItemAssessment, among: readonly Store[]): string {
  for (const r of a.removedBy.get(among[among.length - 1]!) ?? []) {
    if (among.every((s) => a.removedBy.get(s)?.some((x) => x.rule === r.rule))) return r.rule;
  }
  const ids = new Set<string>();
  for (const s of among) for (const r of a.removedBy.get(s) ?? []) ids.add(r.rule);
  return [...ids].sort().join(', ') || 'no allowed store';
}

