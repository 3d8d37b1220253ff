import { stringify } from 'yaml';
import * as z from 'zod';
import { API_VERSION } from '../contract/requirements.ts';
import { ScoresSchema, STORES, VERDICTS, type Recommendation } from '../contract/recommendation.ts';
import { issue, type Issue, type Result } from '../contract/issues.ts';
import { locateIssues } from '../contract/locate.ts';
import { validate } from '../contract/validate.ts';
import { parseText } from '../contract/yaml-text.ts';

/**
 * Provenance: what a design review was generated from, kept in its front matter under `statewise:` so that CI can
 * tell whether the committed document still matches what the requirements and the rules answer today.
 */
export const ProvenanceSchema = z.object({
  apiVersion: z.literal(API_VERSION),
  service: z.string().min(1),
  source: z.string().optional(),
  rulesVersion: z.string().min(1),
  inputDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be sha256: and 64 hex digits'),
  verdict: z.enum(VERDICTS),
  confidence: z.number().min(0).max(1),
  scores: ScoresSchema,
  placements: z.record(z.string(), z.enum(STORES)),
  rules: z.array(z.string()),
  /** Open risk ids and accepted risk ids: an acceptance that expires moves its id from `accepted` to `risks`. */
  risks: z.array(z.string()).default([]),
  accepted: z.array(z.string()).default([]),
});

/** Front matter: MADR 4 fields (other MADR keys such as `consulted` are allowed and ignored) plus `statewise:`. */
const FrontMatterSchema = z.looseObject({
  status: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
  'decision-makers': z.union([z.array(z.string()), z.string()]).optional(),
  statewise: ProvenanceSchema,
});

export type Provenance = z.output<typeof ProvenanceSchema>;

/** What a review's front matter says: its MADR status and date, and the statewise provenance. */
export interface ReviewProvenance extends Provenance {
  status: string;
  date: string;
  decisionMakers?: string[];
}

/**
 * Every rule a recommendation cites (the rules that fired for it), sorted: score factors, the rules quoted in placements (why and why
 * not, including the gates that ruled stores out) and the rules that raised risks.
 * @example citedRules(rec).includes('gate.token-cookie-limit')
 */
export function citedRules(rec: Recommendation): string[] {
  const ids = new Set<string>();
  for (const f of rec.factors) ids.add(f.rule);
  for (const p of rec.placements) {
    for (const w of p.why) for (const id of quotedRules(w)) ids.add(id);
    for (const a of p.alternatives) for (const id of quotedRules(a.whyNot)) ids.add(id);
  }
  for (const r of rec.risks) ids.add(r.rule);
  for (const r of rec.acceptedRisks) ids.add(r.id.split(':')[0]!);
  return [...ids].sort();
}

/**
 * Rule ids an engine sentence cites: each clause ends with `(rule.id)`; clauses are joined with `; `.
 * Parenthesized numbers or phrases with spaces (`(fit +5)`) are not rule ids.
 */
export function quotedRules(sentence: string): string[] {
  return [...sentence.matchAll(/\(([a-z0-9][a-z0-9.-]*)\)(?=;|$)/g)].map((m) => m[1]!);
}

/** The provenance of a recommendation, as a review generated now would record it. */
export function provenanceOf(rec: Recommendation, source?: string): Provenance {
  return {
    apiVersion: rec.apiVersion,
    service: rec.service,
    ...(source === undefined ? {} : { source }),
    rulesVersion: rec.rulesVersion,
    inputDigest: rec.inputDigest,
    verdict: rec.verdict,
    confidence: rec.confidence,
    scores: { stateless: rec.scores.stateless, stateful: rec.scores.stateful, hybrid: rec.scores.hybrid },
    placements: Object.fromEntries(rec.placements.map((p) => [p.state, p.store])),
    rules: citedRules(rec),
    risks: rec.risks.map((r) => r.id).sort(),
    accepted: rec.acceptedRisks.map((r) => r.id).sort(),
  };
}

/** The YAML front matter block (with its `---` fences) for a review. */
export function frontMatter(prov: Provenance, date: string, decisionMakers?: readonly string[]): string {
  const data: Record<string, unknown> = { status: 'proposed', date };
  if (decisionMakers && decisionMakers.length) data['decision-makers'] = [...decisionMakers];
  data.statewise = { ...prov, scores: { ...prov.scores }, placements: { ...prov.placements }, rules: [...prov.rules], risks: [...prov.risks], accepted: [...prov.accepted] };
  const yaml = stringify(data, { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false }).trimEnd();
  return `---\n${yaml}\n---`;
}

/**
 * Reads the provenance back from a review's front matter. Issues carry the line and column in the Markdown file.
 * @example parseReviewProvenance(renderReview(input)).ok === true
 */
export function parseReviewProvenance(markdown: string): Result<ReviewProvenance> {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) {
    return { ok: false, issues: [issue('no_front_matter', [], 'the review has no YAML front matter (a `---` block on its first line); regenerate it with statewise review', 1, 1)] };
  }
  // The YAML starts on line 2 of the file: shift every position by the opening fence.
  const shift = (issues: Issue[]) => issues.map((i) => (i.line === undefined ? { ...i, line: 1, column: 1 } : { ...i, line: i.line + 1 }));
  const parsed = parseText(match[1]!);
  if (!parsed.ok) return { ok: false, issues: shift(parsed.issues) };
  const result = validate(FrontMatterSchema, parsed.value.data);
  if (!result.ok) return { ok: false, issues: shift(locateIssues(result.issues, parsed.value)) };
  const fm = result.value;
  const makers = fm['decision-makers'];
  const out: ReviewProvenance = { ...fm.statewise, status: fm.status, date: fm.date };
  if (makers !== undefined) out.decisionMakers = typeof makers === 'string' ? [makers] : makers;
  return { ok: true, value: out };
}
