import { TECHNOLOGIES, type PlanAnswer, type Technology } from '../contract/recommendation.ts';
import type { Prices } from '../model/profile.ts';
import { formatNumber as f } from '../model/format.ts';
import type { EvalContext } from '../model/context.ts';
import type { CapacityAnswer, Placed } from './capacity.ts';
import { count } from '../contract/words.ts';
import { STORE_INFO } from '../model/stores.ts';

/**
 * A plan's monthly cost on the back of an envelope: instances, store nodes and stored gigabytes at the catalogue's
 * unit prices, plus the technologies the team would have to start running. Shown side by side so a reviewer sees
 * what each plan saves or costs; it breaks ties between plans, it never outweighs the weights (invariant 8: load
 * must not push an answer toward instance memory except through a feasibility check).
 */
export function planCost(prices: Prices, ctx: EvalContext, placed: readonly Placed[], cap: CapacityAnswer): PlanAnswer['cost'] {
  const { memoryMb } = ctx.req.constraints.instance;
  const perInstance = prices.instanceVcpu * prices.vcpuUsdPerMonth + (memoryMb / 1024) * prices.memoryGbUsdPerMonth;
  const breakdown: string[] = [`${count(cap.instances, 'instance')} × $${f(round(perInstance))} (${f(prices.instanceVcpu)} vCPU, ${f(round(memoryMb / 1024))} GB)`];
  let total = cap.instances * perInstance;
  let storeNodes = 0;
  for (const tier of cap.stores) {
    const profile = placed.find((p) => p.store === tier.store && p.profile?.technology === tier.technology)?.profile;
    if (profile?.node) {
      const node = profile.node.vcpu * prices.vcpuUsdPerMonth + profile.node.memoryGb * prices.memoryGbUsdPerMonth + profile.node.ssdGb * prices.ssdGbUsdPerMonth;
      total += tier.nodes * node;
      storeNodes += tier.nodes;
      breakdown.push(`${tier.technology}: ${count(tier.nodes, 'node')} × $${f(round(node))}`);
    }
    if (profile?.storageUsdPerGbMonth !== undefined) {
      let gb = 0;
      for (const p of placed) if (p.store === tier.store && p.profile === profile) gb += p.item.totalMb / 1024;
      total += gb * profile.storageUsdPerGbMonth;
      breakdown.push(`${tier.technology}: ${f(round(gb))} GB stored × $${f(profile.storageUsdPerGbMonth)}`);
    }
  }
  const used = new Set<string>();
  // Only infrastructure beside the service counts: a signed token or instance memory is nothing new to run.
  for (const p of placed) if (p.profile && STORE_INFO[p.store].tier) used.add(p.profile.technology);
  const run = ctx.req.constraints.stores as readonly string[];
  const newTechnologies = TECHNOLOGIES.filter((t): t is Technology => used.has(t) && !run.includes(t));
  breakdown.push(`unit prices: ${prices.source}`);
  return { monthlyUsd: Math.round(total), instances: cap.instances, storeNodes, newTechnologies, breakdown };
}

const round = (n: number) => Math.round(n * 100) / 100;
