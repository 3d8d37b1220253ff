import type { Capacity, Store, Technology } from '../contract/recommendation.ts';
import { REQUESTS_PER_SESSION, round, SESSIONS_PER_SHARED_OBJECT } from '../model/derived.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import { formatNumber as f } from '../model/format.ts';
import { ASSUMPTIONS } from '../model/assumptions.ts';
import { MEASURES, storeMbPerSecond, storeMemoryMb, storeWriteMbPerSecond, type Probe } from '../model/measures.ts';
import type { Profile } from '../model/profile.ts';
import { STORE_INFO } from '../model/stores.ts';
import { figure } from './feasibility.ts';
import { within } from '../model/tolerance.ts';
import { tierNodes } from '../model/tier.ts';
import { availabilityInstances, headroomOf, instancesPerRegion, loadInstances, MAX_COUNT } from '../model/fleet.ts';
import { count } from '../contract/words.ts';
import { streamKeyRate } from '../model/stream-keys.ts';

/**
 * Capacity arithmetic for one plan: instances = max(load, memory, availability) from constraints.instance, each
 * external store tier sized from the items placed in it, and the state access a request waits for against the
 * budget. Every figure comes with the assumption it rests on and where that assumption comes from.
 */
export interface CapacityAnswer extends Capacity {
  /** Instances that would be needed for availability alone, load alone, and memory alone. */
  floor: { availability: number; load: number; memory: number };
  inProcessItems: number;
  /** MB of read-only copies every instance holds (part of inProcessMemoryMb). */
  copyMemoryMb: number;
  /** MB of pinned state (sticky, replicated, checkpointed) each instance holds: the rest of inProcessMemoryMb. */
  pinnedMemoryMb: number;
  cacheItems: number;
  tokenKb: number;
  sessionsLostPerInstanceLoss: number;
}

/** Where each item lives in a plan, and the technology that runs it. */
export interface Placed { item: EvalItem; store: Store; profile: Profile | undefined }

export function capacity(ctx: EvalContext, placed: readonly Placed[]): CapacityAnswer {
  const { req, derived } = ctx;
  const { peakRps, regions, sessionMinutes } = req.traffic;
  const { memoryMb, rps } = req.constraints.instance;
  const assumptions: string[] = [];
  if (derived.source === 'stream') assumptions.push(streamKeysAssumption(ctx));
  else if (derived.concurrentSessionsDerived) {
    assumptions.push(`concurrentSessions ${f(derived.concurrentSessions)} from Little's law: peakRps ${f(peakRps)} ÷ ${REQUESTS_PER_SESSION} requests per session × sessionMinutes ${f(sessionMinutes)} × 60 s (assumed: ${ASSUMPTIONS.requestsPerSession.source})`);
  } else assumptions.push(`concurrentSessions ${f(derived.concurrentSessions)} as given`);

  const headroom = headroomOf(req);
  const load = loadInstances(req);
  assumptions.push(`load: peakRps ${f(peakRps)} × ${headroom.value} ÷ constraints.instance.rps ${f(rps)} = ${count(load, 'instance')} (assumed: ${headroom.source})`);
  const perRegion = instancesPerRegion(req.failure.availability);
  const availability = availabilityInstances(req);
  assumptions.push(`availability ${f(req.failure.availability)}% needs ${count(perRegion, 'instance')} per region to survive a loss, × ${count(regions, 'region')} = ${availability}`);

  let copiesMb = 0;
  let pinnedMb = 0;
  let inProcessItems = 0;
  let cacheItems = 0;
  let tokenKb = 0;
  let reads = 0;
  let writes = 0;
  let hotPathMs = 0;
  let sticky = false;
  const tiers = new Map<string, { store: Store; profile: Profile; items: string[]; reads: number; writes: number; mbps: number; writeMbps: number; memory: number; durable: string[] }>();
  for (const { item, store, profile } of placed) {
    if (store === 'none' || !profile) continue;
    const probe: Probe = { ctx, item, store, profile };
    if (item.hotPath) hotPathMs = Math.max(hotPathMs, MEASURES['accessMs']!.value(probe) ?? 0);
    if (store === 'in-process-copy') { copiesMb += item.totalMb; inProcessItems++; continue; }
    if (STORE_INFO[store].stateful) {
      pinnedMb += item.totalMb * (store === 'in-process-replicated' ? 2 : 1);
      inProcessItems++;
      if (store === 'in-process-sticky' && item.scope !== 'request') sticky = true;
      continue;
    }
    if (store === 'client-token') { tokenKb += item.sizeKb; continue; }
    if (!STORE_INFO[store].tier) continue;
    if (store === 'distributed-cache') cacheItems++;
    reads += item.readsPerSecond;
    writes += item.deliveriesPerSecond;
    const key = `${store}/${profile.technology}`;
    const tier = tiers.get(key) ?? { store, profile, items: [], reads: 0, writes: 0, mbps: 0, writeMbps: 0, memory: 0, durable: [] };
    tier.items.push(item.name);
    if (needsNoAcknowledgedLoss(ctx, item)) tier.durable.push(item.name);
    tier.reads += item.readsPerSecond;
    tier.writes += item.deliveriesPerSecond;
    tier.mbps += storeMbPerSecond(probe);
    tier.writeMbps += storeWriteMbPerSecond(probe);
    tier.memory += storeMemoryMb(probe);
    tiers.set(key, tier);
  }
  // Every instance holds every copy; pinned state shares what is left.
  const forPinned = Math.max(memoryMb - copiesMb, memoryMb * 0.1);
  const memory = pinnedMb > 0 ? Math.min(MAX_COUNT, Math.ceil(pinnedMb / forPinned)) : 0;
  const instances = Math.max(1, load, availability, memory);
  if (copiesMb > 0) assumptions.push(`every instance holds ${f(round(copiesMb))} MB of read-only copies, loaded at start and reloaded when their source changes`);
  if (pinnedMb > 0) {
    assumptions.push(`in-process state ${f(round(pinnedMb))} MB across the fleet (replicated items counted twice) ÷ ${f(round(forPinned))} MB per instance (constraints.instance.memoryMb ${f(memoryMb)}${copiesMb > 0 ? ' less the copies' : ''}) = ${count(memory, 'instance')} for memory`);
  }
  const stores: Capacity['stores'] = [];
  for (const t of tiers.values()) {
    const p = t.profile;
    // Capped where the arithmetic stops meaning anything (and JSON integers stay exact).
    const nodes = Math.min(MAX_COUNT, tierNodes(p, t.reads, t.writes, t.mbps, t.writeMbps, t.memory));
    const replicas = tierReplicas(p, req.failure.availability, t.durable.length > 0);
    if (replicas > 0) {
      // Named up to a handful, then counted: an answer for 200 items stays readable.
      const names = t.durable.length > 5 ? `${t.durable.slice(0, 5).join(', ')} and ${count(t.durable.length - 5, 'more item')}` : t.durable.join(', ');
      const why = t.durable.length ? `${names} may not lose an acknowledged write` : `availability ${f(req.failure.availability)}% ≥ ${REPLICAS_FROM_AVAILABILITY}% needs a failover target`;
      assumptions.push(`${t.store} (${p.technology}): ${count(replicas, 'replica')} per node, because ${why} (profile: ${p.sources['replicas'] ?? 'stores.yaml'})`);
    }
    stores.push({
      store: t.store, technology: p.technology as Technology, items: t.items, nodes, replicas,
      readsPerSecond: round(t.reads), writesPerSecond: round(t.writes), mbPerSecond: round(t.mbps), memoryMb: round(t.memory),
    });
    assumptions.push(`${t.store} (${p.technology}): ${f(round(t.reads))} reads/s, ${f(round(t.writes))} writes/s, ${f(round(t.mbps))} MB/s${p.writeMbPerSecondPerNode ? ` (${f(round(t.writeMbps))} MB/s written)` : ''}${t.memory > 0 ? `, ${f(round(t.memory))} MB` : ''} → ${count(nodes, 'node')} at ~${f(p.readsPerNode ?? 0)} reads/s, ~${f(p.writesPerNode ?? 0)} writes/s${p.mbPerSecondPerNode ? `, ${f(p.mbPerSecondPerNode)} MB/s` : ''}${p.writeMbPerSecondPerNode ? `, ${f(p.writeMbPerSecondPerNode)} MB/s written` : ''}${p.memoryMbPerNode ? `, ${f(p.memoryMbPerNode)} MB` : ''} per node (profile figures, assumed: ${p.sources['readsPerNode'] ?? 'stores.yaml'})`);
  }
  if (cacheItems > 0) assumptions.push(`cache memory is the items' total size × ${ASSUMPTIONS.cacheOverhead.value} (assumed: ${ASSUMPTIONS.cacheOverhead.source})`);
  if (reads > 0) assumptions.push(`every request reads each hot-path item once; other items are read by ${ASSUMPTIONS.nonHotReadShare.value * 100}% of requests unless readsPerMinute says otherwise (assumed)`);
  const latencyBudgetMs = figure(req.latency.p99Ms * ASSUMPTIONS.stateShareOfBudget.value);
  // Within a billionth of the budget is at the budget, as the latency check counts it.
  if (hotPathMs > latencyBudgetMs && within(hotPathMs, latencyBudgetMs)) hotPathMs = latencyBudgetMs;
  assumptions.push(`state access on the hot path: ${f(round(hotPathMs))} ms of the ${f(latencyBudgetMs)} ms left for state (assumed: ${ASSUMPTIONS.stateShareOfBudget.source}; hot-path reads run in parallel, so a request waits for the slowest, plus any acknowledged write)`);
  if (ctx.items.some((i) => i.owner === 'shared' && !i.ownersGiven)) assumptions.push(`one shared object per ${SESSIONS_PER_SHARED_OBJECT} sessions (assumed: ${ASSUMPTIONS.sessionsPerSharedObject.source})`);
  for (const i of ctx.items) if (i.kindAssumed && i.kind === 'reference') assumptions.push(`${i.name} is taken as reference data: owner global, lossImpact none, written ≤ 60 times a minute (set kind to say otherwise)`);

  const pinnedPerInstance = pinnedMb / instances;
  return {
    concurrentSessions: derived.concurrentSessions,
    instances,
    inProcessMemoryMb: round(copiesMb + pinnedPerInstance),
    externalStoreMemoryMb: round([...tiers.values()].reduce((a, t) => a + t.memory, 0)),
    externalReadsPerSecond: round(reads),
    externalWritesPerSecond: round(writes),
    assumptions,
    stores,
    hotPathMs: figure(hotPathMs),
    latencyBudgetMs,
    floor: { availability, load, memory },
    inProcessItems,
    copyMemoryMb: round(copiesMb),
    pinnedMemoryMb: round(pinnedPerInstance),
    cacheItems,
    tokenKb: round(tokenKb),
    sessionsLostPerInstanceLoss: sticky ? Math.ceil(derived.concurrentSessions / instances) : 0,
  };
}

/**
 * Under traffic.source stream the requests are events and a session is a key: how many keys are live, and what that
 * figure rests on (rules/model/stream-keys.ts).
 */
function streamKeysAssumption(ctx: EvalContext): string {
  const { req, derived } = ctx;
  const { peakRps, sessionMinutes } = req.traffic;
  const lead = `traffic.source is stream: requests are ${f(peakRps)} events/s from a log or queue, no client holds a token, and a session is a key`;
  if (!derived.concurrentSessionsDerived) return `${lead}; ${f(derived.concurrentSessions)} live keys (traffic.concurrentSessions as given)`;
  const rate = streamKeyRate(req);
  if (rate && rate.writesPerMinute < 1 / sessionMinutes) {
    return `${lead}: ${f(derived.concurrentSessions)} live keys = ${f(peakRps)} events/s × 60 × sessionMinutes ${f(sessionMinutes)} (${rate.item} is written ${f(rate.writesPerMinute)}/min per key, less than once per window, and a key with no event within the window is no longer live; Little's law over requests per session does not apply to a stream)`;
  }
  if (rate) {
    return `${lead}: ${f(derived.concurrentSessions)} live keys = ${f(peakRps)} events/s × 60 ÷ ${rate.item} writesPerMinute ${f(rate.writesPerMinute)} per key`
      + ' (each event updates its key\'s state at most once, so this is exact when every event writes it and an upper bound otherwise; Little\'s law over requests per session does not apply to a stream)';
  }
  return `${lead}: ${f(derived.concurrentSessions)} live keys = ${f(peakRps)} events/s ÷ ${ASSUMPTIONS.eventsPerKey.value} events per key × sessionMinutes ${f(sessionMinutes)} × 60 s`
    + ` (assumed: ${ASSUMPTIONS.eventsPerKey.source}; give traffic.concurrentSessions, or writesPerMinute on the keyed item read on most events)`;
}

/** From this availability a store tier runs the replicas its profile names: one node's loss must not stop it. */
export const REPLICAS_FROM_AVAILABILITY = 99;

/**
 * An item whose acknowledged writes must survive a failover (critical, a costly durable record, a session the team
 * may not lose, or any costly or critical item under a stated failure.rpoSeconds): its tier runs the replicas its
 * profile's zero loss window rests on (a synchronous standby, replication factor 3), whatever the availability.
 */
export function needsNoAcknowledgedLoss(ctx: EvalContext, item: EvalItem): boolean {
  const valuable = item.lossImpact === 'critical' || item.lossImpact === 'costly';
  return item.lossImpact === 'critical'
    || (item.lossImpact === 'costly' && item.kind === 'record' && item.scope === 'durable')
    || (item.scope === 'session' && ctx.req.failure.sessionLoss === 'unacceptable')
    || (valuable && ctx.req.failure.rpoSeconds !== undefined);
}

/** Replicas per node of a tier: the profile's, when availability or the items' durability needs them; else none. */
export function tierReplicas(p: Profile, availability: number, durable: boolean): number {
  return durable || availability >= REPLICAS_FROM_AVAILABILITY ? (p.replicas ?? 0) : 0;
}
