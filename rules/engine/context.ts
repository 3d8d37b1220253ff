import type { Kind, Requirements, StateItem } from '../contract/requirements.ts';
import type { Store, Verdict } from '../contract/recommendation.ts';
import { ASSUMPTIONS } from '../model/assumptions.ts';
import { fleetInstances } from '../model/fleet.ts';
import { scopeOf, type Scope } from '../contract/scope.ts';

export { scopeOf, type Scope };

/**
 * The evaluation context: the normalized requirements plus the figures every rule may read, computed once per
 * evaluation. Implied items are added here, so that rules and plans see them like any listed item.
 */

export interface EvalItem extends StateItem {
  /** The item as listed (or as implied), before any figure was derived: what a re-scaled context starts from. */
  source: StateItem;
  scope: Scope;
  implied: boolean;
  /** Why the engine added it, for implied items. */
  impliedBecause?: string;
  /** A live socket: it can only live in the process that accepted it. */
  connection: boolean;
  /** `kind` as given, or as inferred (docs/design.md, "Vocabulary"); `kindAssumed` says which. */
  kind: Kind;
  kindAssumed: boolean;
  /** Owners at peak: given, or derived from the traffic. */
  owners: number;
  ownersGiven: boolean;
  totalMb: number;
  readsPerSecond: number;
  writesPerSecond: number;
  /** KB one write moves (a delta), default sizeKb. */
  writeKb: number;
  /** Writes of this item per request of the service (0 when peakRps is 0). */
  writesPerRequest: number;
  /** A request that writes it waits for the store to acknowledge (durability or strong consistency). */
  syncWrite: boolean;
  writeKbPerSecondPerOwner: number;
}

export interface Derived {
  concurrentSessions: number;
  /** Instances for load and availability before any state is placed (rules/model/fleet.ts). */
  fleetInstances: number;
  concurrentSessionsDerived: boolean;
  sessionItems: number;
  sessionStateKb: number;
  operatesCache: boolean;
  operatesDatabase: boolean;
  operatesLog: boolean;
}

export interface EvalContext {
  req: Requirements;
  derived: Derived;
  items: EvalItem[];
}

/** What risk rules may read once a plan is chosen. */
export interface PlanView {
  verdict: Verdict;
  routing: 'any-instance' | 'sticky' | 'partitioned';
  storeOf: (item: string) => Store;
  roundTripMs: (item: string) => number;
  hotPathMs: number;
  instances: number;
  sessionsLostPerInstanceLoss: number;
  inProcessMemoryMb: number;
  inProcessItems: number;
  cacheItems: number;
  tokenKb: number;
}

/** Little's law: L = λW, with λ = peakRps / requests per session. Assumed, and said so in the capacity answer. */
export const REQUESTS_PER_SESSION = ASSUMPTIONS.requestsPerSession.value;
/** Users sharing one live object (a room, a document) when nothing else is known. */
export const SESSIONS_PER_SHARED_OBJECT = ASSUMPTIONS.sessionsPerSharedObject.value;

/** @example buildContext(req).derived.concurrentSessions */
export function buildContext(req: Requirements): EvalContext {
  const concurrentSessionsDerived = req.traffic.concurrentSessions === undefined;
  const concurrentSessions = concurrentSessionsOf(req);
  const realtime = req.context.realtime !== 'none';
  const listed = req.state.map((s) => toEvalItem(s, undefined, concurrentSessions, realtime, req));
  const implied = impliedItems(req, listed).map(([s, because]) => toEvalItem(s, because, concurrentSessions, realtime, req));
  const items = [...listed, ...implied];
  const session = items.filter((i) => i.scope === 'session');
  const stores = req.constraints.stores;
  return {
    req,
    items,
    derived: {
      concurrentSessions,
      fleetInstances: fleetInstances(req),
      concurrentSessionsDerived,
      sessionItems: session.length,
      sessionStateKb: round(session.filter((i) => i.owner === 'session' || i.owner === 'user').reduce((a, i) => a + i.sizeKb, 0)),
      operatesCache: stores.some((s) => s === 'redis' || s === 'valkey' || s === 'memcached'),
      operatesDatabase: stores.some((s) => s !== 'redis' && s !== 'valkey' && s !== 'memcached' && s !== 'kafka'),
      operatesLog: stores.includes('kafka'),
    },
  };
}

function concurrentSessionsOf(req: Requirements): number {
  return req.traffic.concurrentSessions ?? Math.ceil((req.traffic.peakRps / REQUESTS_PER_SESSION) * req.traffic.sessionMinutes * 60);
}

/**
 * The context for `req`, which differs from `base.req` in traffic figures only (the tipping-point search): the same
 * items, their owner-scaled figures recomputed by the same toEvalItem, without re-deriving implied items.
 * @example rescaleContext(ctx, { ...req, traffic: { ...req.traffic, peakRps: 5000 } })
 */
export function rescaleContext(base: EvalContext, req: Requirements): EvalContext {
  const concurrentSessions = concurrentSessionsOf(req);
  const d = base.derived;
  const realtime = req.context.realtime !== 'none';
  return {
    req,
    items: base.items.map((i) => toEvalItem(i.source, i.impliedBecause, concurrentSessions, realtime, req)),
    // Spelled out rather than spread (a slow path on Node 20); nothing else here depends on traffic.
    derived: {
      concurrentSessions, fleetInstances: fleetInstances(req), concurrentSessionsDerived: req.traffic.concurrentSessions === undefined, sessionItems: d.sessionItems,
      sessionStateKb: d.sessionStateKb, operatesCache: d.operatesCache, operatesDatabase: d.operatesDatabase, operatesLog: d.operatesLog,
    },
  };
}

function toEvalItem(s: StateItem, impliedBecause: string | undefined, concurrentSessions: number, realtime: boolean, req: Requirements): EvalItem {
  const owners = s.owners ?? (s.owner === 'global' ? 1
    : s.owner === 'shared' ? Math.max(1, Math.ceil(concurrentSessions / SESSIONS_PER_SHARED_OBJECT))
      : concurrentSessions);
  const scope = scopeOf(s.lifetime);
  // A live socket is a session's own state whatever the file says: it cannot be reference data copied everywhere.
  const socket = realtime && scope === 'session' && (s.name === CONNECTIONS || (impliedBecause !== undefined && s.name.startsWith(LIVE_CONNECTIONS)));
  const kind = socket ? 'record' : s.kind ?? kindOf(s);
  const { peakRps } = req.traffic;
  const readsPerSecond = s.readsPerMinute !== undefined ? (owners * s.readsPerMinute) / 60
    : s.hotPath ? peakRps : peakRps * ASSUMPTIONS.nonHotReadShare.value;
  const writesPerSecond = (owners * s.writesPerMinute) / 60;
  const writesPerRequest = peakRps > 0 ? writesPerSecond / peakRps : 0;
  const mustAcknowledge = s.consistency === 'strong' || s.lossImpact === 'critical'
    || (kind === 'record' && scope === 'durable' && s.lossImpact === 'costly')
    || (scope === 'session' && req.failure.sessionLoss === 'unacceptable');
  // Every field spelled out, in one order, so all items share one object shape and rule reads stay monomorphic.
  // (`{ ...s, … }` and Object.assign take slow paths on Node 20; this runs for every item of every tipping-point
  // evaluation that moves traffic figures.) STATE_ITEM_KEYS below fails to compile when the contract gains a field.
  return {
    name: s.name, owner: s.owner, lifetime: s.lifetime, sizeKb: s.sizeKb, writesPerMinute: s.writesPerMinute,
    sensitivity: s.sensitivity, lossImpact: s.lossImpact, consistency: s.consistency, hotPath: s.hotPath,
    kind, owners, readsPerMinute: s.readsPerMinute, writeKb: s.writeKb ?? s.sizeKb,
    source: s,
    scope,
    implied: impliedBecause !== undefined,
    impliedBecause,
    // A listed item named `connections` in a realtime service stands for the sockets themselves. A socket lives for
    // the session: a request-scoped or durable item of that name is ordinary state, or the socket gate (in process
    // only) would leave it no store next to the request or system-of-record gates. Then the implied socket item
    // takes another name (see impliedItems).
    connection: socket,
    kindAssumed: s.kind === undefined,
    ownersGiven: s.owners !== undefined,
    totalMb: round((owners * s.sizeKb) / 1024),
    readsPerSecond,
    writesPerSecond,
    writesPerRequest,
    syncWrite: mustAcknowledge && writesPerRequest >= ASSUMPTIONS.syncWriteShare.value,
    writeKbPerSecondPerOwner: round((s.writesPerMinute / 60) * s.sizeKb),
  };
}

/**
 * Reference data is read-mostly, owned elsewhere and worth nothing to lose: a global item with lossImpact none written
 * at most once a second. Counters every request bumps are written far more often, so they stay records.
 */
export function kindOf(s: Pick<StateItem, 'owner' | 'lossImpact' | 'writesPerMinute'>): Kind {
  return s.owner === 'global' && s.lossImpact === 'none' && s.writesPerMinute <= 60 ? 'reference' : 'record';
}

/** toEvalItem copies these fields: a field added to StateItem must be added to both (a missing key fails to compile). */
const STATE_ITEM_KEYS: Record<keyof StateItem, true> = {
  name: true, owner: true, lifetime: true, sizeKb: true, writesPerMinute: true, sensitivity: true, lossImpact: true, consistency: true, hotPath: true,
  kind: true, owners: true, readsPerMinute: true, writeKb: true,
};
void STATE_ITEM_KEYS;

export const CONNECTIONS = 'connections';
/** The implied socket item's name when a listed item that is not a socket already uses `connections`. */
export const LIVE_CONNECTIONS = 'live-connections';

/** Items the context demands that no listed item covers, with the reason quoted in the answer. */
function impliedItems(req: Requirements, listed: EvalItem[]): [StateItem, string][] {
  const out: [StateItem, string][] = [];
  const names = new Set(listed.map((i) => i.name));
  const add = (item: StateItem, because: string) => { if (!names.has(item.name)) out.push([item, because]); };
  const { memory, workflow, realtime, sharedState } = req.context;
  // A user's context is covered by anything kept for that session or user beyond one request.
  const personal = listed.some((i) => i.scope !== 'request' && (i.owner === 'session' || i.owner === 'user'));
  if ((memory === 'session' || workflow === 'multi-step') && !personal) {
    add(base('session-context', 'session', 'hours', 4, 2, 'internal', 'annoying', 'read-your-writes', true),
      `context.memory is ${memory}${workflow === 'multi-step' ? ' with a multi-step workflow' : ''} and no listed item is session-scoped`);
  }
  if (memory === 'durable' && !listed.some((i) => i.scope === 'durable')) {
    add(base('user-record', 'user', 'forever', 8, 0.2, 'personal', 'costly', 'read-your-writes', true),
      'context.memory is durable and no listed item outlives a day');
  }
  if (sharedState === 'collaborative' && !listed.some((i) => i.owner === 'shared' && i.scope === 'session')) {
    add(base('shared-object', 'shared', 'minutes', 16, 60, 'internal', 'annoying', 'strong', true),
      'context.sharedState is collaborative and no listed item is a live shared object');
  }
  // Sockets exist in every realtime service (docs/design.md: in-process by nature), even when the team used the name
  // `connections` for a record: then they get a free name of their own.
  if (realtime !== 'none' && !listed.some((i) => i.connection)) {
    let name = CONNECTIONS;
    for (let n = 1; names.has(name); n++) name = n === 1 ? LIVE_CONNECTIONS : `${LIVE_CONNECTIONS}-${n}`;
    add(base(name, 'session', 'minutes', realtime === 'bidirectional' ? 8 : 4, realtime === 'bidirectional' ? 30 : 6,
      'internal', 'annoying', 'eventual', true),
    `context.realtime is ${realtime}: each open connection lives on the instance that accepted it`);
  }
  return out;
}

function base(
  name: string, owner: StateItem['owner'], lifetime: StateItem['lifetime'], sizeKb: number, writesPerMinute: number,
  sensitivity: StateItem['sensitivity'], lossImpact: StateItem['lossImpact'], consistency: StateItem['consistency'], hotPath: boolean,
): StateItem {
  return { name, owner, lifetime, sizeKb, writesPerMinute, sensitivity, lossImpact, consistency, hotPath };
}

/** Rounds to 2 decimals so that figures print stably. */
export function round(n: number): number {
  return Math.round(n * 100) / 100;
}
