import type { Requirements } from '../contract/requirements.ts';
import { VERDICTS, type Placement, type Recommendation } from '../contract/recommendation.ts';
import { STORE_INFO } from '../model/stores.ts';
import { PLAN_FIT_RULE, type Scored } from './score.ts';

/** The most an answer with no feasible plan may claim: its verdict is only the plan that fails least. */
export const INFEASIBLE_CONFIDENCE = 0.5;
/** Most item names a summary lists for one store before it counts them instead. */
export const NAMES_IN_SUMMARY = 5;

/**
 * One paragraph a reviewer can paste: verdict, where the state goes, the strongest reason for it, what rules out
 * the other plans when a check does, and the margin. An infeasible answer leads with NOT FEASIBLE, and its
 * confidence is at most INFEASIBLE_CONFIDENCE (rules/engine/advise.ts).
 */
export function summarize(
  req: Requirements, scored: Scored, placements: Placement[], routing: Recommendation['scaling']['routing'],
  plans: Recommendation['plans'],
): string {
  const { verdict, scores, confidence } = scored;
  const groups = new Map<Placement['store'], string[]>();
  for (const p of placements) {
    if (p.store === 'none') continue;
    groups.set(p.store, [...(groups.get(p.store) ?? []), p.state]);
  }
  // Beyond a handful, names become a count: the placements list every item (issue 29: 200 names in one paragraph).
  const where = [...groups].map(([store, names]) => `${names.length > NAMES_IN_SUMMARY ? `${names.length} items` : names.join(', ')} in ${STORE_INFO[store].words}`).join('; ');
  if (!plans[verdict].feasible) {
    const first = plans[verdict].blockers[0];
    return `NOT FEASIBLE: no plan for ${req.service} passes every feasibility check; the least-failing is ${verdict}, with ${where || 'nothing kept'}. `
      + (first ? `It still fails ${first.check} for ${first.state} in ${first.store} (${fmt(first.value)} > ${fmt(first.limit)} ${first.unit}); ` : '')
      + `the blockers name every failing check with its numbers, and the tipping points say what would make a plan pass (confidence ${Math.round(confidence * 100)}%).`;
  }
  const lead = verdict === 'stateless'
    ? `Keep ${req.service} stateless: any instance serves any request${where ? `, with ${where}` : ' and nothing is kept between requests'}.`
    : verdict === 'stateful'
      ? `Run ${req.service} as a stateful service with ${routing} routing: ${where}.`
      : `Split ${req.service} into a stateless tier and a stateful tier (${routing} routing): ${where}.`;
  const others = VERDICTS.filter((v) => v !== verdict);
  const runnerUp = others.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  // The strongest factor for this verdict over the runner-up (the plan-fit factor summarizes the placements).
  let top: Recommendation['factors'][number] | undefined;
  for (const f of scored.factors) {
    if (f.rule === PLAN_FIT_RULE) continue;
    const lead = f.effect[verdict] - f.effect[runnerUp];
    if (lead > 0 && (!top || lead > top.effect[verdict] - top.effect[runnerUp])) top = f;
  }
  const reason = top ? ` Strongest factor: ${top.because} (${top.rule}).` : '';
  // A plan that would be possible but fails a check is ruled out by numbers, not weights: say which.
  const ruledOut = others.filter((v) => !plans[v].feasible && plans[v].blockers.length > 0)
    .map((v) => `the ${v} plan fails ${plans[v].blockers[0]!.check} (${plans[v].blockers[0]!.because})`);
  const physics = ruledOut.length ? ` ${cap(ruledOut.join('; '))}.` : '';
  return `${lead}${reason}${physics} ${cap(verdict)} scores ${scores[verdict]} against ${scores[runnerUp]} for ${runnerUp} (confidence ${Math.round(confidence * 100)}%).`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}
