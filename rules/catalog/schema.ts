import * as z from 'zod';
import { STORES } from '../contract/recommendation.ts';
import { PricesSchema, ProfileSchema } from '../model/profile.ts';
import { MitigationSchema } from './mitigation.ts';

/**
 * The rule catalogue format. A catalogue file is `{ rules: [...], disable?: [ids] }`; each rule is one of four
 * kinds: `service` (score effects), `placement` (store effects for each state item), `gate` (removes stores:
 * hard constraints no weight can override) and `risk` (read after placement).
 */

const scalar = z.union([z.number(), z.string(), z.boolean()]);

export const COMPARISON_OPS = ['eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'includes', 'excludes'] as const;
export type ComparisonOp = (typeof COMPARISON_OPS)[number];

export const ComparisonSchema = z.strictObject({
  fact: z.string().min(1).max(80),
  eq: scalar.optional(),
  ne: scalar.optional(),
  in: z.array(scalar).min(1).max(50).optional(),
  notIn: z.array(scalar).min(1).max(50).optional(),
  gt: z.number().optional(),
  gte: z.number().optional(),
  lt: z.number().optional(),
  lte: z.number().optional(),
  includes: z.string().optional(),
  excludes: z.string().optional(),
}).refine((c) => COMPARISON_OPS.some((op) => c[op] !== undefined), 'a comparison needs at least one operator');

export type Comparison = z.output<typeof ComparisonSchema>;
export type Condition = Comparison | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ConditionSchema).min(1).max(20) }),
    z.strictObject({ any: z.array(ConditionSchema).min(1).max(20) }),
    z.strictObject({ not: ConditionSchema }),
    ComparisonSchema,
  ]),
);

const id = z.string().min(3).max(80).regex(/^[a-z0-9][a-z0-9.-]*$/, 'rule ids are lowercase, dotted: svc.traffic-high');
const common = {
  id,
  title: z.string().min(3).max(160),
  when: ConditionSchema.optional(),
  because: z.string().min(3).max(400),
  source: z.string().min(3).max(400).optional(),
};
const weight = z.number().int().min(-100).max(100);

export const ServiceRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('service'),
  effect: z.strictObject({ stateless: weight.optional(), stateful: weight.optional(), hybrid: weight.optional() }),
});

export const PlacementRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('placement'),
  effect: z.partialRecord(z.enum(STORES), weight),
});

export const GateRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('gate'),
  /** Stores the gate removes; `keep` instead lists the only stores left. */
  remove: z.array(z.enum(STORES)).min(1).optional(),
  keep: z.array(z.enum(STORES)).min(1).optional(),
  /** Gates that enforce a docs/design.md invariant cannot be disabled or overridden by custom catalogues. */
  invariant: z.number().int().min(1).max(9).optional(),
}).refine((g) => (g.remove === undefined) !== (g.keep === undefined), 'a gate has either remove or keep');

export const RiskRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('risk'),
  severity: z.enum(['high', 'medium', 'low']),
  /** The mitigation: a template like `because`, or options the engine vets before printing (mitigation.ts). */
  mitigation: MitigationSchema,
});

/** A feasibility check: `measure ≤ limit` for one item in one store (figures: rules/model/measures.ts). */
export const CheckRuleSchema = z.strictObject({
  ...common,
  kind: z.literal('check'),
  measure: z.string().min(1).max(60),
  limit: z.string().min(1).max(60),
  stores: z.array(z.enum(STORES)).min(1),
  mitigation: MitigationSchema,
});

export const RuleSchema = z.discriminatedUnion('kind', [ServiceRuleSchema, PlacementRuleSchema, GateRuleSchema, RiskRuleSchema, CheckRuleSchema]);

export const CatalogFileSchema = z.strictObject({
  /** Version of this file's rules; the built-in catalogue's version names the whole. */
  version: z.string().min(1).max(40).optional(),
  rules: z.array(RuleSchema).max(500).default([]),
  disable: z.array(id).max(500).default([]),
  /** Store profiles, one per technology and store; a later file's profile replaces an earlier one. */
  profiles: z.array(ProfileSchema).max(100).default([]),
  prices: PricesSchema.optional(),
});

export type Rule = z.output<typeof RuleSchema>;
export type ServiceRule = z.output<typeof ServiceRuleSchema>;
export type PlacementRule = z.output<typeof PlacementRuleSchema>;
export type GateRule = z.output<typeof GateRuleSchema>;
export type RiskRule = z.output<typeof RiskRuleSchema>;
export type CheckRule = z.output<typeof CheckRuleSchema>;
export type CatalogFile = z.output<typeof CatalogFileSchema>;
