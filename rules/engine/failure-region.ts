import type { RegionScope } from '../contract/recommendation.ts';
import type { EvalContext } from '../model/context.ts';
import { formatNumber as f } from '../model/format.ts';
import { ASSUMPTIONS } from '../model/assumptions.ts';
import { count } from '../contract/words.ts';
import { assumedCount, profileSource, rtoOf, shareOf, unitOf, type Cell, type FailureInput } from './failure-cell.ts';
import { DURABLE_STORES } from '../model/stores.ts';

/** Instances one zone holds: the fleet spread over its regions, each region's share over up to 3 zones (assumed). */
export function instancesLostWithZone(ctx: EvalContext, instances: number): { instances: number; zones: number } {
  const perRegion = Math.max(1, Math.ceil(instances / Math.max(1, ctx.req.traffic.regions)));
  const zones = Math.max(1, Math.min(ASSUMPTIONS.zonesPerRegion.value, perRegion));
  return { instances: Math.ceil(perRegion / zones), zones };
}


/**
 * One region lost (docs/design.md, "Failure table"). In one region the service is gone until the region returns.
 * With more, the item's region scope decides: `local` state of that region is lost (unless concurrent writes merge,
 * so every region holds a copy up to the replication lag), `home` owners fail over to another region up to the lag,
 * `global` items lose nothing (every acknowledged write waited for another region). An item with `residency` fails
 * over only inside its group: a group of one region cannot take it over.
 */
export function regionLoss(x: FailureInput, scope: RegionScope): Cell {
  const { ctx, item, store } = x;
  const unit = unitOf(x);
  const regions = ctx.req.traffic.regions;
  const noun = unit.replace(/s$/, '');
  const lag = ASSUMPTIONS.crossRegionLagSeconds.value;
  const lagSource = `assumptions.crossRegionLagSeconds ${f(lag)} (${ASSUMPTIONS.crossRegionLagSeconds.source})`;
  if (store === 'none') {
    return { lost: 'in-flight', affected: shareOf(item.owners, regions), unit, rtoSeconds: regions >= 2 ? 0 : null, because: `${item.name} is request-scoped: requests in flight in the lost region fail${regions >= 2 ? ' and are retried in another' : ', and the service is down until the region returns'}`, source: 'traffic.regions', assumed: assumedCount(x) };
  }
  if (store === 'client-token') {
    return { lost: 'nothing', affected: 0, unit, rtoSeconds: regions >= 2 ? 0 : null, because: `the client holds ${item.name}${regions >= 2 ? ': its requests go to another region' : ', but with one region nothing serves it until the region returns'}`, source: 'traffic.regions', assumed: false };
  }
  if (store === 'in-process-copy') {
    return regions >= 2 ? { lost: 'nothing', affected: 0, unit, rtoSeconds: 0, because: `every region's instances hold their own copy of ${item.name}`, source: 'traffic.regions', assumed: false }
      : { lost: 'nothing', affected: 0, unit, rtoSeconds: null, because: `${item.name} is a copy of data whose source lives elsewhere: nothing of it is lost, but with one region nothing serves until the region returns`, source: 'traffic.regions', assumed: false };
  }
  if (regions < 2) {
    return { lost: 'all', affected: item.owners, unit, rtoSeconds: null, because: `one region (traffic.regions 1): no copy of ${item.name} runs elsewhere, so the service and its ${count(f(item.owners), noun)} are gone until the region returns (or backups kept elsewhere are restored)`, source: 'traffic.regions', assumed: assumedCount(x) };
  }
  // A resident item's owners all live in its group's regions (invariant 14): losing one of those takes a share of
  // the group, not of every region.
  const spread = item.residencyRegions;
  const share = shareOf(item.owners, spread);
  const group = item.residency;
  const groupRegions = group === undefined ? undefined : ctx.req.traffic.regionGroups?.[group];
  const stranded = groupRegions !== undefined && groupRegions < 2;
  const inRegion = `about ${count(f(share), noun)} of ${spread < regions ? `the ${count(spread, 'region')} of group ${group}` : count(regions, 'region')}`;
  // Sticky memory and an asynchronous cache have no synchronous copy in another region, whatever the scope says.
  const synchronousCopy = store !== 'in-process-sticky' && store !== 'distributed-cache';
  if (scope === 'global' && synchronousCopy) {
    if (stranded) return strandedCell(x, item.owners, group!);
    const rto = rtoOf(x);
    return { lost: 'nothing', affected: item.owners, unit, rtoSeconds: rto, because: `every acknowledged write of ${item.name} already waited for another region (region scope global): nothing is lost; its ${count(f(item.owners), noun)} wait ${f(rto)} s for a writer in another region`, source: profileSource(x, ['failoverSeconds']), assumed: true };
  }
  if (scope === 'local' && item.merge === 'none' || !DURABLE_STORES.has(store) && scope !== 'local') {
    // Each region's own (caches, sessions, memory): nothing copies it to another region.
    const refill = item.kind === 'derived' ? '; a cache of a durable source refills from it' : '';
    return { lost: 'all', affected: share, unit, rtoSeconds: rtoOf(x), because: `${item.name} has no copy in another region (region scope ${scope}, ${store.startsWith('in-process') ? 'instance memory' : store}): ${inRegion} lose theirs with the region and start over in another${refill}`, source: profileSource(x, ['failoverSeconds']), assumed: true };
  }
  if (stranded) return strandedCell(x, share, group!);
  const rto = rtoOf(x);
  const within = group === undefined ? '' : ` inside region group ${group} (${count(groupRegions ?? 0, 'region')}, residency)`;
  // A recovery point below the lag makes the replica in another region synchronous (state[].crossRegionReplication):
  // every acknowledged write is already there, as the placement's region sentence says.
  if (scope === 'home' && item.crossRegionReplication === 'sync') {
    return { lost: 'nothing', affected: share, unit, rtoSeconds: rto, because: `${inRegion} have their home region there: every acknowledged write of ${item.name} was already on its synchronous replica in another region${within} (failure.rpoSeconds ${f(ctx.req.failure.rpoSeconds ?? 0)} below the ~${f(lag)} s lag): nothing is lost; ${f(rto)} s to promote (${store})`, source: `failure.rpoSeconds; ${profileSource(x, ['failoverSeconds'])}`, assumed: true };
  }
  // Home (or merged local) data is copied to another region asynchronously: a failover loses up to the lag.
  const why = scope === 'home'
    ? `${inRegion} have their home region there: they fail over to another${within}, losing up to the last ${f(lag)} s of writes not yet replicated; ${f(rto)} s to promote (${store})`
    : `every region writes ${item.name} and replicates it (merge ${item.merge}): the lost region's last ${f(lag)} s of writes not yet replicated are lost for ${inRegion}${within}`;
  return { lost: 'seconds', lossSeconds: lag, affected: share, unit, rtoSeconds: scope === 'home' ? rto : 0, because: why, source: `${lagSource}; ${profileSource(x, ['failoverSeconds'])}`, assumed: true };
}

/** Residency keeps every copy inside a group of one region: losing that region leaves nowhere to fail over to. */
function strandedCell(x: FailureInput, affected: number, group: string): Cell {
  return {
    lost: 'all', affected, unit: unitOf(x), rtoSeconds: null,
    because: `${x.item.name} must stay in region group ${group} (residency), which has 1 region: no replica or failover target may leave it, so losing that region is unrecoverable within the group until it returns (${count(f(affected), unitOf(x).replace(/s$/, ''))})`,
    source: 'state[].residency; traffic.regionGroups', assumed: assumedCount(x),
  };
}
