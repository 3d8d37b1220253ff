import type { Capacity, Store } from '../contract/recommendation.ts';
import { REQUESTS_PER_SESSION, round, SESSIONS_PER_SHARED_OBJECT, type EvalContext } from './context.ts';
import { formatNumber as f } from '../catalog/template.ts';

/**
 * Capacity arithmetic for the chosen plan. Every figure comes with the assumption it rests on; the constants are
 * deliberately round, documented defaults a reviewer can argue with.
 */
export const RPS_PER_INSTANCE = 500;
export const STATE_MEMORY_PER_INSTANCE_MB = 1024;
export const CACHE_OVERHEAD = 1.3;
export const NON_HOT_READ_SHARE = 0.1;
/** Typical read round trip per store, in ms (in process ~0, cache < 1, database 5–20). */
export const ROUND_TRIP_MS: Record<Store, number> = {
  'none': 0, 'client-token': 0, 'in-process-sticky': 0, 'in-process-replicated': 0,
  'distributed-cache': 1, 'durable-log': 5, 'database': 10,
};

export interface CapacityAnswer extends Capacity {
  /** Instances that would be needed for availability alone, load alone, and memory alone. */
  floor: { availability: number; load: number; memory: number };
  inProcessItems: number;
  cacheItems: number;
  tokenKb: number;
  hotPathMs: number;
  sessionsLostPerInstanceLoss: number;
}

export function capacity(ctx: EvalContext, stores: ReadonlyMap<string, Store>): CapacityAnswer {
  const { req, derived } = ctx;
  const { peakRps, spiky, regions, sessionMinutes } = req.traffic;
  const assumptions: string[] = [];
  if (derived.concurrentSessionsDerived) {
    assumptions.push(`concurrentSessions ${f(derived.concurrentSessions)} from Little's law: peakRps ${f(peakRps)} ÷ ${REQUESTS_PER_SESSION} requests per session × sessionMinutes ${f(sessionMinutes)} × 60 s`);
  } else assumptions.push(`concurrentSessions ${f(derived.concurrentSessions)} as given`);

  const headroom = spiky ? 1.5 : 1.2;
  const load = Math.max(1, Math.ceil((peakRps * headroom) / RPS_PER_INSTANCE));
  assumptions.push(`${RPS_PER_INSTANCE} requests/s per instance with ${Math.round((headroom - 1) * 100)}% headroom${spiky ? ' for spiky traffic' : ''}: ${load} instance(s) for load`);
  const perRegion = req.failure.availability >= 99.95 ? 3 : req.failure.availability >= 99 ? 2 : 1;
  const availability = perRegion * regions;
  assumptions.push(`availability ${f(req.failure.availability)}% needs ${perRegion} instance(s) per region to survive a loss, × ${regions} region(s) = ${availability}`);

  let inProcessTotal = 0;
  let inProcessItems = 0;
  let cacheMb = 0;
  let cacheItems = 0;
  let tokenKb = 0;
  let reads = 0;
  let writes = 0;
  let hotPathMs = 0;
  let sticky = false;
  for (const item of ctx.items) {
    const store = stores.get(item.name);
    if (!store || store === 'none') continue;
    if (item.hotPath) hotPathMs += ROUND_TRIP_MS[store];
    if (store === 'in-process-sticky' || store === 'in-process-replicated') {
      inProcessTotal += item.totalMb * (store === 'in-process-replicated' ? 2 : 1);
      inProcessItems++;
      if (store === 'in-process-sticky' && item.scope === 'session') sticky = true;
      continue;
    }
    if (store === 'client-token') { tokenKb += item.sizeKb; continue; }
    if (store === 'distributed-cache') { cacheMb += item.totalMb * CACHE_OVERHEAD; cacheItems++; }
    reads += item.hotPath ? peakRps : peakRps * NON_HOT_READ_SHARE;
    writes += item.writesPerSecond;
  }
  const memory = inProcessTotal > 0 ? Math.ceil(inProcessTotal / STATE_MEMORY_PER_INSTANCE_MB) : 0;
  const instances = Math.max(1, load, availability, memory);
  if (inProcessItems > 0) {
    assumptions.push(`in-process state ${f(round(inProcessTotal))} MB across the fleet (replicated items counted twice); ${STATE_MEMORY_PER_INSTANCE_MB} MB of state per instance at most: ${memory} instance(s) for memory`);
  }
  if (cacheItems > 0) assumptions.push(`cache memory is the items' total size × ${CACHE_OVERHEAD} for keys, TTL metadata and fragmentation`);
  if (reads > 0) assumptions.push(`every request reads each hot-path item from its store once; other items are read by ${NON_HOT_READ_SHARE * 100}% of requests`);
  const shared = ctx.items.some((i) => i.owner === 'shared');
  if (shared) assumptions.push(`one shared object per ${SESSIONS_PER_SHARED_OBJECT} sessions`);

  return {
    concurrentSessions: derived.concurrentSessions,
    instances,
    inProcessMemoryMb: round(inProcessTotal / instances),
    externalStoreMemoryMb: round(cacheMb),
    externalReadsPerSecond: round(reads),
    externalWritesPerSecond: round(writes),
    assumptions,
    floor: { availability, load, memory },
    inProcessItems,
    cacheItems,
    tokenKb: round(tokenKb),
    hotPathMs,
    sessionsLostPerInstanceLoss: sticky ? Math.ceil(derived.concurrentSessions / instances) : 0,
  };
}
