import {
  compareProvenance, describeCatalog, didYouMean, diffAnswers, parseRequirements, parseReviewProvenance, parseText, provenanceOf,
  renderDiffText, renderReview, splitChanges, validate, type Engine, type Requirements,
} from '../../rules/index.ts';
import { renderBrief } from '../cli/render-brief.ts';
import { TOOL_INPUTS, type ToolArgs, type ToolName } from './tool-inputs.ts';
import { applyChanges } from './what-if.ts';
import { answer, problems, type ToolResult } from './tool-result.ts';
import { exampleFiring, type Example } from './examples.ts';

/** What the tools need, resolved once when the server starts. */
export interface ToolContext {
  engine: Engine;
  /** YYYY-MM-DD: accepted-risk expiry and review dates. */
  today: string;
  examples: readonly Example[];
}

/**
 * Runs one tool: arguments checked against its zod schema with statewise's messages (never a stack trace), then
 * the same engine calls the CLI makes.
 * @example await callTool(context, 'advise', { requirements: text })
 */
export function callTool(context: ToolContext, name: string, args: unknown): ToolResult {
  if (!(name in TOOL_INPUTS)) return problems('tool', [{ code: 'invalid_value', path: ['name'], pointer: '/name', message: `there is no tool "${name}"; the tools are ${Object.keys(TOOL_INPUTS).join(', ')}` }]);
  const checked = validate(TOOL_INPUTS[name as ToolName], args ?? {});
  if (!checked.ok) return problems('arguments', checked.issues);
  const run = HANDLERS[name as ToolName] as (c: ToolContext, a: unknown) => ToolResult;
  return run(context, checked.value);
}

const HANDLERS: { [T in ToolName]: (c: ToolContext, a: ToolArgs<T>) => ToolResult } = {
  advise({ engine, today }, { requirements }) {
    const req = parseRequirements(requirements);
    if (!req.ok) return problems('requirements', req.issues);
    const rec = engine.advise(req.value, { today });
    const brief = engine.advise(req.value, { today, detail: 'brief' });
    return answer(`${rec.summary}\n\n${renderBrief([brief], ['requirements'])}`, rec);
  },
  review({ engine, today }, { requirements, date }) {
    const req = parseRequirements(requirements);
    if (!req.ok) return problems('requirements', req.issues);
    return answer(renderReview({ requirements: req.value, recommendation: engine.advise(req.value, { today }), date: date ?? today }));
  },
  check({ engine, today }, { requirements, review }) {
    const req = parseRequirements(requirements);
    if (!req.ok) return problems('requirements', req.issues);
    const previous = parseReviewProvenance(review);
    if (!previous.ok) return problems('review', previous.issues);
    const current = provenanceOf(engine.advise(req.value, { today }), previous.value.source);
    const changes = compareProvenance(previous.value, current);
    const { answer: answerLines, inputs } = splitChanges(changes);
    const upToDate = !changes.answerChanged;
    const text = !changes.changed ? `The review is up to date (${current.verdict}).`
      : upToDate ? `The review still gives the same answer (${current.verdict}); the inputs changed:\n${inputs.map((l) => `  ${l}`).join('\n')}`
        : `The review no longer matches the answer:\n${answerLines.map((l) => `  ${l}`).join('\n')}${inputs.length ? `\nbecause the inputs changed:\n${inputs.map((l) => `  ${l}`).join('\n')}` : ''}`;
    return answer(text, { upToDate, inputsChanged: changes.changed && upToDate, verdict: current.verdict, answerChanges: answerLines, inputChanges: inputs });
  },
  what_if({ engine, today }, { requirements, changes }) {
    const before = parseRequirements(requirements);
    if (!before.ok) return problems('requirements', before.issues);
    const parsed = parseText(requirements);
    if (!parsed.ok) return problems('requirements', parsed.issues);
    const after = applyChanges(parsed.value.data, changes);
    if (!after.ok) return problems('changes', after.issues);
    const side = (requirements: Requirements) => ({ requirements, answer: engine.advise(requirements, { today }) });
    const diff = diffAnswers(side(before.value), side(after.value));
    return answer(renderDiffText(diff), { ...diff });
  },
  explain_rule({ engine, examples }, { id }) {
    const rules = describeCatalog(engine.catalog);
    const rule = rules.find((r) => r.id === id);
    if (!rule) {
      const meant = didYouMean(id, rules.map((r) => r.id));
      return problems('arguments', [{ code: 'invalid_value', path: ['id'], pointer: '/id', message: `no rule, gate or check has the id "${id}"${meant ? `; did you mean ${meant}?` : ''}`, ...(meant ? { suggestion: meant } : {}) }]);
    }
    const example = exampleFiring(engine, examples, id);
    const lines = [
      `${rule.id} (${rule.kind}): ${rule.title}`,
      `defined in ${rule.file}:${rule.line}${rule.source ? `; source: ${rule.source}` : ''}`,
      `because: ${rule.because}`,
      ...(rule.mitigation ? [`mitigation: ${rule.mitigation}`] : []),
      example ? `example: ${example.file} — ${example.sentence}` : 'example: none of the bundled examples fires it',
    ];
    return answer(lines.join('\n'), { rule, ...(example ? { example } : {}) });
  },
};
