/** The answer's types, from the contract (type-only: the renderer ships none of the zod schemas). */
export type {
  Recommendation, Placement, CheckResult, Factor, Risk, TippingPoint, PlanAnswer, Verdict,
} from '../../rules/contract/recommendation.ts';
import type { Recommendation } from '../../rules/contract/recommendation.ts';
export type Alternative = Recommendation['placements'][number]['alternatives'][number];
