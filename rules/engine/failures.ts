import { FAILURE_KINDS, type FailureKind, type FailureRow, type Technology } from '../contract/recommendation.ts';
import type { EvalContext } from '../model/context.ts';
import { formatNumber as f } from '../model/format.ts';
import { count } from '../contract/words.ts';
import type { CapacityAnswer, Placed } from './capacity.ts';
import { regionScopeOf } from '../model/region-scope.ts';
import { cell, inInstance, inInstanceLoss, perInstance, profileSource, assumedCount, rtoOf, shareOf, unitOf, type Cell, type FailureInput } from './failure-cell.ts';
import { instancesLostWithZone, regionLoss } from './failure-region.ts';

/**
 * The failure table of the chosen plan (docs/design.md, "Failure table"): for each item and each failure — one
 * instance, one zone, one region, one node of the store that holds it, a rolling deploy — what is lost, for how many
 * owners, and how long until it serves again. It reads only figures the engine already computed: the store profiles'
 * loss window and failover time, the rebuild time check.rto uses (recoverySeconds), the fleet and tier sizes of the
 * capacity answer, and each item's region scope.
 */
export function failureTable(ctx: EvalContext, placed: readonly Placed[], cap: CapacityAnswer): FailureRow[] {
  const rows: FailureRow[] = [];
  for (const p of placed) for (const kind of FAILURE_KINDS) rows.push(rowOf(ctx, p, cap, kind));
  return rows;
}

function rowOf(ctx: EvalContext, p: Placed, cap: CapacityAnswer, failure: FailureKind): FailureRow {
  const x: FailureInput = { ctx, item: p.item, store: p.store, profile: p.profile, cap };
  const cell = failure === 'instance' ? instanceLoss(x)
    : failure === 'zone' ? zoneLoss(x)
      : failure === 'region' ? regionLoss(x, regionScopeOf(p.item, p.store))
        : failure === 'store-node' ? storeNodeLoss(x)
          : deploy(x);
  return { state: p.item.name, failure, store: p.store, technology: (p.profile?.technology ?? 'none') as Technology, ...cell };
}

function instanceLoss(x: FailureInput): Cell {
  const unit = unitOf(x);
  const n = x.cap.instances;
  if (x.store === 'none') {
    return cell('in-flight', perInstance(x), unit, 0, `${x.item.name} is request-scoped: requests in flight on the lost instance (about ${count(perInstance(x), unit.replace(/s$/, ''))} of ${count(n, 'instance')}) fail and are retried on another`, 'capacity.instances', assumedCount(x));
  }
  if (!inInstance(x.store)) {
    const why = x.store === 'in-process-copy' ? 'every other instance holds the same copy; the replacement loads it before it takes traffic'
      : `${x.item.name} lives outside the instance (${x.store}${x.profile ? `, ${x.profile.technology}` : ''}): the load balancer retries on the other ${count(Math.max(n - 1, 0), 'instance')}`;
    return cell('nothing', 0, unit, 0, why, profileSource(x, ['failoverSeconds']), false);
  }
  return inInstanceLoss(x, perInstance(x), 'the lost instance');
}

function zoneLoss(x: FailureInput): Cell {
  const unit = unitOf(x);
  const zone = instancesLostWithZone(x.ctx, x.cap.instances);
  const zoneWhy = `a zone holds ${count(zone.instances, 'instance')} (${count(x.cap.instances, 'instance')} over ${count(zone.zones, 'zone')} per region, assumed)`;
  if (x.store === 'none') {
    const affected = Math.min(x.item.owners, zone.instances * perInstance(x));
    return cell('in-flight', affected, unit, 0, `${x.item.name} is request-scoped: requests in flight in the lost zone fail and are retried; ${zoneWhy}`, 'capacity.instances; assumptions.zonesPerRegion', true);
  }
  if (inInstance(x.store)) {
    const c = inInstanceLoss(x, Math.min(x.item.owners, zone.instances * perInstance(x)), `the zone's ${count(zone.instances, 'instance')}`);
    return { ...c, because: `${c.because}; ${zoneWhy}${x.store === 'in-process-replicated' ? ' (replicas in another zone, assumed)' : ''}` };
  }
  if (!x.profile || x.store === 'client-token' || x.store === 'in-process-copy') return instanceLoss(x);
  // The store's nodes are spread over the zones like the instances: the zone's share fails over like one node.
  // A zone is inside one region: unless the item has one writer worldwide, only that region's owners are hit (of
  // the regions the item may live in: a resident item's owners all live in its group).
  const regions = x.ctx.req.traffic.regions;
  const owners = regions >= 2 && regionScopeOf(x.item, x.store) !== 'global' ? shareOf(x.item.owners, x.item.residencyRegions) : x.item.owners;
  const c = storeNodeLoss(x, zone.zones, owners);
  return { ...c, because: `${c.because} (${count(zone.zones, 'zone')} per region assumed)` };
}

/** A node of the store that holds the item (a primary, a shard, a partition leader): its loss window and failover. */
function storeNodeLoss(x: FailureInput, parts?: number, owners = x.item.owners): Cell {
  const unit = unitOf(x);
  const p = x.profile;
  if (!p || x.store === 'none' || x.store === 'client-token' || x.store === 'in-process-copy' || inInstance(x.store)) {
    const why = x.store === 'client-token' ? 'the client holds it: no store node does'
      : x.store === 'none' ? 'request-scoped: nothing is kept'
        : `${x.item.name} is kept in instance memory: no store node holds it`;
    return cell('nothing', 0, unit, 0, why, profileSource(x, ['lossWindowSeconds']), false);
  }
  const tier = x.cap.stores.find((t) => t.store === x.store && t.technology === p.technology && t.items.includes(x.item.name));
  const nodes = Math.max(1, tier?.nodes ?? 1);
  const affected = Math.min(owners, shareOf(owners, Math.min(nodes, parts ?? nodes)));
  const share = `${count(f(affected), unit.replace(/s$/, ''))} (${f(owners)}${owners < x.item.owners ? ' in the region' : ''} over ${parts ? count(Math.min(nodes, parts), 'zone') + ' holding its nodes' : count(nodes, 'node')})`;
  const rto = rtoOf(x);
  const window = p.lossWindowSeconds ?? 0;
  const src = profileSource(x, ['lossWindowSeconds', 'failoverSeconds', 'replicas']);
  const refill = x.item.kind === 'derived' ? '; a cache of a durable source: misses that refill from it, not data lost' : '';
  // The zero loss window rests on the replicas the profile names: a tier that runs none has only the lost node's copy.
  const unreplicated = (p.replicas ?? 0) > 0 && (tier?.replicas ?? 0) === 0;
  if (unreplicated) {
    return cell('all', affected, unit, x.store === 'distributed-cache' ? rto : null,
      `${p.technology} runs no replica here (availability ${f(x.ctx.req.failure.availability)}% and no item that needs one): the node's ${share} are gone${x.store === 'distributed-cache' ? `; it serves again empty in ${f(rto)} s` : ' until its disk is reattached or restored from backup'}${refill}`, src, true);
  }
  if (window >= 1e9) return cell('all', affected, unit, rto, `${p.technology} keeps no replica: the node's ${share} are gone; its keys serve again, empty, in ${f(rto)} s${refill}`, src, true);
  if (window > 0) {
    return cell('seconds', affected, unit, rto, `${p.technology} replicates asynchronously: a failover drops up to the last ${f(window)} s of acknowledged writes of ${share}; a replica is promoted in ${f(rto)} s${refill}`, src, true, window);
  }
  if (rto === 0 && !p.replicas) return cell('nothing', 0, unit, 0, `${p.technology} stores every write on several nodes inside the service before acknowledging it: nothing is lost and nothing waits`, src, true);
  return cell('nothing', affected, unit, rto, `every acknowledged write of ${x.item.name} is on ${p.replicas ? count(p.replicas, 'more node') : 'several nodes'} before it is acknowledged: ${share} wait ${f(rto)} s for the failover`, src, true);
}

function deploy(x: FailureInput): Cell {
  const unit = unitOf(x);
  const perDay = x.ctx.req.failure.deploysPerDay;
  if (x.store === 'in-process-sticky') {
    return cell('all', x.item.owners, unit, 0, `each of ${count(f(perDay), 'deploy')} a day restarts every instance: up to ${count(f(x.item.owners), unit.replace(/s$/, ''))} lose ${x.item.name} unless each instance drains its sessions first (up to sessionMinutes ${f(x.ctx.req.traffic.sessionMinutes)})`, profileSource(x, ['lossWindowSeconds']), assumedCount(x));
  }
  if (x.store === 'in-process-checkpointed') {
    const rto = rtoOf(x);
    return cell('nothing', perInstance(x), unit, rto, `a rolling deploy stops one instance at a time: its share of ${x.item.name} (about ${count(f(perInstance(x)), unit.replace(/s$/, ''))}) is rebuilt from checkpoint and log in ${f(rto)} s; nothing acknowledged is lost`, profileSource(x, ['failoverSeconds', 'restoreMbPerSecond', 'replayMbPerSecond']), true);
  }
  if (x.store === 'in-process-replicated') {
    return cell('nothing', 0, unit, 0, `a rolling deploy hands ${x.item.name} to its replica before stopping an instance`, profileSource(x, ['lossWindowSeconds']), false);
  }
  return cell('nothing', 0, unit, 0, x.store === 'none' ? 'a rolling deploy drains the requests in flight before stopping an instance'
    : `a rolling deploy restarts instances only: ${x.item.name} lives ${x.store === 'in-process-copy' ? 'in every instance, loaded before the new one takes traffic' : `in ${x.store === 'client-token' ? 'the client' : x.store}`}`, 'failure.deploysPerDay', false);
}
