import type { BriefRecommendation } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { paintFor, type Paint } from './io.ts';
import { count } from './plural.ts';

/**
 * `advise --format brief`: one table line per file (file, service, verdict, confidence, feasibility, risks by
 * severity), then one line of totals — for a folder of many services, where the full answer is too much. It tabulates
 * the engine's brief answers, the same ones `POST /v1/recommendations?detail=brief` sends.
 */
export function renderBrief(answers: readonly BriefRecommendation[], files: readonly string[], paint: Paint = paintFor(false)): string {
  const rows = answers.map((r, i) => {
    const by = (s: 'high' | 'medium' | 'low') => r.risks[s];
    return {
      file: oneLine(files[i]!), service: oneLine(r.service), verdict: r.verdict, confidence: `${Math.round(r.confidence * 100)}%`,
      feasible: r.feasible ? 'yes' : 'NO', risks: `${by('high')} high · ${by('medium')} medium · ${by('low')} low`, high: by('high'),
    };
  });
  const head = { file: 'FILE', service: 'SERVICE', verdict: 'VERDICT', confidence: 'CONF', feasible: 'FEASIBLE', risks: 'RISKS' };
  const cols = ['file', 'service', 'verdict', 'confidence', 'feasible'] as const;
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(head[c].length, ...rows.map((r) => r[c].length))])) as Record<(typeof cols)[number], number>;
  const line = (cells: Record<(typeof cols)[number] | 'risks', string>, style: (c: string, text: string) => string) =>
    [...cols.map((c) => style(c, cells[c].padEnd(width[c]))), style('risks', cells.risks)].join('  ').trimEnd();
  const verdictColour = { stateless: paint.green, stateful: paint.yellow, hybrid: paint.cyan };
  const out = [line(head, (_c, t) => paint.bold(t))];
  for (const r of rows) {
    out.push(line(r, (c, t) => c === 'verdict' ? verdictColour[r.verdict](t)
      : c === 'feasible' && r.feasible === 'NO' ? paint.red(t)
        : c === 'risks' && r.high > 0 ? paint.red(t) : t));
  }
  const tally = (['stateless', 'stateful', 'hybrid'] as const).map((v) => `${answers.filter((a) => a.verdict === v).length} ${v}`).join(', ');
  const infeasible = answers.filter((a) => !a.feasible).length;
  out.push('', `${count(answers.length, 'file')}: ${tally}${infeasible ? `; ${paint.red(`${infeasible} not feasible`)}` : ''}`);
  return out.join('\n');
}
