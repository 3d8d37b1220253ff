import { VERDICTS, type Factor, type Recommendation, type Verdict } from '../contract/recommendation.ts';
import { count } from '../contract/words.ts';
import { cell, code, inline, signed, table } from './markdown.ts';
import { planPossible } from './figures.ts';

/**
 * "Decision drivers" and "Considered options": the rules that moved the scores, and why each other option lost.
 * An option loses the way the engine ranks them (engine/score.ts): a plan that passes every check beats one that
 * does not, whatever the scores; when none passes, the plan that fails least wins (fewest failing placements, then
 * the smallest overshoot), and only then do points decide.
 * So the outcome of an option that fails a check, or cannot be built at all, says that, not a score gap.
 */
export function drivers(rec: Recommendation): string {
  const top = moving(rec).slice(0, 5);
  const out = ['## Decision drivers'];
  if (top.length === 0) out.push('No rule moved a score; every option kept its base score.');
  else out.push(top.map((f) => `- **${inline(f.title)}** (${code(f.rule)}; ${effectText(f)}): ${inline(f.because)}`).join('\n'));
  return out.join('\n\n');
}

/** @example options(rec).startsWith('## Considered options') */
export function options(rec: Recommendation): string {
  const out = ['## Considered options'];
  const others = VERDICTS.filter((v) => v !== rec.verdict).sort((a, b) => rec.scores[b] - rec.scores[a] || VERDICTS.indexOf(a) - VERDICTS.indexOf(b));
  const ranked = [rec.verdict, ...others];
  out.push(table(['Option', 'Score', 'Outcome'], ranked.map((v) => [cell(v), String(rec.scores[v]), cell(v === rec.verdict ? 'chosen' : `not chosen: ${lostBecause(rec, v)}`)])));
  for (const v of others) {
    const against = moving(rec)
      .map((f) => ({ f, gap: f.effect[rec.verdict] - f.effect[v] }))
      .filter((x) => x.gap > 0)
      .sort((a, b) => b.gap - a.gap)
      .slice(0, 3);
    const lines = [`### Why not ${v}`, ''];
    const plan = planState(rec, v);
    const fails = `It fails ${count(rec.plans[v].blockers.length, 'feasibility check')} (see "Feasibility and cost")`;
    if (plan === 'impossible') lines.push(`- It cannot be built: ${inline(rec.plans[v].note)}.`);
    else if (plan === 'fails') lines.push(`- ${fails}${rec.feasible ? `, while ${rec.verdict} passes every check` : `, like every plan here; among them ${rec.verdict} ranks first`}.`);
    if (against.length === 0) lines.push(`- ${v} scores ${rec.scores[v]} against ${rec.scores[rec.verdict]}; no single rule favours ${rec.verdict} over it.`);
    for (const { f } of against) {
      lines.push(`- ${code(f.rule)} (${v} ${signed(f.effect[v])}, ${rec.verdict} ${signed(f.effect[rec.verdict])}): ${inline(f.because)}`);
    }
    for (const t of rec.tippingPoints.filter((t) => t.verdict === v)) lines.push(`- It would win: ${inline(t.note)}.`);
    out.push(lines.join('\n'));
  }
  return out.join('\n\n');
}

function planState(rec: Recommendation, v: Verdict): 'passes' | 'fails' | 'impossible' {
  const p = rec.plans[v];
  return !planPossible(p) ? 'impossible' : p.feasible ? 'passes' : 'fails';
}

/** Why an option lost, in the order the engine ranks them. */
function lostBecause(rec: Recommendation, v: Verdict): string {
  const plan = planState(rec, v);
  if (plan === 'impossible') return 'not possible';
  if (rec.feasible && plan === 'fails') return `fails a feasibility check, ${rec.verdict} passes every one`;
  if (!rec.feasible) return `no plan passes every check, and ${rec.verdict} ranks first among them (fewest failing placements, then the smallest overshoot, then the score)`;
  const gap = rec.scores[rec.verdict] - rec.scores[v];
  // Scores are clamped to 0..100; the ranking reads the sums before clamping, then a fixed order.
  return gap > 0 ? `${count(gap, 'point')} behind ${rec.verdict}` : `level with ${rec.verdict} at ${rec.scores[v]}, which ranks first before the 0–100 clamp or in the fixed order of ties`;
}

function moving(rec: Recommendation): Factor[] {
  return rec.factors.filter((f) => f.effect.stateless !== 0 || f.effect.stateful !== 0 || f.effect.hybrid !== 0);
}

export function effectText(f: Factor): string {
  return VERDICTS.map((v) => `${v} ${signed(f.effect[v])}`).join(', ');
}
