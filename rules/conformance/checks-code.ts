import { fact, type Evidence } from './evidence.ts';
import type { Check, Hit } from './hit.ts';
import { INSTANCE_STORES, planField, type Plan, type PlanItem } from './plan.ts';

/** Stores outside instance memory where sessions may live. */
const OFF_INSTANCE = ['client-token', 'distributed-cache', 'database'];

/** A client library for one of these technologies also serves the other (same protocol). */
const SAME: Record<string, string[]> = { redis: ['redis', 'valkey'], valkey: ['redis', 'valkey'], postgres: ['postgres', 'sql'], mysql: ['mysql', 'sql'] };

/** The item a finding about mutable per-user or shared state is measured against: the first one not global. */
function mutableItem(plan: Plan): PlanItem | undefined {
  return plan.items.find((i) => i.owner !== 'global') ?? plan.items[0];
}

export const moduleState: Check = (plan, bound) => {
  if (plan.items.some((i) => INSTANCE_STORES.includes(i.store))) return [];
  const item = mutableItem(plan);
  return bound.filter((e) => e.kind === 'module-state' && e.facts.writtenInHandler === true)
    .map((e): Hit => ({ evidence: e, key: fact(e, 'name'), ...(item ? { item } : {}), vars: {} }));
};

export const sessionMemoryStore: Check = (plan, bound) => {
  const item = plan.items.find((i) => (i.owner === 'session' || i.owner === 'user') && OFF_INSTANCE.includes(i.store));
  if (!item) return [];
  return bound.filter((e) => e.kind === 'session-middleware' && e.facts.keeps === 'memory')
    .map((e): Hit => ({ evidence: e, key: fact(e, 'library'), item, vars: {} }));
};

export const realtimeUndeclared: Check = (plan, bound) => {
  if (plan.realtime !== 'none') return [];
  const item = planField('context.realtime: none', ['context', 'realtime']);
  return bound.filter((e) => e.kind === 'realtime-server').map((e): Hit => ({ evidence: e, key: fact(e, 'library'), item, vars: {} }));
};

export const socketioNoAdapter: Check = (plan, bound) => {
  if (bound.some((e) => e.kind === 'realtime-adapter')) return [];
  const replicas = Math.max(plan.instances, ...bound.filter((e) => e.kind === 'workload' || e.kind === 'autoscaler')
    .map((e) => Number(e.facts.maxReplicas ?? e.facts.replicas ?? 1)));
  if (replicas <= 1) return [];
  return bound.filter((e) => e.kind === 'realtime-server' && e.facts.library === 'socket.io')
    .map((e): Hit => ({ evidence: e, key: 'socket.io', item: planField(`${plan.instances} instances (traffic)`, ['traffic']), vars: { instances: replicas } }));
};

export const storeMissing: Check = (plan, bound) => {
  const seen = new Set<string>();
  const present = (kind: Evidence['kind'], tech: string) =>
    bound.some((e) => e.kind === kind && (SAME[tech] ?? [tech]).includes(fact(e, 'technology')));
  const hits: Hit[] = [];
  for (const item of plan.items) {
    const tech = item.technology;
    if (['instance-memory', 'signed-token', 'none'].includes(tech) || seen.has(tech)) continue;
    seen.add(tech);
    if (present('store-client', tech) || present('store-infra', tech)) continue;
    hits.push({ key: tech, item, vars: {} });
  }
  return hits;
};
