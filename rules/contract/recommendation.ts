import * as z from 'zod';
import { API_VERSION, KIND, KNOWN_STORES } from './requirements.ts';

/** The recommendation contract `statewise/v1`: what statewise answers. */

export const VERDICTS = ['stateless', 'stateful', 'hybrid'] as const;
/** Where a piece of state can live, simplest first (ties between equal scores go to the earlier store). */
export const STORES = [
  'none', 'client-token', 'distributed-cache', 'database', 'durable-log', 'object-store', 'in-process-copy',
  'in-process-sticky', 'in-process-replicated', 'in-process-checkpointed',
] as const;
/** What runs a store: the team's technologies, plus the signed token and the instance's own memory. */
export const TECHNOLOGIES = [...KNOWN_STORES, 'signed-token', 'instance-memory', 'none'] as const;
export const ROUTING = ['any-instance', 'sticky', 'partitioned'] as const;
/** Where an item lives across regions: each region its own, one home region per owner, or one writer worldwide. */
export const REGION_SCOPES = ['local', 'home', 'global'] as const;
export const SEVERITY = ['high', 'medium', 'low'] as const;
/** The failures the failure table answers for, per item: smallest blast radius first, then the planned one. */
export const FAILURE_KINDS = ['instance', 'zone', 'region', 'store-node', 'deploy'] as const;
/** What one failure loses of an item: nothing, the requests in flight, the last seconds of writes (the RPO), or all of it. */
export const LOSSES = ['nothing', 'in-flight', 'seconds', 'all'] as const;

export type Verdict = (typeof VERDICTS)[number];
export type Store = (typeof STORES)[number];
export type RejectedTechnology = z.output<typeof RejectedTechnologySchema>;
export type RegionScope = (typeof REGION_SCOPES)[number];
export type FailureKind = (typeof FAILURE_KINDS)[number];
export type Loss = (typeof LOSSES)[number];

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

export const CheckResultSchema = z.strictObject({
  check: text(120),
  value: z.number(),
  limit: z.number(),
  unit: text(40),
  /** limit ÷ value for `value ≤ limit` checks: 1 is exactly at the limit, below 1 fails. */
  margin: z.number().min(0),
  passed: z.boolean(),
  because: text(),
});

/** A technology the team runs (constraints.stores) that the plan passed over for the placement's store, and why. */
export const RejectedTechnologySchema = z.strictObject({
  technology: z.enum(TECHNOLOGIES),
  check: text(120).describe('The check furthest over its limit.'),
  value: z.number(),
  limit: z.number(),
  unit: text(40),
  because: text(),
  alsoFails: z.array(text(120)).optional(),
});

export const PlacementSchema = z.strictObject({
  state: text(64),
  store: z.enum(STORES),
  technology: z.enum(TECHNOLOGIES),
  kind: z.enum(KIND),
  implied: z.boolean(),
  why: z.array(text()),
  ttl: text(40).optional(),
  checks: z.array(CheckResultSchema).describe('The feasibility checks of the chosen store, with their numbers.'),
  alternatives: z.array(AlternativeSchema),
  regionScope: z.enum(REGION_SCOPES).optional()
    .describe('With two regions or more: local (each region its own), home (one home region per owner) or global (one writer worldwide).'),
  rejectedTechnologies: z.array(RejectedTechnologySchema).optional()
    .describe('The team\'s own technologies for this store that a check vetoed, so the plan runs another one.'),
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

/** One cell of the failure table: what one failure costs one item of the chosen plan, from profile figures. */
export const FailureRowSchema = z.strictObject({
  state: text(64),
  failure: z.enum(FAILURE_KINDS),
  store: z.enum(STORES),
  technology: z.enum(TECHNOLOGIES),
  lost: z.enum(LOSSES).describe('nothing; in-flight (requests being served fail and are retried); seconds (the last lossSeconds of acknowledged writes: the store\'s loss window, its RPO); all (every value the failed part held).'),
  lossSeconds: z.number().min(0).optional().describe('With lost: seconds — the acknowledged writes one failover can drop, in seconds.'),
  affected: z.number().int().min(0).describe('How many owners (sessions, users, shared objects, keys) lose state or wait.'),
  unit: text(40).describe('What `affected` counts: sessions, users, objects, keys or owners.'),
  rtoSeconds: z.number().min(0).nullable().describe('Seconds until the item serves again; null: not until the failed region returns.'),
  because: text().describe('The arithmetic, with the figures it rests on.'),
  source: text(600).describe('The rule or profile figures the row comes from (stores.yaml, rules/model/assumptions.ts).'),
  assumed: z.boolean().describe('The row rests on an assumed figure (a profile estimate, a default count) rather than the requirements alone.'),
});

export const CapacitySchema = z.strictObject({
  concurrentSessions: z.number().int().min(0),
  instances: z.number().int().min(1),
  inProcessMemoryMb: z.number().min(0),
  externalStoreMemoryMb: z.number().min(0),
  externalReadsPerSecond: z.number().min(0),
  externalWritesPerSecond: z.number().min(0),
  assumptions: z.array(text()),
  stores: z.array(z.strictObject({
    store: z.enum(STORES),
    technology: z.enum(TECHNOLOGIES),
    items: z.array(text(64)),
    nodes: z.number().int().min(0),
    replicas: z.number().int().min(0).describe('Replicas or standbys per node that availability or the recovery point need (a Postgres synchronous standby, two more Kafka replicas at replication factor 3); counted in cost.'),
    readsPerSecond: z.number().min(0),
    writesPerSecond: z.number().min(0),
    mbPerSecond: z.number().min(0),
    memoryMb: z.number().min(0),
  })).describe('Each external store tier of the chosen plan, sized by the items placed in it.'),
  hotPathMs: z.number().min(0).describe('Milliseconds of state access a request waits for (hot-path reads in parallel, plus synchronous writes).'),
  latencyBudgetMs: z.number().min(0).describe('The share of latency.p99Ms left for state access.'),
});

export const BlockerSchema = z.strictObject({
  check: text(120),
  state: text(64),
  store: z.enum(STORES),
  value: z.number(),
  limit: z.number(),
  unit: text(40),
  because: text(),
});

export const PlanSchema = z.strictObject({
  feasible: z.boolean(),
  note: text(),
  blockers: z.array(BlockerSchema),
  cost: z.strictObject({
    monthlyUsd: z.number().min(0),
    instances: z.number().int().min(0),
    storeNodes: z.number().int().min(0),
    newTechnologies: z.array(z.enum(TECHNOLOGIES)),
    breakdown: z.array(text()),
  }),
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
  feasible: z.boolean().describe('Whether the answer after this change passes every feasibility check.'),
  note: text(),
});

export const DefaultAppliedSchema = z.strictObject({
  pointer: text(300).describe('RFC 6901 pointer into the requirements (/state/0/consistency).'),
  value: z.union([z.number(), z.string(), z.boolean()]),
  because: text().optional().describe('Why this assumed value matters to the answer, and what to write instead.'),
});

export const NoteSchema = z.strictObject({
  id: text(80).describe('What disagrees: note.owner-rate, note.read-rate, note.rare-write-on-hot-path, note.assumed-read-share, note.stream-keys-exceed-owners, note.memory-contradicts-items.'),
  field: text(300).describe('The input the note questions, named like tipping points\' inputs (state[link].writesPerMinute): by item name, so it does not depend on the order items are listed in.'),
  factor: z.number().describe('How far the input disagrees with itself: the total rate ÷ traffic.peakRps, reads ÷ writes, the check\'s use of its limit with the assumed reads ÷ without them, live keys ÷ owners, or the number of items kept for a session that context.memory says nothing outlives a request.'),
  text: text().describe('The arithmetic in words and what to check.'),
}).describe('The input\'s own arithmetic disagrees with itself: the answer is sized on it all the same.');

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
  failures: z.array(FailureRowSchema)
    .describe('The failure table of the chosen plan: one row per item × failure (instance, zone, region, store-node, deploy), in placement order.'),
  capacity: CapacitySchema,
  risks: z.array(RiskSchema),
  acceptedRisks: z.array(AcceptedRiskAnswerSchema),
  tippingPoints: z.array(TippingPointSchema),
  feasible: z.boolean().describe('false: no plan passes every feasibility check; the answer is the plan that fails least.'),
  plans: z.strictObject({ stateless: PlanSchema, stateful: PlanSchema, hybrid: PlanSchema }),
  defaultsApplied: z.array(DefaultAppliedSchema).optional()
    .describe('Fields the requirements left out, with the default statewise assumed for each: the answer rests on them.'),
  notes: z.array(NoteSchema).optional()
    .describe('Where the input\'s own arithmetic disagrees with itself (owners × per-owner rates far above traffic.peakRps, reads more often than requests arrive, an acknowledged write on the hot path of a rarely written item, a tightest check that rests on the assumed read share); absent when nothing does.'),
}).describe('statewise/v1 recommendation for one service');

export type Recommendation = z.output<typeof RecommendationSchema>;
export type Factor = z.output<typeof FactorSchema>;
export type DefaultAppliedAnswer = z.output<typeof DefaultAppliedSchema>;
export type Note = z.output<typeof NoteSchema>;
export type Placement = z.output<typeof PlacementSchema>;
export type Risk = z.output<typeof RiskSchema>;
export type TippingPoint = z.output<typeof TippingPointSchema>;
export type Scores = z.output<typeof ScoresSchema>;
export type Capacity = z.output<typeof CapacitySchema>;
export type CheckResult = z.output<typeof CheckResultSchema>;
export type Blocker = z.output<typeof BlockerSchema>;
export type PlanAnswer = z.output<typeof PlanSchema>;
export type FailureRow = z.output<typeof FailureRowSchema>;
export type Technology = (typeof TECHNOLOGIES)[number];
