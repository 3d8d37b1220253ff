import { z } from '@hono/zod-openapi';
import { BriefRecommendationSchema, RecommendationSchema, RequirementsSchema } from '../../rules/index.ts';
import { MAX_ARRAY } from './body.ts';
import { ProblemSchema } from './problem.ts';

/**
 * HTTP-only envelopes around the core contract. The core schemas are reused as they are (named with zod's own
 * `.meta({ id })`, which works whatever order modules load in, so the
 * OpenAPI document refers to them as components); nothing in the contract is restated.
 */

export const RequirementsDoc = RequirementsSchema.meta({ id: 'Requirements' });
export const RecommendationDoc = RecommendationSchema.meta({ id: 'Recommendation' });
export const BriefRecommendationDoc = BriefRecommendationSchema.meta({ id: 'BriefRecommendation' });

export const MAX_BATCH = MAX_ARRAY;
/**
 * Most state items a batch may hold across all its documents. Work and answer size grow with items (~0.05 ms and
 * ~1.6 KB each, one document ~0.7 ms and ~6 KB): 307 documents of 50 items cost 1.5 s of CPU before this cap.
 */
export const MAX_BATCH_STATE_ITEMS = 2000;

export const BatchRequestSchema = z.object({
  items: z.array(RequirementsDoc).min(1).max(MAX_BATCH).describe('Requirements documents, each judged on its own.'),
}).openapi('BatchRequest');

export const BatchResultSchema = z.union([
  z.object({ index: z.number().int().min(0), ok: z.literal(true), recommendation: RecommendationDoc }),
  z.object({ index: z.number().int().min(0), ok: z.literal(false), problem: ProblemSchema }),
]).openapi('BatchResult');

export const BatchResponseSchema = z.object({
  results: z.array(BatchResultSchema).describe('One entry per item, in request order.'),
  succeeded: z.number().int().min(0),
  failed: z.number().int().min(0),
}).openapi('BatchResponse');

export const RuleInfoSchema = z.object({
  id: z.string(),
  kind: z.enum(['service', 'placement', 'gate', 'risk', 'check']),
  title: z.string(),
  when: z.record(z.string(), z.unknown()).optional().describe('The condition (all/any/not over fact comparisons).'),
  effect: z.record(z.string(), z.number()).optional(),
  remove: z.array(z.string()).optional(),
  severity: z.string().optional(),
  invariant: z.number().int().optional(),
  measure: z.string().optional().describe('Checks: the figure compared with the limit.'),
  limit: z.string().optional().describe('Checks: the limit it must not exceed.'),
  stores: z.array(z.string()).optional().describe('Checks: the stores the check applies to.'),
  because: z.string(),
  mitigation: z.string().optional(),
  source: z.string().optional(),
  file: z.string(),
  line: z.number().int(),
}).openapi('RuleInfo');

export const RulesResponseSchema = z.object({
  rulesVersion: z.string(),
  rules: z.array(RuleInfoSchema),
}).openapi('RulesResponse');

export const HealthSchema = z.object({
  status: z.literal('ok'),
  rulesVersion: z.string(),
}).openapi('Health');

export const JsonObjectSchema = z.record(z.string(), z.unknown()).openapi('JsonObject');

export const ReviewJsonSchema = z.object({ markdown: z.string() }).openapi('DesignReview');
