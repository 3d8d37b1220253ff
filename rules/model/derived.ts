import type { Kind, Requirements, StateItem } from '../contract/requirements.ts';
import { scopeOf } from '../contract/scope.ts';
import { ASSUMPTIONS } from './assumptions.ts';
import { fleetInstances } from './fleet.ts';
import { eventsPerKeyPerMinute, keysFromRate, streamKeyRate } from './stream-keys.ts';
import type { EvalItem, ItemFigures, ServiceFigures } from './context.ts';

/**
 * The one registry of derived facts: every figure the engine computes from the requirements, what it is computed
 * from, and how. The evaluation context is assembled from it (rules/engine/context.ts), and everything that must
 * know the lineage reads it here: which facts a `because` may quote (catalogue lint), which rules and checks an
 * input can reach when the tipping-point search varies it (catalogue tables, feasibility reuse), the inputs each
 * measure depends on (rules/model/measures.ts), and how a threshold on a figure maps back onto an input (`invert`).
 * Adding a figure is one entry here plus its type line in rules/model/context.ts (the compiler asks for both), and,
 * for an item figure, its line in `figuresInto` (rules/engine/context.ts; its test asks).
 *
 * Entries are computed in the order written: an entry may read the entries above it (a test checks that `from`
 * never names a later one, and that varying any input moves exactly the figures that descend from it).
 *
 * Longer than 250 lines because it is the one registry: every figure is read beside the figures it is computed from,
 * and splitting it would scatter one chain of arithmetic over several files.
 */
export interface DerivedFact<C, T> {
  /** Fact path, as rules read it. */
  id: string;
  /** Facts this figure is computed from (inputs or earlier entries). The figure always follows its own input, if any. */
  from: readonly string[];
  description: string;
  compute: (x: C) => T;
  /**
   * Inverse formulas for the tipping-point search: given the value `target` of this figure, the value of parent
   * `from[k]` that produces it (undefined where the parent does not set it, e.g. a given concurrentSessions).
   */
  invert?: Readonly<Record<string, (target: number, x: C) => number | undefined>>;
  /** Never shrinks when a parent grows (invariant 8's lint reads these). */
  grows?: boolean;
  /** A service figure over the item list: computed once the items exist. */
  afterItems?: boolean;
}

/** What an item figure is computed from: the item so far (entries above it are set), the service, the input. */
export interface ItemInput {
  /** The item being built: listed fields, then the figures above the one being computed. */
  item: EvalItem;
  source: StateItem;
  req: Requirements;
  service: ServiceFigures;
  impliedBecause: string | undefined;
}

/** Users sharing one live object (a room, a document) when nothing else is known. */
export const SESSIONS_PER_SHARED_OBJECT = ASSUMPTIONS.sessionsPerSharedObject.value;
/** Little's law: L = λW, with λ = peakRps / requests per session. Assumed, and said so in the capacity answer. */
export const REQUESTS_PER_SESSION = ASSUMPTIONS.requestsPerSession.value;
/** Lag of asynchronous replication between regions (assumed, with its source in rules/model/assumptions.ts). */
export const CROSS_REGION_LAG_SECONDS = ASSUMPTIONS.crossRegionLagSeconds.value;
/** Share of a home item's requests served away from the owner's home region, when traffic.awayShare is not given. */
export const AWAY_SHARE = ASSUMPTIONS.awayShare.value;
/** The share of requests slower than the p99: a cost paid by more of them than this is what the p99 sees. */
export const P99_TAIL = 0.01;
export const CONNECTIONS = 'connections';
/** The implied socket item's name when a listed item that is not a socket already uses `connections`. */
export const LIVE_CONNECTIONS = 'live-connections';

/** Rounds to 2 decimals so that figures print stably. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/**
 * Reference data is read-mostly, owned elsewhere and worth nothing to lose: a global item with lossImpact none written
 * at most once a second. Counters every request bumps are written far more often, so they stay records.
 */
export function kindOf(s: Pick<StateItem, 'owner' | 'lossImpact' | 'writesPerMinute'>): Kind {
  return s.owner === 'global' && s.lossImpact === 'none' && s.writesPerMinute <= 60 ? 'reference' : 'record';
}

type ItemFact<K extends keyof ItemFigures> = DerivedFact<ItemInput, ItemFigures[K]>;
type ServiceFact<K extends keyof ServiceFigures> = DerivedFact<ServiceInput, ServiceFigures[K]>;
/** Requests per session, or under source stream events per key (both assumed), for Little's law. */
const perWindow = (req: Requirements) => (req.traffic.source === 'stream' ? ASSUMPTIONS.eventsPerKey.value : REQUESTS_PER_SESSION);

/** Per-item figures, in computing order. */
export const ITEM_FIGURES: { readonly [K in keyof ItemFigures]: ItemFact<K> } = {
  scope: {
    id: 'state[].scope', from: ['state[].lifetime'],
    description: 'request (never kept), session (minutes/hours) or durable (days/forever)',
    compute: ({ source }) => scopeOf(source.lifetime),
  },
  // A listed item named `connections` in a realtime service stands for the sockets themselves. A socket lives for the
  // session: a request-scoped or durable item of that name is ordinary state, or the socket gate (in process only)
  // would leave it no store next to the request or system-of-record gates. Then the implied socket item takes
  // another name (rules/engine/context.ts, impliedItems).
  connection: {
    id: 'state[].connection', from: ['context.realtime', 'state[].scope'],
    description: 'a live socket (the implied `connections` item of a realtime service)',
    compute: ({ item, source, req, impliedBecause }) => req.context.realtime !== 'none' && item.scope === 'session'
      && (source.name === CONNECTIONS || (impliedBecause !== undefined && source.name.startsWith(LIVE_CONNECTIONS))),
  },
  // A live socket is a session's own state whatever the file says: it cannot be reference data copied everywhere.
  kind: {
    id: 'state[].kind', from: ['state[].connection', 'state[].owner', 'state[].lossImpact', 'state[].writesPerMinute'],
    description: 'record, reference or derived: as given, else inferred (docs/design.md, "Vocabulary")',
    compute: ({ item, source }) => (item.connection ? 'record' : source.kind ?? kindOf(source)),
  },
  kindAssumed: {
    id: 'state[].kindAssumed', from: ['state[].kind'], description: 'kind was not given, so it was inferred',
    compute: ({ source }) => source.kind === undefined,
  },
  owners: {
    id: 'state[].owners', from: ['state[].owner', 'derived.concurrentSessions'], grows: true,
    description: 'how many owners hold a copy at peak (sessions, users, shared objects)',
    compute: ({ source, service }) => source.owners ?? (source.owner === 'global' ? 1
      : source.owner === 'shared' ? Math.max(1, Math.ceil(service.concurrentSessions / SESSIONS_PER_SHARED_OBJECT))
        : service.concurrentSessions),
    invert: {
      'derived.concurrentSessions': (o, { source }) => (source.owner === 'global' || source.owners !== undefined ? undefined
        : o * (source.owner === 'shared' ? SESSIONS_PER_SHARED_OBJECT : 1)),
    },
  },
  ownersGiven: {
    id: 'state[].ownersGiven', from: ['state[].owners'], description: 'owners was given',
    compute: ({ source }) => source.owners !== undefined,
  },
  readsPerSecond: {
    id: 'state[].readsPerSecond', from: ['state[].readsPerMinute', 'state[].owners', 'state[].hotPath', 'traffic.peakRps'], grows: true,
    description: 'reads per second across all owners (readsPerMinute, or each request when hotPath, else 10%)',
    compute: ({ item, source, req }) => (source.readsPerMinute !== undefined ? (item.owners * source.readsPerMinute) / 60
      : source.hotPath ? req.traffic.peakRps : req.traffic.peakRps * ASSUMPTIONS.nonHotReadShare.value),
  },
  writesPerSecond: {
    id: 'state[].writesPerSecond', from: ['state[].owners', 'state[].writesPerMinute'], grows: true,
    description: 'writes per second across all owners',
    compute: ({ item, source }) => (item.owners * source.writesPerMinute) / 60,
    invert: { 'state[].owners': (w, { source }) => (source.writesPerMinute > 0 ? (w * 60) / source.writesPerMinute : undefined) },
  },
  writeKb: {
    id: 'state[].writeKb', from: ['state[].sizeKb'], description: 'KB one write moves (a delta), default sizeKb',
    compute: ({ source }) => source.writeKb ?? source.sizeKb,
  },
  writesPerRequest: {
    id: 'state[].writesPerRequest', from: ['state[].writesPerSecond', 'traffic.peakRps'],
    description: 'writes of the item per request of the service (0 when peakRps is 0)',
    compute: ({ item, req }) => (req.traffic.peakRps > 0 ? item.writesPerSecond / req.traffic.peakRps : 0),
  },
  syncWrite: {
    id: 'state[].syncWrite',
    from: ['state[].consistency', 'state[].lossImpact', 'state[].kind', 'state[].scope', 'failure.sessionLoss', 'state[].writesPerRequest'],
    description: 'a request that writes the item waits for the store to acknowledge it (on at least 1% of requests)',
    compute: ({ item, source, req }) => (source.consistency === 'strong' || source.lossImpact === 'critical'
      || (item.kind === 'record' && item.scope === 'durable' && source.lossImpact === 'costly')
      || (item.scope === 'session' && req.failure.sessionLoss === 'unacceptable'))
      && item.writesPerRequest >= ASSUMPTIONS.syncWriteShare.value,
  },
  totalMb: {
    id: 'state[].totalMb', from: ['state[].owners', 'state[].sizeKb'], grows: true, description: 'owners × sizeKb, in MB',
    compute: ({ item, source }) => round((item.owners * source.sizeKb) / 1024),
    invert: { 'state[].owners': (mb, { source }) => (mb * 1024) / source.sizeKb },
  },
  writeKbPerSecondPerOwner: {
    id: 'state[].writeKbPerSecondPerOwner', from: ['state[].writesPerMinute', 'state[].sizeKb'],
    description: 'KB per second one owner would ship if every write sent the value',
    compute: ({ source }) => round((source.writesPerMinute / 60) * source.sizeKb),
  },
  readers: {
    id: 'state[].readers', from: ['state[].owner'],
    description: 'owner (only its owner\'s own requests read it) or others: as given, else owner for session and user items',
    compute: ({ source }) => source.readers ?? (source.owner === 'session' || source.owner === 'user' ? 'owner' : 'others'),
  },
  readKb: {
    id: 'state[].readKb', from: ['state[].sizeKb'], description: 'KB one read moves (a page of a collection), default sizeKb',
    compute: ({ source }) => source.readKb ?? source.sizeKb,
  },
  fanout: {
    id: 'state[].fanout', from: [], description: 'readers each write is delivered to, default 1',
    compute: ({ source }) => source.fanout ?? 1,
  },
  deliveriesPerSecond: {
    // Each write reaches `fanout` readers (a timeline written per follower, a message pushed to each subscriber):
    // that, not the write alone, is what the store or the instances must carry.
    id: 'state[].deliveriesPerSecond', from: ['state[].writesPerSecond', 'state[].fanout'], grows: true,
    description: 'writes delivered per second: writesPerSecond × fanout',
    compute: ({ item }) => item.writesPerSecond * item.fanout,
  },
  limitsOwner: {
    id: 'state[].limitsOwner', from: [], description: 'the item limits what its owner may do (a quota, an attempt counter), default false',
    compute: ({ source }) => source.limitsOwner ?? false,
  },
  shape: {
    id: 'state[].shape', from: [], description: 'value (read and written whole) or collection (members read a few at a time), default value',
    compute: ({ source }) => source.shape ?? 'value',
  },
  merge: {
    id: 'state[].merge', from: [], description: 'how concurrent writes in two regions combine, default none (one writer)',
    compute: ({ source }) => source.merge ?? 'none',
  },
  // Invariant 15: one value many users write, that must be strongly consistent and cannot merge concurrent writes,
  // has one writer worldwide: with two regions or more, every acknowledged write agrees across them.
  singleWriter: {
    id: 'state[].singleWriter', from: ['state[].consistency', 'state[].owner', 'state[].merge'],
    description: 'one writer worldwide: strong consistency, owned shared or global, merge none',
    compute: ({ item, source }) => source.consistency === 'strong' && (source.owner === 'shared' || source.owner === 'global') && item.merge === 'none',
  },
  // Invariant 14: an item with residency is kept in the regions of its group; the rest of the service's regions
  // never hold a replica, a copy or a failover target of it.
  residencyRegions: {
    id: 'state[].residencyRegions', from: ['state[].residency', 'traffic.regionGroups', 'traffic.regions'],
    description: 'regions the item may live in: those of its residency group, else every region',
    compute: ({ source, req }) => (source.residency !== undefined ? req.traffic.regionGroups?.[source.residency] ?? req.traffic.regions : req.traffic.regions),
  },
  residencyConfined: {
    id: 'state[].residencyConfined', from: ['state[].residencyRegions', 'traffic.regions'],
    description: 'its residency group leaves out some of the service\'s regions (no replica, copy or failover there)',
    compute: ({ item, req }) => item.residencyRegions < req.traffic.regions,
  },
  // How a home or global item reaches a second region (docs/design.md, "Regions"): not at all in one region or a
  // one-region group; synchronously for one writer worldwide, and where the recovery point is shorter than the lag
  // of asynchronous replication; else asynchronously.
  crossRegionReplication: {
    id: 'state[].crossRegionReplication',
    from: ['traffic.regions', 'state[].scope', 'state[].singleWriter', 'state[].residencyRegions', 'state[].lossImpact', 'failure.rpoSeconds'],
    description: 'none, async or sync: how the item is replicated to another region (in its residency group)',
    compute: ({ item, source, req }) => {
      if (req.traffic.regions < 2) return 'none';
      if (item.singleWriter) return 'sync';
      if (item.scope === 'request') return 'none';
      if (item.residencyRegions < 2) return 'none';
      const rpo = req.failure.rpoSeconds;
      return (source.lossImpact === 'costly' || source.lossImpact === 'critical') && rpo !== undefined && rpo < CROSS_REGION_LAG_SECONDS ? 'sync' : 'async';
    },
  },
  crossRegionLagSeconds: {
    id: 'state[].crossRegionLagSeconds', from: ['state[].crossRegionReplication'],
    description: 'seconds of acknowledged writes an asynchronous replica in another region may lack (~1 s assumed; 0 otherwise)',
    compute: ({ item }) => (item.crossRegionReplication === 'async' ? CROSS_REGION_LAG_SECONDS : 0),
  },
  crossRegionWriteMs: {
    id: 'state[].crossRegionWriteMs', from: ['traffic.regions', 'state[].crossRegionReplication', 'state[].syncWrite', 'derived.interRegionRttMs'],
    description: 'the round trip between regions an acknowledged write waits for when the item is replicated synchronously across regions (0 in one region)',
    compute: ({ item, req, service }) => (req.traffic.regions >= 2 && item.crossRegionReplication === 'sync' && item.syncWrite ? service.interRegionRttMs : 0),
  },
};

/** What a service figure is computed from: the input, and the items once they exist (list figures only). */
export interface ServiceInput {
  req: Requirements;
  service: ServiceFigures;
  items: readonly EvalItem[];
}

const CACHES: readonly string[] = ['redis', 'valkey', 'memcached'];
/** Object stores hold blobs, not rows: running one is not running a database. */
const OBJECT_STORES: readonly string[] = ['s3', 'gcs', 'azure-blob', 'minio'];

/** Service figures, in computing order: those above `sessionItems` come before the items, the rest after them. */
export const SERVICE_FIGURES: { readonly [K in keyof ServiceFigures]: ServiceFact<K> } = {
  source: {
    id: 'traffic.source', from: [], description: 'who sends the requests: clients (default), services or stream',
    compute: ({ req }) => req.traffic.source ?? 'clients',
  },
  interRegionRttMs: {
    id: 'derived.interRegionRttMs', from: ['constraints.interRegionRttMs'],
    description: 'the round trip between regions: given, or ~70 ms assumed (rules/model/assumptions.ts)',
    compute: ({ req }) => req.constraints.interRegionRttMs ?? ASSUMPTIONS.interRegionRttMs.value,
  },
  // An away request reads its owner's home region across the round trip; when more than 1% of requests are away,
  // the p99 request is one of them, so the p99 pays the whole round trip (docs/design.md, "Regions").
  awayRttMs: {
    id: 'derived.awayRttMs', from: ['traffic.regions', 'traffic.awayShare', 'derived.interRegionRttMs'],
    description: 'the round trip the p99 request pays to reach a home-region item: the RTT when awayShare (default 5%) > 1%, else 0',
    compute: ({ req, service }) => (req.traffic.regions >= 2 && (req.traffic.awayShare ?? AWAY_SHARE) > P99_TAIL ? service.interRegionRttMs : 0),
  },
  // Under source stream a session is a key: with a keyed hot-path item, keys = events/s ÷ its per-key rate
  // (rules/model/stream-keys.ts); without one, the same Little's law over an assumed 20 events per key.
  concurrentSessions: {
    id: 'derived.concurrentSessions',
    from: ['traffic.concurrentSessions', 'traffic.peakRps', 'traffic.sessionMinutes', 'traffic.source', 'state[].owner', 'state[].lifetime', 'state[].hotPath', 'state[].writesPerMinute'], grows: true,
    description: 'concurrent sessions at peak (live keys of a stream): given, or Little\'s law, or events ÷ the per-key event rate',
    compute: ({ req }) => {
      if (req.traffic.concurrentSessions !== undefined) return req.traffic.concurrentSessions;
      const rate = streamKeyRate(req);
      return rate ? keysFromRate(req.traffic.peakRps, rate, req.traffic.sessionMinutes) : Math.ceil((req.traffic.peakRps / perWindow(req)) * req.traffic.sessionMinutes * 60);
    },
    invert: {
      'traffic.concurrentSessions': (cs) => cs,
      'traffic.peakRps': (cs, { req }) => {
        if (req.traffic.concurrentSessions !== undefined) return undefined;
        const rate = streamKeyRate(req);
        return rate ? (cs * eventsPerKeyPerMinute(rate, req.traffic.sessionMinutes)) / 60 : (cs * perWindow(req)) / 60 / req.traffic.sessionMinutes;
      },
      'traffic.sessionMinutes': (cs, { req }) => {
        if (req.traffic.concurrentSessions !== undefined || req.traffic.peakRps <= 0) return undefined;
        const rate = streamKeyRate(req);
        // With a keyed rate the window sets the keys only while it binds (fewer than one event per key per window).
        if (rate) return rate.writesPerMinute < 1 / req.traffic.sessionMinutes ? cs / 60 / req.traffic.peakRps : undefined;
        return (cs * perWindow(req)) / 60 / req.traffic.peakRps;
      },
    },
  },
  concurrentSessionsDerived: {
    id: 'derived.concurrentSessionsDerived', from: ['traffic.concurrentSessions'], description: 'concurrentSessions came from Little\'s law',
    compute: ({ req }) => req.traffic.concurrentSessions === undefined,
  },
  fleetInstances: {
    id: 'derived.fleetInstances',
    from: ['traffic.peakRps', 'traffic.spiky', 'constraints.instance.rps', 'failure.availability', 'traffic.regions'], grows: true,
    description: 'instances for load and availability before any state is placed (rules/model/fleet.ts)',
    compute: ({ req }) => fleetInstances(req),
  },
  operatesCache: {
    id: 'derived.operatesCache', from: ['constraints.stores'], description: 'constraints.stores names redis, valkey or memcached',
    compute: ({ req }) => req.constraints.stores.some((s) => CACHES.includes(s)),
  },
  operatesDatabase: {
    id: 'derived.operatesDatabase', from: ['constraints.stores'], description: 'constraints.stores names a database',
    compute: ({ req }) => req.constraints.stores.some((s) => !CACHES.includes(s) && !OBJECT_STORES.includes(s) && s !== 'kafka' && s !== 'aeron-cluster'),
  },
  operatesLog: {
    id: 'derived.operatesLog', from: ['constraints.stores'], description: 'constraints.stores names kafka',
    compute: ({ req }) => req.constraints.stores.includes('kafka'),
  },
  sessionItems: {
    // Implied items follow the context and whether a listed item already covers it (its scope and owner).
    id: 'derived.sessionItems', afterItems: true, from: ['state[].scope', 'state[].owner', 'context.memory', 'context.workflow', 'context.realtime', 'context.sharedState'],
    description: 'state items kept for the session (minutes/hours), implied ones included',
    compute: ({ items }) => { let n = 0; for (const i of items) if (i.scope === 'session') n++; return n; },
  },
  sessionStateKb: {
    id: 'derived.sessionStateKb', afterItems: true, from: ['state[].sizeKb', 'state[].owner', 'derived.sessionItems'],
    description: 'KB of session-scoped state per session',
    compute: ({ items }) => {
      let kb = 0;
      for (const i of items) if (i.scope === 'session' && (i.owner === 'session' || i.owner === 'user')) kb += i.sizeKb;
      return round(kb);
    },
  },
};
