import { IN_PROCESS_STORES, STORES, type Store, type Verdict } from '../contract/recommendation.ts';
import { bestIndex, STORE_BASE, type ItemAssessment, type ItemScore } from './placement.ts';
import { EXTERNAL_INDEXES, IN_PROCESS_INDEXES, STORE_INDEX } from './tables.ts';

/**
 * The three architectures as constrained plans over the same item assessments. The stateless plan may use
 * external stores only; the stateful plan keeps every session-scoped item in process; the hybrid plan mixes both.
 * Request-scoped and durable items are placed the same way in every plan, so only session-scoped items decide.
 * The verdict's plan is the answer's placements, so verdict and placements cannot disagree.
 *
 * `choosePlans` makes the choice on numbers alone (the tipping-point search needs nothing more); `buildPlans`
 * turns that same choice into store maps and notes for the answer.
 */
export const EXTERNAL_STORES: readonly Store[] = EXTERNAL_INDEXES.map((i) => STORES[i]!);
const IN_PROCESS: readonly Store[] = IN_PROCESS_STORES;

/** How much the mean placement score of a plan (0..100 around 50) moves its architecture's score. */
export const FIT_WEIGHT = 0.6;
export const INFEASIBLE = -100;

/** One architecture's choice: a store index per session-scoped item, or why it is infeasible. */
export interface Choice {
  feasible: boolean;
  fit: number;
  /** Mean placement score of the session-scoped items under this plan (50 when there are none). */
  meanScore: number;
  /** Store index per session-scoped item (in `session` order); empty when infeasible. */
  picks: number[];
  /** The session item that made the plan infeasible (-1: none, or the reason is structural). */
  blocker: number;
}

export interface Choices<T extends ItemScore = ItemScore> { session: T[]; stateless: Choice; stateful: Choice; hybrid: Choice }

export interface Plan {
  arch: Verdict;
  feasible: boolean;
  /** Store per item name. */
  stores: Map<string, Store>;
  /** Mean placement score of the session-scoped items under this plan (50 when there are none). */
  meanScore: number;
  /** Effect on the architecture's score. */
  fit: number;
  /** Why the plan is infeasible, or what it keeps where. */
  note: string;
}

export function choosePlans<T extends ItemScore>(items: readonly T[]): Choices<T> {
  const session = items.filter((a) => a.item.scope === 'session');
  return { session, stateless: oneSide(session, EXTERNAL_INDEXES, true), stateful: oneSide(session, IN_PROCESS_INDEXES, false), hybrid: split(session) };
}

function feasible(session: readonly ItemScore[], picks: number[]): Choice {
  let sum = 0;
  for (let i = 0; i < picks.length; i++) sum += session[i]!.score[picks[i]!]!;
  const meanScore = picks.length ? Math.round((sum / picks.length) * 100) / 100 : STORE_BASE;
  return { feasible: true, fit: Math.round((meanScore - STORE_BASE) * FIT_WEIGHT), meanScore, picks, blocker: -1 };
}

function infeasible(blocker: number): Choice {
  return { feasible: false, fit: INFEASIBLE, meanScore: 0, picks: [], blocker };
}

/** Stateless (external stores only; no session items is fine) or stateful (in process only; needs one). */
function oneSide(session: readonly ItemScore[], among: readonly number[], emptyOk: boolean): Choice {
  if (session.length === 0 && !emptyOk) return infeasible(-1);
  const picks: number[] = [];
  for (let i = 0; i < session.length; i++) {
    const s = bestIndex(session[i]!, among);
    if (s < 0) return infeasible(i);
    picks.push(s);
  }
  return feasible(session, picks);
}

function split(session: readonly ItemScore[]): Choice {
  if (session.length < 2) return infeasible(-1);
  const out = session.map((a) => bestIndex(a, EXTERNAL_INDEXES));
  const inn = session.map((a) => bestIndex(a, IN_PROCESS_INDEXES));
  const inside = session.map((a, i) => inn[i]! >= 0 && (out[i]! < 0 || a.score[inn[i]!]! > a.score[out[i]!]!));
  const picks = inside.map((x, i) => (x ? inn[i]! : out[i]!));
  const inCount = inside.filter(Boolean).length;
  if (inCount === 0 || inCount === session.length) {
    // Everything landed on one side: move the item that loses least, if any can move.
    const wantInside = inCount === 0;
    let flip = -1;
    let loss = Infinity;
    for (let i = 0; i < session.length; i++) {
      const target = wantInside ? inn[i]! : out[i]!;
      if (target < 0) continue;
      const l = session[i]!.score[picks[i]!]! - session[i]!.score[target]!;
      if (l < loss) { loss = l; flip = i; }
    }
    if (flip < 0) return infeasible(-1);
    picks[flip] = wantInside ? inn[flip]! : out[flip]!;
  }
  return feasible(session, picks);
}

/** The choice as the answer shows it: stores for every item and a note per plan. */
export function buildPlans(
  assessments: readonly ItemAssessment[], choices: Choices<ItemAssessment> = choosePlans(assessments),
): Record<Verdict, Plan> {
  const fixed = new Map<string, Store>();
  for (const a of assessments) {
    if (a.item.scope !== 'session') fixed.set(a.item.name, STORES[bestIndex(a, ALL_INDEXES)] ?? 'database');
  }
  const { session } = choices;
  const n = session.length;
  const plan = (arch: Verdict, c: Choice, note: string): Plan => {
    const stores = new Map(fixed);
    c.picks.forEach((s, i) => stores.set(session[i]!.item.name, STORES[s]!));
    return { arch, feasible: c.feasible, stores, meanScore: c.meanScore, fit: c.fit, note };
  };
  const { stateless, stateful, hybrid } = choices;
  const blocked = (c: Choice, among: readonly Store[], where: string) =>
    `${session[c.blocker]!.item.name} cannot ${where} (${gateIds(session[c.blocker]!, among)})`;
  const inside = hybrid.picks.filter((s) => IN_PROCESS_INDEXES.includes(s)).length;
  return {
    stateless: plan('stateless', stateless, !stateless.feasible ? blocked(stateless, EXTERNAL_STORES, 'leave instance memory')
      : n ? `keeps ${n} session-scoped item(s) outside instance memory` : 'no session-scoped state to keep'),
    stateful: plan('stateful', stateful, n === 0 ? 'no session-scoped state: a stateful tier would hold nothing'
      : !stateful.feasible ? blocked(stateful, IN_PROCESS, 'be held in instance memory')
        : `holds ${n} session-scoped item(s) in instance memory`),
    hybrid: plan('hybrid', hybrid, n < 2 ? `${n} session-scoped item(s): a split needs at least one on each side`
      : !hybrid.feasible ? 'no session-scoped item can change sides'
        : `holds ${inside} session-scoped item(s) in instance memory and ${n - inside} outside`),
  };
}

const ALL_INDEXES: readonly number[] = STORES.map((s) => STORE_INDEX[s]);

/** The gate that closes every store in `among` on its own when there is one, else every gate involved. */
function gateIds(a: ItemAssessment, among: readonly Store[]): string {
  for (const r of a.removedBy.get(among[among.length - 1]!) ?? []) {
    if (among.every((s) => a.removedBy.get(s)?.some((x) => x.rule === r.rule))) return r.rule;
  }
  const ids = new Set<string>();
  for (const s of among) for (const r of a.removedBy.get(s) ?? []) ids.add(r.rule);
  return [...ids].sort().join(', ') || 'no allowed store';
}
