import type { Store } from '../contract/recommendation.ts';
import type { EvalContext, EvalItem } from './context.ts';
import { inputsOf } from './lineage.ts';
import { hasNodes, tierBinding, tierNodes } from './tier.ts';
import { formatNumber as f } from './format.ts';
import { ASSUMPTIONS } from './assumptions.ts';
import type { Profile } from './profile.ts';
import { regionScopeOf } from './region-scope.ts';
import { DURABLE_STORES } from './stores.ts';
import { AWAY_SHARE, CROSS_REGION_LAG_SECONDS } from './derived.ts';
import { count } from '../contract/words.ts';

/**
 * The whiteboard arithmetic behind every feasibility check: one registry of figures, each declaring what it is
 * computed from. A check in the catalogue (rules/catalog/checks.yaml) names a measure and a limit from here and
 * compares `measure ≤ limit`; the same functions size the store tiers and find the budget crossings of tipping points.
 *
 * Longer than 250 lines because it is the one registry of measures and limits: each check's arithmetic is read beside
 * the others it is compared with, and sized with the same helpers.
 */
export interface Probe { ctx: EvalContext; item: EvalItem; store: Store; profile: Profile }

export interface Figure {
  unit: string;
  /** Facts the figure reads directly (inputs or derived figures: rules/model/derived.ts). */
  reads: readonly string[];
  /** The contract inputs it is computed from, transitively (lineage, tipping points, docs): derived from `reads`. */
  inputs: readonly string[];
  /** undefined: the figure does not exist for this store (a token has no nodes), so the check does not apply. */
  value(p: Probe): number | undefined;
  /** The arithmetic in words, quoted by the check's sentences. */
  explain(p: Probe): string;
}

const MB = 1024;

/** Each figure's inputs, from the lineage of what it reads: never typed by hand. */
function withInputs(figures: Record<string, Omit<Figure, 'inputs'>>): Readonly<Record<string, Figure>> {
  return Object.fromEntries(Object.entries(figures).map(([k, f]) => [k, { ...f, inputs: inputsOf(f.reads) }]));
}
const round = (n: number) => Math.round(n * 100) / 100;
/** Milliseconds to move `kb` at the profile's per-request stream rate (0 in memory). */
const transferMs = (kb: number, p: Profile) => (p.streamMbPerSecond > 0 ? (kb / MB / p.streamMbPerSecond) * 1000 : 0);
const writeKbOf = (x: Probe) => (x.profile.wholeObjectWrites ? x.item.sizeKb : x.item.writeKb);
const readsOnRequests = (x: Probe) => x.item.readsPerSecond > 0;
/** Checkpointed memory of a stream consumer: the event is on the input log before it arrives, so no append is waited for. */
const inputLogHolds = (x: Probe) => x.store === 'in-process-checkpointed' && x.ctx.derived.source === 'stream';
/** Nodes that hold distinct data (primaries, shards) at the deployment's practical ceiling: one where writes go to one primary. */
const dataNodes = (x: Probe) => Math.max(1, x.profile.maxWriteNodes ?? 1);
/**
 * KB one access moves, which is what a store's value limit bounds: the whole value, except for a collection (a sorted
 * set, a map, rows) outside a token, whose reads and writes touch members: the larger of one read and one write.
 * A token carries the whole collection on every request.
 */
const movedKb = (x: Probe) => (x.item.shape === 'collection' && x.store !== 'client-token'
  ? Math.max(x.item.readKb, writeKbOf(x)) : x.item.sizeKb);

/**
 * The tiers that replicate between regions: one writer worldwide in any store (invariant 15), and home or global
 * durable stores; local ones (caches, copies, tokens, sessions) and memory or caches kept home by residency do not.
 */
const crossesRegions = (x: Probe) => x.item.singleWriter || (regionScopeOf(x.item, x.store) !== 'local' && DURABLE_STORES.has(x.store));
/** The round trip a synchronous write across regions waits for (one writer worldwide, or a replica the RPO needs). */
const crossRegionMs = (x: Probe) => (x.item.syncWrite && crossesRegions(x) ? x.item.crossRegionWriteMs : 0);
/** The round trip the p99 request pays to reach a home-region item from away (derived.awayRttMs). */
const awayMs = (x: Probe) => ((readsOnRequests(x) || x.item.syncWrite) && regionScopeOf(x.item, x.store) === 'home' ? x.ctx.derived.awayRttMs : 0);
/** Seconds an asynchronous replica in another region lacks, where the store's tier replicates between regions. */
const regionLagSeconds = (x: Probe) => (crossesRegions(x) ? x.item.crossRegionLagSeconds : 0);
/** A failover's loss window: the store's own (profile), or the lag of the replica in another region if longer. */
function lossWindow(x: Probe): number | undefined {
  const lag = regionLagSeconds(x);
  if (lag === 0) return x.profile.lossWindowSeconds;
  return Math.max(x.profile.lossWindowSeconds ?? 0, lag);
}

/** MB/s through the store for this item: reads move what one read moves (readKb: a page, default the value), writes the delta (a whole object where no partial update exists). */
export function storeMbPerSecond(x: Probe): number {
  return (x.item.readsPerSecond * x.item.readKb + x.item.deliveriesPerSecond * writeKbOf(x)) / MB;
}

/** The written part of storeMbPerSecond: what a store whose writes are dearer than its reads sizes on. */
export function storeWriteMbPerSecond(x: Probe): number {
  return (x.item.deliveriesPerSecond * writeKbOf(x)) / MB;
}

/** KB every instance applies per change of an in-process copy: the delta of a collection (an index, rows), else the whole value. */
const refreshKb = (x: Probe) => (x.item.shape === 'collection' ? x.item.writeKb : x.item.sizeKb);
const fanoutText = (x: Probe) => (x.item.fanout > 1 ? ` × fanout ${f(x.item.fanout)}` : '');

/** Memory the store holds for this item (caches only: databases, logs and object stores keep it on disk). */
export function storeMemoryMb(x: Probe): number {
  return x.store === 'distributed-cache' ? x.item.totalMb * ASSUMPTIONS.cacheOverhead.value : 0;
}

export const MEASURES: Readonly<Record<string, Figure>> = withInputs({
  accessMs: {
    unit: 'ms',
    reads: ['state[].readsPerSecond', 'state[].readKb', 'state[].sizeKb', 'state[].syncWrite', 'state[].writeKb', 'derived.source', 'state[].crossRegionWriteMs',
      'derived.awayRttMs', 'state[].singleWriter', 'state[].residencyConfined', 'state[].merge', 'state[].scope'],
    value: (x) => (readsOnRequests(x) ? x.profile.readMs + transferMs(x.item.readKb, x.profile) : 0)
      + (x.item.syncWrite && !inputLogHolds(x) ? x.profile.writeMs + transferMs(writeKbOf(x), x.profile) : 0)
      + crossRegionMs(x) + awayMs(x),
    explain: (x) => {
      const parts: string[] = [];
      if (readsOnRequests(x)) {
        parts.push(x.profile.readMs < 0.01 ? 'a memory read (microseconds)' : `a ${f(x.profile.readMs)} ms read`);
        const t = transferMs(x.item.readKb, x.profile);
        if (t >= 0.01) parts.push(`${f(round(t))} ms to move ${sizeText(x.item.readKb)} at ${f(x.profile.streamMbPerSecond)} MB/s`);
      }
      if (x.item.syncWrite && inputLogHolds(x)) parts.push('no log append on the request path (the input log already holds the event)');
      else if (x.item.syncWrite) parts.push(`a ${f(x.profile.writeMs)} ms acknowledged write`);
      const assumed = x.ctx.req.constraints.interRegionRttMs === undefined ? '; ~70 ms assumed, set constraints.interRegionRttMs' : '';
      if (crossRegionMs(x) > 0) {
        parts.push(x.item.singleWriter
          ? `a ${f(x.item.crossRegionWriteMs)} ms round trip between ${count(x.ctx.req.traffic.regions, 'region')} (one writer worldwide: strong, ${x.item.owner}, merge none${assumed})`
          : `a ${f(x.item.crossRegionWriteMs)} ms round trip to the synchronous replica in another region${x.item.residencyConfined ? ' of its residency group' : ''} (failure.rpoSeconds ${f(x.ctx.req.failure.rpoSeconds ?? 0)} < the ~${f(CROSS_REGION_LAG_SECONDS)} s lag of asynchronous replication${assumed})`);
      }
      if (awayMs(x) > 0) {
        const share = x.ctx.req.traffic.awayShare;
        // The assumed round trip is said once per sentence.
        parts.push(`a ${f(awayMs(x))} ms round trip to the owner's home region (awayShare ${f((share ?? AWAY_SHARE) * 100)}%${share === undefined ? ' assumed' : ''} > 1% of requests are served away from home, so the p99 request is one of them${crossRegionMs(x) > 0 ? '' : assumed})`);
      }
      return parts.length ? parts.join(' + ') : 'no access on the request path';
    },
  },
  valueKb: {
    unit: 'KB',
    reads: ['state[].sizeKb', 'state[].shape', 'state[].readKb', 'state[].writeKb'],
    value: (x) => movedKb(x),
    explain: (x) => (movedKb(x) === x.item.sizeKb ? `one value is ${sizeText(x.item.sizeKb)}`
      : `one read moves ${sizeText(x.item.readKb)} and one write ${sizeText(writeKbOf(x))} of the ${sizeText(x.item.sizeKb)} collection (shape: collection)`),
  },
  storedGbPerNode: {
    unit: 'GB',
    reads: ['state[].totalMb'],
    // Only nodes that hold distinct data share the bytes (primaries, shards): replicas copy them.
    value: (x) => (x.profile.storageGbPerNode === undefined ? undefined : x.item.totalMb / MB / dataNodes(x)),
    explain: (x) => `${f(x.item.owners)} × ${sizeText(x.item.sizeKb)} = ${sizeText(x.item.totalMb * MB)}${dataNodes(x) > 1
      ? ` spread over at most ${f(dataNodes(x))} ${x.profile.technology} nodes that hold distinct data` : ` on one ${x.profile.technology} primary (replicas copy it, they do not share it)`}`,
  },
  writesPerSecond: {
    unit: 'writes/s',
    reads: ['state[].deliveriesPerSecond'],
    value: (x) => x.item.deliveriesPerSecond,
    explain: (x) => `${count(f(x.item.owners), 'owner')} × ${f(x.item.writesPerMinute)} writes/min ÷ 60${fanoutText(x)}`,
  },
  nodes: {
    unit: 'nodes',
    reads: ['state[].readsPerSecond', 'state[].deliveriesPerSecond', 'state[].readKb', 'state[].sizeKb', 'state[].writeKb', 'state[].totalMb'],
    value: (x) => nodesNeeded(x),
    explain: (x) => nodesWhy(x),
  },
  instanceMbPerSecond: {
    unit: 'MB/s',
    reads: ['state[].readsPerSecond', 'state[].writesPerSecond', 'state[].deliveriesPerSecond', 'state[].readKb', 'state[].sizeKb', 'state[].writeKb', 'state[].shape', 'derived.fleetInstances'],
    value: (x) => instanceMbPerSecond(x),
    explain: (x) => instanceTrafficWhy(x),
  },
  instanceMemoryMb: {
    unit: 'MB',
    reads: ['state[].owners', 'state[].sizeKb'],
    value: (x) => (x.store === 'in-process-copy' ? (x.item.owners * x.item.sizeKb) / MB : x.item.sizeKb / MB),
    explain: (x) => (x.store === 'in-process-copy'
      ? `every instance holds the whole copy: ${f(x.item.owners)} × ${sizeText(x.item.sizeKb)}`
      : `one owner's ${x.item.name} (${sizeText(x.item.sizeKb)}) must fit in one instance`),
  },
  acknowledgedWriteLoss: {
    unit: 'writes lost on failover',
    reads: [],
    value: (x) => (x.profile.losesAcknowledgedWrites ? 1 : 0),
    explain: (x) => (x.profile.losesAcknowledgedWrites ? `${x.profile.technology} can lose acknowledged writes on failover (per its profile; docs/rules.md cites the source)` : 'acknowledged writes survive a failover'),
  },
  lossWindowSeconds: {
    unit: 's',
    reads: ['state[].crossRegionLagSeconds', 'state[].singleWriter', 'state[].residencyConfined', 'state[].merge', 'state[].scope'],
    value: (x) => lossWindow(x),
    explain: (x) => {
      const lag = regionLagSeconds(x);
      const own = lossWindowText(x.profile.lossWindowSeconds ?? 0, x.profile.technology);
      if (lag === 0) return own;
      return `${own}; its replica in another region lags ~${f(lag)} s (asynchronous replication between regions, assumed), so a region loss loses up to ${f(lossWindow(x) ?? lag)} s`;
    },
  },
  recoverySeconds: {
    unit: 's',
    reads: ['state[].totalMb', 'state[].writesPerSecond', 'state[].writeKb', 'derived.fleetInstances'],
    value: (x) => recoverySeconds(x)?.total,
    explain: (x) => {
      const r = recoverySeconds(x);
      if (!r) return '';
      if (r.restore === undefined) return `${x.profile.technology} serves again ${f(r.total)} s after losing a node (detection and promotion, per its profile)`;
      return `${f(x.profile.failoverSeconds ?? 0)} s to notice + ${f(round(r.stateMb))} MB of checkpoint ÷ ${f(x.profile.restoreMbPerSecond ?? 0)} MB/s + ${f(round(r.logMb))} MB of log since the checkpoint (${f(x.profile.checkpointIntervalSeconds ?? 0)} s of writes) ÷ ${f(x.profile.replayMbPerSecond ?? 0)} MB/s, for one instance's share of ${x.item.name}`;
    },
  },
  keyLookupsPerSecond: {
    unit: 'lookups/s',
    reads: ['state[].hotPath', 'state[].readsPerSecond'],
    value: (x) => (x.item.hotPath && !x.profile.keyLookups ? x.item.readsPerSecond : 0),
    explain: (x) => `${f(round(x.item.readsPerSecond))} lookups/s by key on the request path`,
  },
});

export const LIMITS: Readonly<Record<string, Figure>> = withInputs({
  budgetMs: {
    unit: 'ms',
    reads: ['latency.p99Ms', 'state[].hotPath'],
    value: (x) => budgetMs(x.ctx, x.item),
    explain: (x) => (x.item.hotPath
      ? `${f(ASSUMPTIONS.stateShareOfBudget.value * 100)}% of latency.p99Ms ${f(x.ctx.req.latency.p99Ms)} is left for state (an assumption: see capacity.assumptions)`
      : `latency.p99Ms ${f(x.ctx.req.latency.p99Ms)} (the item is off the hot path: only the requests that read it wait)`),
  },
  maxValueKb: {
    unit: 'KB',
    reads: [],
    value: (x) => x.profile.maxValueKb,
    explain: (x) => `${x.profile.technology} holds ${sizeText(x.profile.maxValueKb ?? 0)} per value in practice${x.profile.hardMaxValueKb && x.profile.hardMaxValueKb !== x.profile.maxValueKb ? ` (hard limit ${sizeText(x.profile.hardMaxValueKb)})` : ''} per its profile (docs/rules.md cites the source)`,
  },
  writeCapacity: {
    unit: 'writes/s',
    reads: [],
    value: (x) => (x.profile.writesPerNode === undefined || x.profile.maxWriteNodes === undefined ? undefined : x.profile.writesPerNode * x.profile.maxWriteNodes),
    explain: (x) => `${x.profile.technology} takes ~${f(x.profile.writesPerNode ?? 0)} writes/s per node × at most ${count(f(x.profile.maxWriteNodes ?? 0), 'write node')}, assumed per its profile (docs/rules.md cites the source)`,
  },
  maxNodes: {
    unit: 'nodes',
    reads: [],
    value: (x) => x.profile.maxNodes,
    explain: (x) => `a ${x.profile.technology} deployment runs at most ~${f(x.profile.maxNodes ?? 0)} nodes, assumed per its profile (docs/rules.md cites the source)`,
  },
  networkMbPerSecond: {
    unit: 'MB/s',
    reads: ['constraints.instance.networkMbps'],
    value: (x) => x.ctx.req.constraints.instance.networkMbps / 8,
    explain: (x) => `constraints.instance.networkMbps ${f(x.ctx.req.constraints.instance.networkMbps)} ÷ 8`,
  },
  storageGbPerNode: {
    unit: 'GB',
    reads: [],
    value: (x) => x.profile.storageGbPerNode,
    explain: (x) => `${x.profile.technology} stores ~${sizeText((x.profile.storageGbPerNode ?? 0) * MB * MB)} per node in practice, assumed per its profile (docs/rules.md cites the source)`,
  },
  memoryMb: {
    unit: 'MB',
    reads: ['constraints.instance.memoryMb'],
    value: (x) => x.ctx.req.constraints.instance.memoryMb,
    explain: (x) => `constraints.instance.memoryMb ${f(x.ctx.req.constraints.instance.memoryMb)}`,
  },
  rpoSeconds: {
    unit: 's',
    reads: ['failure.rpoSeconds'],
    value: (x) => x.ctx.req.failure.rpoSeconds,
    explain: (x) => `failure.rpoSeconds ${f(x.ctx.req.failure.rpoSeconds ?? 0)}`,
  },
  rtoSeconds: {
    unit: 's',
    reads: ['failure.rtoSeconds'],
    value: (x) => x.ctx.req.failure.rtoSeconds,
    explain: (x) => `failure.rtoSeconds ${f(x.ctx.req.failure.rtoSeconds ?? 0)}`,
  },
  zero: {
    unit: '',
    reads: [],
    value: () => 0,
    explain: () => 'none may be',
  },
});

/** The budget a state access must fit: a share of the p99 for hot-path items, the whole p99 for the rest. */
export function budgetMs(ctx: EvalContext, item: EvalItem): number {
  const p99 = ctx.req.latency.p99Ms;
  return item.hotPath ? p99 * ASSUMPTIONS.stateShareOfBudget.value : p99;
}

/** Nodes (shards, partitions, prefixes) a store needs for this item alone; undefined for stores without nodes. */
export function nodesNeeded(x: Probe): number | undefined {
  if (!hasNodes(x.profile)) return undefined;
  return tierNodes(x.profile, x.item.readsPerSecond, x.item.deliveriesPerSecond, storeMbPerSecond(x), storeWriteMbPerSecond(x), storeMemoryMb(x));
}

function nodesWhy(x: Probe): string {
  const p = x.profile;
  if (!hasNodes(p)) return '';
  const mbps = storeMbPerSecond(x);
  const memory = storeMemoryMb(x);
  const written = storeWriteMbPerSecond(x);
  const [binding] = tierBinding(p, x.item.readsPerSecond, x.item.deliveriesPerSecond, mbps, written, memory);
  switch (binding) {
    case 'reads': return `${f(round(x.item.readsPerSecond))} reads/s ÷ ${f(p.readsPerNode!)} per node`;
    case 'writes': return `${f(round(x.item.deliveriesPerSecond))} writes/s${fanoutText(x)} ÷ ${f(p.writesPerNode!)} per node`;
    case 'mbPerSecond': return `${f(round(mbps))} MB/s ÷ ${f(p.mbPerSecondPerNode!)} MB/s per node`;
    case 'writeMbPerSecond': return `${f(round(written))} MB/s written ÷ ${f(p.writeMbPerSecondPerNode!)} MB/s of writes per node`;
    case 'memory': return `${f(round(memory))} MB of memory ÷ ${f(p.memoryMbPerNode!)} MB per node`;
  }
}

/** MB/s one instance moves for this item at peak: the store traffic shared by the fleet sized for load and availability. */
export function instanceMbPerSecond(x: Probe): number {
  const { item, store, ctx } = x;
  if (store === 'in-process-sticky' || store === 'none') return 0;
  // Every instance applies every change to its copy: that traffic cannot be shared out. A collection (an index, rows)
  // takes the delta (writeKb); a value is replaced whole.
  if (store === 'in-process-copy') return (item.writesPerSecond * refreshKb(x)) / MB;
  // Replicated memory copies each write to a replica; checkpointed memory appends it to the log: the same bytes out,
  // and each write is delivered to its `fanout` readers from the instances.
  if (store === 'in-process-replicated' || store === 'in-process-checkpointed') return (item.deliveriesPerSecond * item.writeKb) / MB / ctx.derived.fleetInstances;
  return storeMbPerSecond(x) / ctx.derived.fleetInstances;
}

function instanceTrafficWhy(x: Probe): string {
  const { item, store, ctx } = x;
  const n = ctx.derived.fleetInstances;
  if (store === 'in-process-sticky' || store === 'none') return 'nothing crosses the network';
  if (store === 'in-process-copy') {
    return item.shape === 'collection'
      ? `every instance applies the ${sizeText(item.writeKb)} delta of each of ${f(round(item.writesPerSecond))} changes/s to its copy (shape: collection)`
      : `every instance reloads the whole ${sizeText(item.sizeKb)} on each of ${f(round(item.writesPerSecond))} changes/s`;
  }
  if (store === 'in-process-replicated') return `${f(round(item.writesPerSecond))} writes/s${fanoutText(x)} × ${sizeText(item.writeKb)} copied to a replica, shared by ${count(n, 'instance')} for load and availability`;
  if (store === 'in-process-checkpointed') return `${f(round(item.writesPerSecond))} writes/s${fanoutText(x)} × ${sizeText(item.writeKb)} appended to the log, shared by ${count(n, 'instance')} for load and availability`;
  return `${f(round(storeMbPerSecond(x)))} MB/s of reads and writes shared by ${count(n, 'instance')} for load and availability`;
}

/** "nothing", "up to 1 s", "everything it held": a loss window the way people say it. */
export function lossWindowText(seconds: number, technology: string): string {
  if (seconds === 0) return `${technology} loses no acknowledged write on failover`;
  if (seconds >= 1e9) return `${technology} loses everything the lost node held (no replica)`;
  return `${technology} can lose the last ${f(seconds)} s of acknowledged writes on failover`;
}

/**
 * Seconds until the item serves again after losing the node (or instance) that holds it: the profile's failover
 * time; for checkpointed memory also one instance's share of the item read back from its checkpoint and the log
 * written since the checkpoint replayed (docs/design.md, "Round 3"). undefined: the profile gives no failover time.
 */
export function recoverySeconds(x: Probe): { total: number; stateMb: number; logMb: number; restore?: number; replay?: number } | undefined {
  const p = x.profile;
  if (p.failoverSeconds === undefined) return undefined;
  if (p.restoreMbPerSecond === undefined || p.replayMbPerSecond === undefined || p.checkpointIntervalSeconds === undefined) {
    return { total: p.failoverSeconds, stateMb: 0, logMb: 0 };
  }
  const n = x.ctx.derived.fleetInstances;
  const stateMb = x.item.totalMb / n;
  const logMb = (x.item.writesPerSecond / n) * p.checkpointIntervalSeconds * x.item.writeKb / MB;
  const restore = p.restoreMbPerSecond > 0 ? stateMb / p.restoreMbPerSecond : 0;
  const replay = p.replayMbPerSecond > 0 ? logMb / p.replayMbPerSecond : 0;
  return { total: p.failoverSeconds + restore + replay, stateMb, logMb, restore, replay };
}

/** 0.5 KB, 20 MB, 3 GB: sizes the way people say them. */
export function sizeText(kb: number): string {
  if (kb >= MB * MB) return `${f(round(kb / MB / MB))} GB`;
  if (kb >= MB) return `${f(round(kb / MB))} MB`;
  return `${f(round(kb))} KB`;
}
