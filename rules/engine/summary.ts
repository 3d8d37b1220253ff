import type { Requirements } from '../contract/requirements.ts';
import type { Placement, Recommendation } from '../contract/recommendation.ts';
import { PLAN_FIT_RULE, type Scored } from './score.ts';

const STORE_WORDS: Record<Placement['store'], string> = {
  'none': 'nowhere (request-scoped)',
  'client-token': 'a signed client token',
  'distributed-cache': 'the distributed cache',
  'database': 'the database',
  'durable-log': 'the durable log',
  'in-process-sticky': 'pinned instance memory',
  'in-process-replicated': 'replicated instance memory',
};

/** One paragraph a reviewer can paste: verdict, where the state goes, the strongest reason, and the margin. */
export function summarize(req: Requirements, scored: Scored, placements: Placement[], routing: Recommendation['scaling']['routing']): string {
  const { verdict, scores, confidence } = scored;
  const groups = new Map<Placement['store'], string[]>();
  for (const p of placements) {
    if (p.store === 'none') continue;
    groups.set(p.store, [...(groups.get(p.store) ?? []), p.state]);
  }
  const where = [...groups].map(([store, names]) => `${names.join(', ')} in ${STORE_WORDS[store]}`).join('; ');
  const lead = verdict === 'stateless'
    ? `Keep ${req.service} stateless: any instance serves any request${where ? `, with ${where}` : ' and nothing is kept between requests'}.`
    : verdict === 'stateful'
      ? `Run ${req.service} as a stateful service with ${routing} routing: ${where}.`
      : `Split ${req.service} into a stateless tier and a stateful tier (${routing} routing): ${where}.`;
  const others = (['stateless', 'stateful', 'hybrid'] as const).filter((v) => v !== verdict);
  const runnerUp = others.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  // The plan-fit factor summarizes the placements already named; the strongest service factor says why.
  const top = scored.factors.find((f) => f.rule !== PLAN_FIT_RULE) ?? scored.factors[0];
  const reason = top ? ` Strongest factor: ${top.because} (${top.rule}).` : '';
  return `${lead}${reason} ${cap(verdict)} scores ${scores[verdict]} against ${scores[runnerUp]} for ${runnerUp} (confidence ${confidence}).`;
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
