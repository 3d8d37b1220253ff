import type { Requirements } from '../contract/requirements.ts';
import type { Placement, Recommendation } from '../contract/recommendation.ts';
import type { Verdict } from '../contract/recommendation.ts';
import { STORE_INFO } from '../model/stores.ts';
import type { Plan } from './plans.ts';
import { PLAN_FIT_RULE, type Scored } from './score.ts';

/** One paragraph a reviewer can paste: verdict, where the state goes, the strongest reason, and the margin. */
export function summarize(
  req: Requirements, scored: Scored, placements: Placement[], routing: Recommendation['scaling']['routing'], feasible = true,
  plans?: Record<Verdict, Plan>,
): string {
  const { verdict, scores, confidence } = scored;
  const groups = new Map<Placement['store'], string[]>();
  for (const p of placements) {
    if (p.store === 'none') continue;
    groups.set(p.store, [...(groups.get(p.store) ?? []), p.state]);
  }
  const where = [...groups].map(([store, names]) => `${names.join(', ')} in ${STORE_INFO[store].words}`).join('; ');
  const lead = verdict === 'stateless'
    ? `Keep ${req.service} stateless: any instance serves any request${where ? `, with ${where}` : ' and nothing is kept between requests'}.`
    : verdict === 'stateful'
      ? `Run ${req.service} as a stateful service with ${routing} routing: ${where}.`
      : `Split ${req.service} into a stateless tier and a stateful tier (${routing} routing): ${where}.`;
  const others = (['stateless', 'stateful', 'hybrid'] as const).filter((v) => v !== verdict);
  const runnerUp = others.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  // The plan-fit factor summarizes the placements already named; the strongest service factor says why.
  if (!feasible) {
    const failing = plans ? Object.values(plans).filter((p) => p.possible).length : 0;
    return `No plan for ${req.service} passes every feasibility check (${failing} possible plan(s) checked): the least-failing is ${verdict}, with ${where}. `
      + 'The blockers below name each failing check with its numbers; the tipping points say what would make a plan pass.';
  }
  const top = scored.factors.find((f) => f.rule !== PLAN_FIT_RULE) ?? scored.factors[0];
  const reason = top ? ` Strongest factor: ${top.because} (${top.rule}).` : '';
  return `${lead}${reason} ${cap(verdict)} scores ${scores[verdict]} against ${scores[runnerUp]} for ${runnerUp} (confidence ${confidence}).`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
