import { cell, code, codeCell, inline, table } from '../review/markdown.ts';
import type { AnswerDiff } from './answer-diff.ts';
import { arrow, confidenceArrow, costLine, formatValue, headline, planName, severityArrow } from './format.ts';

/**
 * The comparison as GitHub-flavoured Markdown (job summary, pull-request comment): verdict and feasibility, a table
 * of plans with monthly cost before → after, placements, risks, then the input and answer figures that changed.
 * Every string from the inputs passes through the review's Markdown escapes.
 * @example renderDiffMarkdown(diffAnswers(base, head))
 */
export function renderDiffMarkdown(d: AnswerDiff, heading = '###'): string {
  const parts: string[] = [`${heading} ${inline(headline(d))}`];
  if (!d.changed) return [...parts, '', 'No change: the same answer with the same figures.'].join('\n');
  parts.push('', `**Verdict** ${arrow(d.verdict.before, d.verdict.after)} · **feasible** ${arrow(d.feasible.before, d.feasible.after)} · **confidence** ${confidenceArrow(d)}`);
  parts.push('', table(['Plan', 'Feasible', 'Monthly cost', 'Instances', 'Store nodes'], d.plans.map((p) => [
    cell(planName(p)), cell(arrow(p.feasible.before, p.feasible.after)), cell(costLine(p)),
    cell(arrow(p.instances.before, p.instances.after)), cell(arrow(p.storeNodes.before, p.storeNodes.after)),
  ])));
  parts.push('', table(['State', 'Placement', 'Change'], d.placements.map((p) => [
    codeCell(p.state), cell(p.changed ? `${formatValue(p.before)} → ${formatValue(p.after)}` : formatValue(p.after)), p.changed ? '**changed**' : '',
  ])));
  if (d.risks.length) {
    parts.push('', table(['Risk', 'Severity', 'What'], d.risks.map((r) => [codeCell(r.id), cell(severityArrow(r.before, r.after)), cell(r.text)])));
  }
  if (d.inputs.length) parts.push('', `**Inputs changed (${d.inputs.length})**`, '', ...d.inputs.map((c) => `- ${code(c.figure)} ${inline(arrow(c.before, c.after, c.unit))}`));
  if (d.figures.length) {
    parts.push('', `<details><summary>Figures of the answer that changed (${d.figures.length})</summary>`, '',
      table(['Figure', 'Before', 'After'], d.figures.map((f) => [codeCell(f.figure), cell(formatValue(f.before, f.unit)), cell(formatValue(f.after, f.unit))])),
      '', '</details>');
  }
  return parts.join('\n');
}

