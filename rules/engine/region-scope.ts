import type { RegionScope } from '../contract/recommendation.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import { formatNumber as f } from '../model/format.ts';
import { AWAY_SHARE, CROSS_REGION_LAG_SECONDS } from '../model/derived.ts';
import { count } from '../contract/words.ts';

// Where an item lives across regions is model vocabulary (rules/model/region-scope.ts: regionScopeOf), because the
// latency and loss-window measures charge by it; this file says it in words.

/** The sentence that goes with the scope, with the figures it rests on: where it lives, how it is replicated. */
export function regionScopeWhy(ctx: EvalContext, item: EvalItem, scope: RegionScope): string {
  const regions = count(ctx.req.traffic.regions, 'region');
  const rtt = `${f(ctx.derived.interRegionRttMs)} ms${ctx.req.constraints.interRegionRttMs === undefined ? ' (assumed)' : ''}`;
  if (scope === 'global') {
    const why = `${item.name} has one writer across ${regions} (consistency strong, owner ${item.owner}, merge none): every acknowledged write waits a ${rtt} round trip between regions`;
    if (item.residencyRegions < 2) return `${why}, as writes from outside its group reach the one writer${groupText(ctx, item)}; ${oneRegionText(item)} (region scope global)`;
    return `${why} (region scope global; replicated synchronously${groupText(ctx, item)})`;
  }
  if (scope === 'home') {
    const away = ctx.req.traffic.awayShare ?? AWAY_SHARE;
    const awayText = `the ${f(away * 100)}% of requests served away from home${ctx.req.traffic.awayShare === undefined ? ' (assumed)' : ''} reach it across a ${rtt} round trip${away > 0.01 ? ', which the p99 request pays (more than 1% of requests are away)' : ''}`;
    return `${item.name} lives in one home region per owner${groupText(ctx, item)}: ${awayText}; ${replicationText(ctx, item, rtt)} (region scope home)`;
  }
  if (item.merge === 'last-writer-wins') return `every region writes ${item.name} and replicates it: last-writer-wins keeps one of two concurrent writes and silently drops the other (region scope local)`;
  if (item.merge === 'commutative') return `every region writes ${item.name} and replicates it: commutative merges (a CRDT) keep every concurrent write, so nothing is lost and no write waits for another region (region scope local)`;
  return `each of ${regions} keeps its own ${item.name} for the users it serves (region scope local)`;
}

/** ", inside region group eu (2 of 3 regions; residency)": where invariant 14 keeps it. */
function groupText(ctx: EvalContext, item: EvalItem): string {
  if (!item.residencyConfined) return '';
  return `, inside region group ${item.residency} (${f(item.residencyRegions)} of ${count(ctx.req.traffic.regions, 'region')}; residency keeps every replica, copy and failover target there)`;
}

/** How the item reaches a second region, and what a region loss then costs. */
export function replicationText(ctx: EvalContext, item: EvalItem, rtt: string): string {
  const rpo = ctx.req.failure.rpoSeconds;
  switch (item.crossRegionReplication) {
    case 'sync':
      return `it is replicated synchronously to a second region${item.residencyConfined ? ` of group ${item.residency}` : ''}, because failure.rpoSeconds ${f(rpo ?? 0)} < the ~${f(CROSS_REGION_LAG_SECONDS)} s lag of asynchronous replication (assumed): each acknowledged write waits a ${rtt} round trip, and a region loss loses no acknowledged write`;
    case 'async':
      return `it is replicated asynchronously to another region${item.residencyConfined ? ` of group ${item.residency}` : ''}: a region loss can lose its last ~${f(CROSS_REGION_LAG_SECONDS)} s of writes (assumed lag${rpo !== undefined ? `, within failure.rpoSeconds ${f(rpo)}` : ''}), and no write waits for another region`;
    case 'none':
      return item.residencyRegions < 2 ? oneRegionText(item) : 'it is not replicated to another region';
  }
}

/** What invariant 14 leaves an item whose residency group is one region: nowhere to fail over to. */
function oneRegionText(item: EvalItem): string {
  return `its group ${item.residency} has one region, so no replica or failover target may leave it: a loss of that region makes ${item.name} unavailable, and loses what was not backed up, until the region returns (unrecoverable within the group)`;
}
