import type { Requirements, StateItem } from '../contract/requirements.ts';
import type { EvalContext, EvalItem, ItemFigures, ServiceFigures } from '../model/context.ts';
import { CONNECTIONS, ITEM_FIGURES, LIVE_CONNECTIONS, SERVICE_FIGURES, type ItemInput, type ServiceInput } from '../model/derived.ts';

/**
 * The evaluation context: the normalized requirements plus the figures every rule may read, computed once per
 * evaluation from the registry of derived facts (rules/model/derived.ts), in its order. Implied items are added
 * here, so that rules and plans see them like any listed item.
 * @example buildContext(req).derived.concurrentSessions
 */
export function buildContext(req: Requirements): EvalContext {
  const service = serviceFigures(req);
  const listed = req.state.map((s) => toEvalItem(s, undefined, service, req));
  const implied = impliedItems(req, listed).map(([s, because]) => toEvalItem(s, because, service, req));
  const items = [...listed, ...implied];
  listFigures(req, service, items);
  return { req, items, derived: service };
}

/**
 * The context for `req`, which differs from `base.req` in traffic or failure figures only (the tipping-point
 * search): the same items, every figure recomputed by the registry, without re-deriving implied items.
 * @example rescaleContext(ctx, { ...req, traffic: { ...req.traffic, peakRps: 5000 } })
 */
export function rescaleContext(base: EvalContext, req: Requirements): EvalContext {
  const service = serviceFigures(req);
  const items = base.items.map((i) => toEvalItem(i.source, i.impliedBecause, service, req));
  listFigures(req, service, items);
  return { req, items, derived: service };
}

/**
 * The context for `req`, which differs from `base.req` in one listed item's own fields (the tipping-point search
 * varies its size or write rate): that item is derived again, the other items and the implied ones are the base's.
 * Undefined when that is not enough: a service figure computed before the items moved (under a stream source,
 * concurrent sessions follow the items' write rates), or the item's scope, owner or connection changed (which
 * decide the implied items) — then the caller builds the whole context.
 * @example replaceItem(ctx, { ...req, state: [{ ...req.state[0], sizeKb: 64 }] }, req.state[0].name)
 */
export function replaceItem(base: EvalContext, req: Requirements, name: string): EvalContext | undefined {
  const service = serviceFigures(req);
  const was = base.derived as unknown as Record<string, unknown>;
  const now = service as unknown as Record<string, unknown>;
  for (const k of BEFORE_ITEMS) if (!Object.is(now[k], was[k])) return undefined;
  const index = base.items.findIndex((i) => i.name === name && !i.implied);
  const source = req.state.find((s) => s.name === name);
  if (index < 0 || !source) return undefined;
  const before = base.items[index]!;
  const item = toEvalItem(source, undefined, service, req);
  if (item.scope !== before.scope || item.owner !== before.owner || item.connection !== before.connection) return undefined;
  const items = base.items.slice();
  items[index] = item;
  listFigures(req, service, items);
  return { req, items, derived: service };
}

const ITEM_ORDER = Object.keys(ITEM_FIGURES) as (keyof ItemFigures)[];
const SERVICE_ORDER = Object.keys(SERVICE_FIGURES) as (keyof ServiceFigures)[];
const BEFORE_ITEMS = SERVICE_ORDER.filter((k) => !SERVICE_FIGURES[k].afterItems);
const AFTER_ITEMS = SERVICE_ORDER.filter((k) => SERVICE_FIGURES[k].afterItems);

/** The service figures that do not depend on the item list; the rest follow in listFigures. */
function serviceFigures(req: Requirements): ServiceFigures {
  const service = {} as Record<string, unknown>;
  const x: ServiceInput = { req, service: service as unknown as ServiceFigures, items: [] };
  for (const k of BEFORE_ITEMS) service[k] = SERVICE_FIGURES[k].compute(x);
  return x.service;
}

function listFigures(req: Requirements, service: ServiceFigures, items: readonly EvalItem[]): void {
  const x: ServiceInput = { req, service, items };
  const out = service as unknown as Record<string, unknown>;
  for (const k of AFTER_ITEMS) out[k] = SERVICE_FIGURES[k].compute(x);
}

function toEvalItem(s: StateItem, impliedBecause: string | undefined, service: ServiceFigures, req: Requirements): EvalItem {
  // Cloned from one template that already has every key (listed fields, then the figures in registry order), so every
  // item shares one object shape and rule reads stay monomorphic. Adding the figures as new keys one by one made
  // V8 turn each item into a dictionary (too many properties added after creation): rule tests got 1.8× slower.
  const item = { ...ITEM_TEMPLATE } as unknown as EvalItem;
  item.name = s.name; item.owner = s.owner; item.lifetime = s.lifetime; item.sizeKb = s.sizeKb; item.writesPerMinute = s.writesPerMinute;
  item.sensitivity = s.sensitivity; item.lossImpact = s.lossImpact; item.consistency = s.consistency; item.hotPath = s.hotPath;
  item.readsPerMinute = s.readsPerMinute; item.residency = s.residency;
  item.source = s; item.implied = impliedBecause !== undefined; item.impliedBecause = impliedBecause;
  figuresInto(item, { item, source: s, req, service, impliedBecause });
  return item;
}

/**
 * Every item figure, in registry order, each stored under its own name. A loop `item[k] = compute(x)` over the
 * registry was one keyed store and one call site shared by every figure (both megamorphic): ~12% of a tipping-point
 * re-evaluation. test/rules/engine/context.test.ts checks this list against the registry: every figure, in order.
 */
export function figuresInto(item: EvalItem, x: ItemInput): void {
  const f = ITEM_FIGURES;
  item.scope = f.scope.compute(x);
  item.connection = f.connection.compute(x);
  item.kind = f.kind.compute(x);
  item.kindAssumed = f.kindAssumed.compute(x);
  item.owners = f.owners.compute(x);
  item.ownersGiven = f.ownersGiven.compute(x);
  item.readsPerSecond = f.readsPerSecond.compute(x);
  item.writesPerSecond = f.writesPerSecond.compute(x);
  item.writeKb = f.writeKb.compute(x);
  item.writesPerRequest = f.writesPerRequest.compute(x);
  item.syncWrite = f.syncWrite.compute(x);
  item.totalMb = f.totalMb.compute(x);
  item.writeKbPerSecondPerOwner = f.writeKbPerSecondPerOwner.compute(x);
  item.readers = f.readers.compute(x);
  item.readKb = f.readKb.compute(x);
  item.fanout = f.fanout.compute(x);
  item.deliveriesPerSecond = f.deliveriesPerSecond.compute(x);
  item.limitsOwner = f.limitsOwner.compute(x);
  item.shape = f.shape.compute(x);
  item.merge = f.merge.compute(x);
  item.singleWriter = f.singleWriter.compute(x);
  item.residencyRegions = f.residencyRegions.compute(x);
  item.residencyConfined = f.residencyConfined.compute(x);
  item.crossRegionReplication = f.crossRegionReplication.compute(x);
  item.crossRegionLagSeconds = f.crossRegionLagSeconds.compute(x);
  item.crossRegionWriteMs = f.crossRegionWriteMs.compute(x);
}

/** Every key of an evaluated item, in one order: the listed fields, then each registry figure. */
const ITEM_TEMPLATE: Readonly<Record<string, unknown>> = Object.fromEntries([
  'name', 'owner', 'lifetime', 'sizeKb', 'writesPerMinute', 'sensitivity', 'lossImpact', 'consistency', 'hotPath', 'readsPerMinute', 'residency',
  'source', 'implied', 'impliedBecause', ...ITEM_ORDER,
].map((k) => [k, undefined]));

/** toEvalItem copies these fields; the rest are figures. A field added to StateItem must be placed (a missing key fails to compile). */
const STATE_ITEM_KEYS: Record<Exclude<keyof StateItem, keyof ItemFigures>, true> = {
  name: true, owner: true, lifetime: true, sizeKb: true, writesPerMinute: true, sensitivity: true, lossImpact: true, consistency: true, hotPath: true,
  readsPerMinute: true, residency: true,
};
void STATE_ITEM_KEYS;

/** Items the context demands that no listed item covers, with the reason quoted in the answer. */
function impliedItems(req: Requirements, listed: EvalItem[]): [StateItem, string][] {
  const out: [StateItem, string][] = [];
  const names = new Set(listed.map((i) => i.name));
  const add = (item: StateItem, because: string) => { if (!names.has(item.name)) out.push([item, because]); };
  const { memory, workflow, realtime, sharedState } = req.context;
  // A user's context is covered by anything kept for that session or user beyond one request.
  const personal = listed.some((i) => i.scope !== 'request' && (i.owner === 'session' || i.owner === 'user'));
  if ((memory === 'session' || workflow === 'multi-step') && !personal) {
    // Under a stream a session is a key: the implied context is each key's state between its events.
    add(base('session-context', 'session', 'hours', 4, 2, 'internal', 'annoying', 'read-your-writes', true),
      `context.memory is ${memory}${workflow === 'multi-step' ? ' with a multi-step workflow' : ''} and no listed item is session-scoped`
      + (req.traffic.source === 'stream' ? ' (traffic.source is stream: a session is a key, and its context is kept between that key\'s events)' : ''));
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
