import * as z from 'zod';
import { API_VERSION } from './requirements.ts';

/** The recommendation contract `statewise/v1`: what statewise answers. */

export const VERDICTS = ['stateless', 'stateful', 'hybrid'] as const;
export const STORES = [
  'none', 'client-token', 'distributed-cache', 'database', 'durable-log', 'in-process-sticky', 'in-process-replicated',
] as const;
export const IN_PROCESS_STORES = ['in-process-sticky', 'in-process-replicated'] as const;
export const ROUTING = ['any-instance', 'sticky', 'partitioned'] as const;
export const SEVERITY = ['high', 'medium', 'low'] as const;

export type Verdict = (typeof VERDICTS)[number];
export type Store = (typeof STORES)[number];

const text = (max = 2000) => z.string().max(max);
const score = () => z.number().min(0).max(100);

export const ScoresSchema = z.strictObject({ stateless: score(), stateful: score(), hybrid: score() });
export const EffectSchema = z.strictObject({ stateless: z.number(), stateful: z.number(), hybrid: z.number() });

export const FactorSchema = z.strictObject({
  rule: text(120),
  title: text(200),
  effect: EffectSchema,
  because: text(),
});

export const AlternativeSchema = z.strictObject({
  store: z.enum(STORES),
  score: score(),
  whyNot: text(),
});

export const PlacementSchema = z.strictObject({
  state: text(64),
  store: z.enum(STORES),
  implied: z.boolean(),
  why: z.array(text()),
  ttl: text(40).optional(),
  alternatives: z.array(AlternativeSchema),
});

export const ScalingSchema = z.strictObject({
  routing: z.enum(ROUTING),
  replication: text(),
  autoscaling: text(),
  notes: z.array(text()),
});

export const FailureAnswerSchema = z.strictObject({
  onInstanceLoss: text(),
  sessionsLostPerInstanceLoss: z.number().int().min(0),
  onDeploy: text(),
  notes: z.array(text()),
});

export const CapacitySchema = z.strictObject({
  concurrentSessions: z.number().int().min(0),
  instances: z.number().int().min(1),
  inProcessMemoryMb: z.number().min(0),
  externalStoreMemoryMb: z.number().min(0),
  externalReadsPerSecond: z.number().min(0),
  externalWritesPerSecond: z.number().min(0),
  assumptions: z.array(text()),
});

export const RiskSchema = z.strictObject({
  id: text(120),
  rule: text(120),
  severity: z.enum(SEVERITY),
  text: text(),
  mitigation: text(),
});

export const AcceptedRiskAnswerSchema = z.strictObject({
  id: text(120),
  severity: z.enum(SEVERITY),
  text: text(),
  reason: text(),
  until: text(10),
});

export const TippingPointSchema = z.strictObject({
  input: text(80),
  from: z.union([z.number(), z.string(), z.boolean()]),
  to: z.union([z.number(), z.string(), z.boolean()]),
  verdict: z.enum(VERDICTS),
  note: text(),
});

export const RecommendationSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION),
  service: text(64),
  rulesVersion: text(200),
  inputDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  verdict: z.enum(VERDICTS),
  confidence: z.number().min(0).max(1),
  summary: text(4000),
  scores: ScoresSchema,
  factors: z.array(FactorSchema),
  placements: z.array(PlacementSchema),
  implied: z.array(text()).describe('Notes on state items the engine added because the context demands them.'),
  scaling: ScalingSchema,
  failure: FailureAnswerSchema,
  capacity: CapacitySchema,
  risks: z.array(RiskSchema),
  acceptedRisks: z.array(AcceptedRiskAnswerSchema),
  tippingPoints: z.array(TippingPointSchema),
}).describe('statewise/v1 recommendation for one service');

export type Recommendation = z.output<typeof RecommendationSchema>;
export type Factor = z.output<typeof FactorSchema>;
export type Placement = z.output<typeof PlacementSchema>;
export type Risk = z.output<typeof RiskSchema>;
export type TippingPoint = z.output<typeof TippingPointSchema>;
export type Scores = z.output<typeof ScoresSchema>;
export type Capacity = z.output<typeof CapacitySchema>;
