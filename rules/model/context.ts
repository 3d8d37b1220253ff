import type { Kind, Requirements, StateItem } from '../contract/requirements.ts';
import type { Store, Verdict } from '../contract/recommendation.ts';
import type { Scope } from '../contract/scope.ts';

export type { Scope };

/**
 * The vocabulary of one evaluation: the normalized requirements plus the figures every rule and check may read.
 * The figures are computed by the registry in rules/model/derived.ts (each says what it is computed from); the
 * engine (rules/engine/context.ts) only assembles them. Catalogue predicates and model measures are functions of
 * these types, which is why they live below both.
 */

/** Per-item figures, one field per entry of ITEM_FIGURES (rules/model/derived.ts), which documents each. */
export interface ItemFigures {
  scope: Scope;
  connection: boolean;
  kind: Kind;
  kindAssumed: boolean;
  owners: number;
  ownersGiven: boolean;
  readsPerSecond: number;
  writesPerSecond: number;
  writeKb: number;
  writesPerRequest: number;
  syncWrite: boolean;
  totalMb: number;
  writeKbPerSecondPerOwner: number;
  readers: 'owner' | 'others';
  readKb: number;
  fanout: number;
  deliveriesPerSecond: number;
  limitsOwner: boolean;
  shape: 'value' | 'collection';
  merge: 'none' | 'last-writer-wins' | 'commutative';
  singleWriter: boolean;
  residencyRegions: number;
  residencyConfined: boolean;
  crossRegionReplication: 'none' | 'async' | 'sync';
  crossRegionLagSeconds: number;
  crossRegionWriteMs: number;
}

export interface EvalItem extends Omit<StateItem, keyof ItemFigures>, ItemFigures {
  /** The item as listed (or as implied), before any figure was derived: what a re-scaled context starts from. */
  source: StateItem;
  implied: boolean;
  /** Why the engine added it, for implied items. */
  impliedBecause?: string;
}

/** Service figures, one field per entry of SERVICE_FIGURES (rules/model/derived.ts), which documents each. */
export interface ServiceFigures {
  source: 'clients' | 'services' | 'stream';
  interRegionRttMs: number;
  awayRttMs: number;
  concurrentSessions: number;
  concurrentSessionsDerived: boolean;
  fleetInstances: number;
  operatesCache: boolean;
  operatesDatabase: boolean;
  operatesLog: boolean;
  /** Over the item list (implied items included), so computed after the items. */
  sessionItems: number;
  sessionStateKb: number;
}

export interface EvalContext {
  req: Requirements;
  derived: ServiceFigures;
  items: EvalItem[];
}

/** What risk rules may read once a plan is chosen. */
export interface PlanView {
  verdict: Verdict;
  routing: 'any-instance' | 'sticky' | 'partitioned';
  storeOf: (item: string) => Store;
  roundTripMs: (item: string) => number;
  hotPathMs: number;
  instances: number;
  sessionsLostPerInstanceLoss: number;
  inProcessMemoryMb: number;
  inProcessItems: number;
  /** MB of read-only copies each instance holds (part of inProcessMemoryMb). */
  copyMemoryMb: number;
  /** MB of pinned state (sticky, replicated, checkpointed) each instance holds: the rest of inProcessMemoryMb. */
  pinnedMemoryMb: number;
  cacheItems: number;
  tokenKb: number;
  /** The chosen plan beside the cheapest other plan that passes every check (plan-cost.ts). */
  cost: PlanCostView;
}

/** What the chosen plan costs a month against the cheapest other plan that passes every check (napkin figures). */
export interface PlanCostView {
  monthlyUsd: number;
  /** The cheapest other plan that passes every check, when the chosen one passes too and costs more; else 'none'. */
  cheaperPlan: Verdict | 'none';
  cheaperMonthlyUsd: number;
  /** monthlyUsd ÷ cheaperMonthlyUsd (0 when there is no cheaper plan). */
  costRatio: number;
  extraMonthlyUsd: number;
}
