import * as z from 'zod';
import { BlockerSchema, PlacementSchema, PlanSchema, RecommendationSchema, SEVERITY, type Recommendation } from './recommendation.ts';

/**
 * The brief answer (`detail: brief` over HTTP, `advise --format brief` in the CLI): what a reviewer scans — verdict,
 * confidence, scores, where each piece of state goes and on what, and per plan whether it is feasible, what blocks it
 * and what it costs a month — with no sentences and no tipping-point search. Every field is the full contract's own
 * schema, picked here, so the two forms cannot drift apart.
 */

/** Whether an answer is the whole recommendation (default) or the brief one. */
export const DETAILS = ['full', 'brief'] as const;
export type Detail = (typeof DETAILS)[number];

const count = () => z.number().int().min(0);

export const BriefPlanSchema = z.strictObject({
  feasible: PlanSchema.shape.feasible,
  blockers: z.array(BlockerSchema.omit({ because: true })).describe('The failing checks, with their numbers (the full answer adds the sentence).'),
  monthlyUsd: PlanSchema.shape.cost.shape.monthlyUsd,
});

export const BriefRecommendationSchema = z.strictObject({
  apiVersion: RecommendationSchema.shape.apiVersion,
  detail: z.literal('brief').describe('Marks the brief form; a full answer has no `detail`.'),
  ...RecommendationSchema.pick({ service: true, rulesVersion: true, verdict: true }).shape,
  confidence: RecommendationSchema.shape.confidence.describe(
    'How far the verdict\'s score leads (0.5 a tie, 0.99 a lead of 20 points or more). The full answer lowers this when a '
      + 'tipping point lies near; the brief answer does not search for tipping points, so it is never below the full one.'),
  ...RecommendationSchema.pick({ scores: true, feasible: true }).shape,
  placements: z.array(PlacementSchema.pick({ state: true, store: true, technology: true })),
  plans: z.strictObject({ stateless: BriefPlanSchema, stateful: BriefPlanSchema, hybrid: BriefPlanSchema }),
  risks: z.strictObject(Object.fromEntries(SEVERITY.map((s) => [s, count()])) as Record<(typeof SEVERITY)[number], ReturnType<typeof count>>)
    .describe('Open risks by severity (accepted ones not counted), as the full answer lists them.'),
}).describe('statewise/v1 brief recommendation for one service');

export type BriefRecommendation = z.output<typeof BriefRecommendationSchema>;
export type BriefPlan = z.output<typeof BriefPlanSchema>;

/**
 * The brief form of a full answer, field by field, but for `confidence`, which the brief computes from the scores
 * alone (see the schema). The engine builds briefs directly (rules/engine/brief.ts) without the work for the rest;
 * this projection is what it must agree with.
 */
export function briefOf(rec: Recommendation, confidence: number): BriefRecommendation {
  const plan = (p: Recommendation['plans']['stateless']): BriefPlan => ({
    feasible: p.feasible,
    blockers: p.blockers.map(({ because: _, ...b }) => b),
    monthlyUsd: p.cost.monthlyUsd,
  });
  const risks = { high: 0, medium: 0, low: 0 };
  for (const r of rec.risks) risks[r.severity]++;
  return {
    apiVersion: rec.apiVersion, detail: 'brief', service: rec.service, rulesVersion: rec.rulesVersion, verdict: rec.verdict,
    confidence, scores: { ...rec.scores }, feasible: rec.feasible,
    placements: rec.placements.map((p) => ({ state: p.state, store: p.store, technology: p.technology })),
    plans: { stateless: plan(rec.plans.stateless), stateful: plan(rec.plans.stateful), hybrid: plan(rec.plans.hybrid) },
    risks,
  };
}
