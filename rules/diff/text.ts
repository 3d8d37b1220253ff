import type { AnswerDiff } from './answer-diff.ts';
import { arrow, confidenceArrow, costLine, figureLine, headline, planName, severityArrow } from './format.ts';

/**
 * The comparison as plain text for a terminal: one line per plan, placement, risk, input and figure. The CLI's Io
 * makes every line terminal-safe.
 * @example renderDiffText(diffAnswers(base, head))
 */
export function renderDiffText(d: AnswerDiff): string {
  const lines = [headline(d)];
  if (!d.changed) return [...lines, '  no change: the same answer with the same figures'].join('\n');
  lines.push(`  verdict ${arrow(d.verdict.before, d.verdict.after)} · feasible ${arrow(d.feasible.before, d.feasible.after)} · confidence ${confidenceArrow(d)}`);
  lines.push('', 'Plans (monthly cost is napkin arithmetic from catalogue unit prices)');
  const width = Math.max(...d.plans.map((p) => planName(p).length));
  for (const p of d.plans) {
    lines.push(`  ${planName(p).padEnd(width)}  feasible ${arrow(p.feasible.before, p.feasible.after)} · monthly ${costLine(p)} · `
      + `instances ${arrow(p.instances.before, p.instances.after)} · store nodes ${arrow(p.storeNodes.before, p.storeNodes.after)}`);
  }
  lines.push('', 'Placements');
  const name = Math.max(...d.placements.map((p) => p.state.length));
  for (const p of d.placements) lines.push(`  ${p.state.padEnd(name)}  ${arrow(p.before, p.after)}${p.changed ? '  (changed)' : ''}`);
  if (d.risks.length) lines.push('', 'Risks', ...d.risks.map((r) => `  ${r.id}: ${severityArrow(r.before, r.after)} — ${r.text}`));
  if (d.inputs.length) lines.push('', 'Inputs changed', ...d.inputs.map((c) => `  ${figureLine(c)}`));
  if (d.figures.length) lines.push('', 'Figures of the answer that changed', ...d.figures.map((c) => `  ${figureLine(c)}`));
  return lines.join('\n');
}
