import { fact, type Evidence } from './evidence.ts';
import type { Check, Hit } from './hit.ts';
import { INSTANCE_STORES, planField, STICKY_STORES } from './plan.ts';

const replicasOf = (e: Evidence) => Number(e.facts.maxReplicas ?? e.facts.replicas ?? 1);

export const stickyUnplanned: Check = (plan, bound) => {
  if (plan.items.some((i) => STICKY_STORES.includes(i.store))) return [];
  return bound.filter((e) => e.kind === 'sticky-routing')
    .map((e): Hit => ({ evidence: e, key: `${fact(e, 'mechanism')}:${fact(e, 'workload')}`, item: planField('state: no item in sticky memory', ['state']), vars: { routing: plan.routing } }));
};

export const stickyMissing: Check = (plan, bound) => {
  const item = plan.items.find((i) => STICKY_STORES.includes(i.store));
  if (!item || bound.some((e) => e.kind === 'sticky-routing')) return [];
  const scaled = new Map(bound.filter((e) => e.kind === 'autoscaler').map((e) => [fact(e, 'workload'), replicasOf(e)]));
  return bound.filter((e) => e.kind === 'workload')
    .map((e) => ({ e, replicas: Math.max(replicasOf(e), scaled.get(fact(e, 'workload')) ?? 0) }))
    .filter(({ replicas }) => replicas > 1)
    .map(({ e, replicas }): Hit => ({ evidence: e, key: fact(e, 'workload'), item, vars: { replicas } }));
};

export const statefulWorkload: Check = (plan, bound) => {
  if (plan.verdict !== 'stateless') return [];
  const item = planField('verdict: stateless', ['state']);
  return bound.filter((e) => e.kind === 'volume-claim').map((e): Hit => ({ evidence: e, key: fact(e, 'what'), item, vars: {} }));
};

export const hpaNoStabilisation: Check = (plan, bound) => {
  const item = plan.items.find((i) => INSTANCE_STORES.includes(i.store));
  if (!item) return [];
  return bound.filter((e) => e.kind === 'autoscaler' && !(Number(e.facts.scaleDownWindow ?? 0) > 0))
    .map((e): Hit => ({ evidence: e, key: fact(e, 'name'), item, vars: {} }));
};

export const replicasBelowPlan: Check = (plan, bound) => {
  const needed = plan.availabilityInstances;
  // An autoscaler's minReplicas is the floor of the workload it scales: it answers instead of the workload's own count.
  const floors = bound.filter((e) => e.kind === 'autoscaler' && e.facts.minReplicas !== undefined);
  const scaled = new Set(floors.map((e) => fact(e, 'workload')));
  const counted = [
    ...floors.map((e) => ({ e, replicas: Number(e.facts.minReplicas) })),
    ...bound.filter((e) => e.kind === 'workload' && e.facts.replicas !== undefined && !scaled.has(fact(e, 'workload')))
      .map((e) => ({ e, replicas: Number(e.facts.replicas) })),
  ];
  return counted.filter(({ replicas }) => replicas < needed)
    .map(({ e, replicas }): Hit => ({ evidence: e, key: `${e.kind}:${fact(e, 'workload')}`, item: planField(`failure.availability: ${plan.availability}`, ['failure', 'availability']), vars: { replicas, needed, availability: plan.availability } }));
};

export const storeLosesItems: Check = (plan, bound) => {
  const hits: Hit[] = [];
  for (const e of bound) {
    if (e.kind !== 'store-infra' || !e.facts.loses) continue;
    const tech = fact(e, 'technology');
    const family = tech === 'valkey' || tech === 'redis' ? ['redis', 'valkey'] : [tech];
    // A single-AZ database loses only what a zone outage takes: that matters for critical records.
    const impacts = e.facts.lossClass === 'single-az' ? ['critical'] : ['costly', 'critical'];
    const item = plan.items.find((i) => family.includes(i.technology) && impacts.includes(i.lossImpact));
    if (item) hits.push({ evidence: e, key: fact(e, 'name'), item, vars: { lossImpact: item.lossImpact } });
  }
  return hits;
};
