import { IN_PROCESS_STORES, STORES, type Store, type Verdict } from '../contract/recommendation.ts';
import { bestOf, STORE_BASE, type ItemAssessment } from './placement.ts';

/**
 * The three architectures as constrained plans over the same item assessments. The stateless plan may use
 * external stores only; the stateful plan keeps every session-scoped item in process; the hybrid plan mixes both.
 * Request-scoped and durable items are placed the same way in every plan, so only session-scoped items decide.
 * The verdict's plan is the answer's placements, so verdict and placements cannot disagree.
 */
export const EXTERNAL_STORES: readonly Store[] = STORES.filter((s) => !(IN_PROCESS_STORES as readonly string[]).includes(s));
const IN_PROCESS: readonly Store[] = IN_PROCESS_STORES;

/** How much the mean placement score of a plan (0..100 around 50) moves its architecture's score. */
export const FIT_WEIGHT = 0.6;
export const INFEASIBLE = -100;

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

export function buildPlans(assessments: readonly ItemAssessment[]): Record<Verdict, Plan> {
  const fixed = new Map<string, Store>();
  const session: ItemAssessment[] = [];
  for (const a of assessments) {
    if (a.item.scope === 'session') session.push(a);
    else fixed.set(a.item.name, bestOf(a, STORES) ?? 'database');
  }
  return {
    stateless: stateless(fixed, session),
    stateful: stateful(fixed, session),
    hybrid: hybrid(fixed, session),
  };
}

function plan(arch: Verdict, fixed: Map<string, Store>, chosen: [ItemAssessment, Store][], note: string): Plan {
  const stores = new Map(fixed);
  let sum = 0;
  for (const [a, s] of chosen) { stores.set(a.item.name, s); sum += a.scores[s]; }
  const meanScore = chosen.length ? Math.round((sum / chosen.length) * 100) / 100 : STORE_BASE;
  return { arch, feasible: true, stores, meanScore, fit: Math.round((meanScore - STORE_BASE) * FIT_WEIGHT), note };
}

function infeasible(arch: Verdict, fixed: Map<string, Store>, note: string): Plan {
  return { arch, feasible: false, stores: new Map(fixed), meanScore: 0, fit: INFEASIBLE, note };
}

function stateless(fixed: Map<string, Store>, session: ItemAssessment[]): Plan {
  const chosen: [ItemAssessment, Store][] = [];
  for (const a of session) {
    const s = bestOf(a, EXTERNAL_STORES);
    if (!s) return infeasible('stateless', fixed, `${a.item.name} cannot leave instance memory (${gateIds(a, EXTERNAL_STORES)})`);
    chosen.push([a, s]);
  }
  return plan('stateless', fixed, chosen, session.length
    ? `keeps ${session.length} session-scoped item(s) outside instance memory`
    : 'no session-scoped state to keep');
}

function stateful(fixed: Map<string, Store>, session: ItemAssessment[]): Plan {
  if (session.length === 0) return infeasible('stateful', fixed, 'no session-scoped state: a stateful tier would hold nothing');
  const chosen: [ItemAssessment, Store][] = [];
  for (const a of session) {
    const s = bestOf(a, IN_PROCESS);
    if (!s) return infeasible('stateful', fixed, `${a.item.name} cannot be held in instance memory (${gateIds(a, IN_PROCESS)})`);
    chosen.push([a, s]);
  }
  return plan('stateful', fixed, chosen, `holds ${session.length} session-scoped item(s) in instance memory`);
}

function hybrid(fixed: Map<string, Store>, session: ItemAssessment[]): Plan {
  if (session.length < 2) {
    return infeasible('hybrid', fixed, `${session.length} session-scoped item(s): a split needs at least one on each side`);
  }
  const sides = session.map((a) => ({ a, out: bestOf(a, EXTERNAL_STORES), inn: bestOf(a, IN_PROCESS) }));
  const chosen: [ItemAssessment, Store, boolean][] = sides.map(({ a, out, inn }) => {
    const inside = inn !== undefined && (out === undefined || a.scores[inn] > a.scores[out]);
    return [a, (inside ? inn : out)!, inside];
  });
  const inCount = chosen.filter((c) => c[2]).length;
  if (inCount === 0 || inCount === chosen.length) {
    // Everything landed on one side: move the item that loses least, if any can move.
    const wantInside = inCount === 0;
    let flip = -1;
    let loss = Infinity;
    sides.forEach(({ a, out, inn }, i) => {
      const target = wantInside ? inn : out;
      if (target === undefined) return;
      const l = a.scores[chosen[i]![1]] - a.scores[target];
      if (l < loss) { loss = l; flip = i; }
    });
    if (flip < 0) return infeasible('hybrid', fixed, 'no session-scoped item can change sides');
    const s = sides[flip]!;
    chosen[flip] = [s.a, (wantInside ? s.inn : s.out)!, wantInside];
  }
  const inside = chosen.filter((c) => c[2]).length;
  return plan('hybrid', fixed, chosen.map(([a, s]) => [a, s]),
    `holds ${inside} session-scoped item(s) in instance memory and ${chosen.length - inside} outside`);
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
