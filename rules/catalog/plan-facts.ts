import { ROUTING, STORES, VERDICTS } from '../contract/recommendation.ts';
import type { Fact, FactScope } from './fact.ts';

/** A number known once a plan exists. */
const planNum = (path: string, scope: FactScope, description: string, get: Fact['get']): Fact =>
  ({ path, type: 'number', scope, phase: 'plan', description, get });

/**
 * Facts that exist only after placement (the chosen plan's stores, capacity and cost): risk rules alone may read
 * them. Their lineage is rules/model/lineage.ts (PLAN_FROM).
 */
export const PLAN_FACTS: readonly Fact[] = [
  { path: 'plan.verdict', type: 'enum', values: VERDICTS, scope: 'service', phase: 'plan', description: 'the verdict', get: (_c, _i, p) => p!.verdict },
  { path: 'plan.routing', type: 'enum', values: ROUTING, scope: 'service', phase: 'plan', description: 'how requests are routed', get: (_c, _i, p) => p!.routing },
  { path: 'state[].store', type: 'enum', values: STORES, scope: 'item', phase: 'plan', description: 'where the item is placed', get: (_c, i, p) => p!.storeOf(i!.name) },
  planNum('state[].roundTripMs', 'item', 'typical read round trip of the item\'s store, in ms', (_c, i, p) => p!.roundTripMs(i!.name)),
  planNum('plan.hotPathMs', 'service', 'sum of store round trips a request pays for hot-path items, in ms', (_c, _i, p) => p!.hotPathMs),
  planNum('plan.instances', 'service', 'instances needed at peak', (_c, _i, p) => p!.instances),
  planNum('plan.sessionsLostPerInstanceLoss', 'service', 'sessions that lose state when one instance dies', (_c, _i, p) => p!.sessionsLostPerInstanceLoss),
  planNum('plan.inProcessMemoryMb', 'service', 'state held in each instance\'s memory, MB', (_c, _i, p) => p!.inProcessMemoryMb),
  planNum('plan.copyMemoryMb', 'service', 'read-only copies each instance holds, MB (part of plan.inProcessMemoryMb)', (_c, _i, p) => p!.copyMemoryMb),
  planNum('plan.pinnedMemoryMb', 'service', 'pinned state (sticky, replicated, checkpointed) each instance holds, MB (the rest of plan.inProcessMemoryMb)', (_c, _i, p) => p!.pinnedMemoryMb),
  planNum('plan.inProcessItems', 'service', 'state items held in instance memory', (_c, _i, p) => p!.inProcessItems),
  planNum('plan.cacheItems', 'service', 'state items placed in the distributed cache', (_c, _i, p) => p!.cacheItems),
  planNum('plan.tokenKb', 'service', 'KB carried in the client token per request', (_c, _i, p) => p!.tokenKb),
  planNum('plan.monthlyUsd', 'service', 'monthly cost of the chosen plan in USD (napkin arithmetic at catalogue unit prices)', (_c, _i, p) => p!.cost.monthlyUsd),
  { path: 'plan.cheaperPlan', type: 'enum', values: [...VERDICTS, 'none'], scope: 'service', phase: 'plan', description: 'the cheapest other plan that passes every check, when the chosen plan passes too and costs more (none otherwise)', get: (_c, _i, p) => p!.cost.cheaperPlan },
  planNum('plan.cheaperMonthlyUsd', 'service', 'monthly cost of plan.cheaperPlan in USD (0 when none)', (_c, _i, p) => p!.cost.cheaperMonthlyUsd),
  planNum('plan.costRatio', 'service', 'the chosen plan\'s monthly cost ÷ that of plan.cheaperPlan (0 when none)', (_c, _i, p) => p!.cost.costRatio),
  planNum('plan.extraMonthlyUsd', 'service', 'what the chosen plan costs a month more than plan.cheaperPlan, USD (0 when none)', (_c, _i, p) => p!.cost.extraMonthlyUsd),
];
