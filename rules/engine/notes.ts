import type { Note, Store } from '../contract/recommendation.ts';
import type { EvalContext } from '../model/context.ts';
import { formatNumber as f, quoteFigure } from '../model/format.ts';
import { STORE_INDEX } from '../model/stores.ts';
import { ASSUMPTIONS } from '../model/assumptions.ts';
import type { ItemAssessment } from './placement.ts';
import { readsAssumed, withoutAssumedReads } from './assumed-reads.ts';
import { someNames } from '../contract/words.ts';
import { eventsPerKeyPerMinute, streamKeyRate } from '../model/stream-keys.ts';

/** A total rate this many times the service's own peakRps is most likely a per-owner rate written as a total, or the reverse. */
export const OWNER_RATE_FACTOR = 10;
/** An acknowledged write on the hot path of an item read this many times more often than written is worth a word. */
export const RARE_WRITE_FACTOR = 10;

const factorOf = (n: number) => Math.round(n * 10) / 10;

/**
 * Where the input's arithmetic disagrees with itself. The answer is still sized on the input as written; the note
 * names the field and the factor so the team can check it (200 M owners × 2 writes/min is 6.7 M writes/s for a
 * 12 k rps service). Listed items only, in name order, named by item (the order items are listed in changes
 * nothing: invariant 7). With the assessments and the chosen stores, also the tightest check that rests on the
 * assumed read share alone.
 * @example notesFor(ctx)[0]?.field === 'state[link].writesPerMinute'
 */
export function notesFor(ctx: EvalContext, assessments: readonly ItemAssessment[] = [], stores?: ReadonlyMap<string, Store>): Note[] {
  const notes: Note[] = memoryNotes(ctx);
  const peak = ctx.req.traffic.peakRps;
  if (peak <= 0) return notes;
  for (const item of ctx.items) {
    if (item.implied) continue;
    const writes = factorOf(item.writesPerSecond / peak);
    // A peakRps close to 0 makes any rate an infinite multiple: no number worth printing.
    if (item.writesPerSecond > OWNER_RATE_FACTOR * peak && Number.isFinite(writes)) {
      notes.push({
        id: 'note.owner-rate',
        field: `state[${item.name}].writesPerMinute`,
        factor: writes,
        text: `state[${item.name}]: ${f(item.owners)} owners × ${f(item.writesPerMinute)} writes/min ÷ 60 = ${f(Math.round(item.writesPerSecond))} writes/s, `
          + `${f(writes)}× traffic.peakRps ${f(peak)}: is writesPerMinute per owner (as the model reads it) or the service's total? `
          + `The answer is sized on it as written; check state[${item.name}].writesPerMinute and owners.`,
      });
    }
    const reads = factorOf(item.readsPerSecond / peak);
    if (item.source.readsPerMinute !== undefined && item.readsPerSecond > peak && Number.isFinite(reads)) {
      notes.push({
        id: 'note.read-rate',
        field: `state[${item.name}].readsPerMinute`,
        factor: reads,
        text: `state[${item.name}]: ${f(item.owners)} owners × ${f(item.source.readsPerMinute)} reads/min ÷ 60 = ${f(Math.round(item.readsPerSecond))} reads/s, `
          + `${f(reads)}× traffic.peakRps ${f(peak)}: the item is read more often than requests arrive. Is readsPerMinute per owner (as the model reads it), `
          + `or does one request read many items? The answer is sized on it as written; check state[${item.name}].readsPerMinute and owners.`,
      });
    }
    const ratio = item.writesPerSecond > 0 ? factorOf(item.readsPerSecond / item.writesPerSecond) : 0;
    if (item.syncWrite && item.hotPath && ratio >= RARE_WRITE_FACTOR && Number.isFinite(ratio)) {
      notes.push({
        id: 'note.rare-write-on-hot-path',
        field: `state[${item.name}].hotPath`,
        factor: ratio,
        text: `state[${item.name}] is on the hot path and its acknowledged write is counted in check.latency, but it is read ${f(ratio)}× more often than written `
          + `(${f(Math.round(item.readsPerSecond))} reads/s, ${f(Math.round(item.writesPerSecond * 100) / 100)} writes/s): only the requests that write it wait for the write. `
          + `If the writes happen off the request path, the budget is tighter than it needs to be; check state[${item.name}].hotPath, writesPerMinute and consistency.`,
      });
    }
  }
  notes.push(...streamKeyNotes(ctx));
  if (stores) notes.push(...assumedShareNotes(ctx, assessments, stores));
  return notes;
}

/**
 * context.memory none or request says no request depends on what an earlier one left behind; a listed item kept for a
 * session (lifetime minutes or hours) says one does. The plans place the item as session state, while
 * svc.nothing-to-remember weighs the context as written: the note names the disagreement so the file can be fixed.
 */
function memoryNotes(ctx: EvalContext): Note[] {
  const memory = ctx.req.context.memory;
  if (memory !== 'none' && memory !== 'request') return [];
  const kept = ctx.items.filter((i) => !i.implied && i.scope === 'session' && i.kind !== 'reference').map((i) => i.name);
  if (kept.length === 0) return [];
  const list = someNames(kept, 'item');
  const one = kept.length === 1;
  return [{
    id: 'note.memory-contradicts-items',
    field: 'context.memory',
    factor: kept.length,
    text: `context.memory is ${memory}, yet ${list} ${one ? 'is' : 'are'} kept for a session (lifetime minutes or hours): a later request of the session `
      + `depends on what an earlier one left there. The plans place ${one ? 'it' : 'them'} as session state, while svc.nothing-to-remember still weighs `
      + `context.memory ${memory} toward stateless. If the service does remember a session, write context.memory: session; `
      + `if ${one ? 'it lives' : 'they live'} for one request, lifetime: request.`,
  }];
}

/**
 * Under a stream, live keys are events ÷ the keyed item's per-key rate (model/stream-keys.ts); more live keys than
 * the item's given owners cannot be: a key is an owner. Either fewer events update the item than its rate implies, or
 * the owners are too few. The sessions figure is sized on the keys, the item's memory on its owners.
 */
function streamKeyNotes(ctx: EvalContext): Note[] {
  const req = ctx.req;
  const rate = streamKeyRate(req);
  if (!rate || req.traffic.concurrentSessions !== undefined) return [];
  const item = ctx.items.find((i) => i.name === rate.item);
  if (!item || item.source.owners === undefined) return [];
  const keys = ctx.derived.concurrentSessions;
  const factor = factorOf(keys / item.owners);
  if (!(keys > item.owners) || !Number.isFinite(factor)) return [];
  const perKey = eventsPerKeyPerMinute(rate, req.traffic.sessionMinutes);
  return [{
    id: 'note.stream-keys-exceed-owners',
    field: `state[${item.name}].owners`,
    factor,
    text: `traffic.source is stream: ${f(req.traffic.peakRps)} events/s × 60 ÷ ${f(perKey)} events per key a minute (state[${item.name}].writesPerMinute) = ${f(keys)} live keys, `
      + `${f(factor)}× the ${f(item.owners)} owners state[${item.name}].owners gives, and a key is an owner. Either not every event updates ${item.name} `
      + `(then a key sees more events than that and fewer keys are live: give traffic.concurrentSessions), or the owners are too few. `
      + `Sessions are counted on the ${f(keys)} keys and ${item.name}'s memory on its owners; check both.`,
  }];
}

/** The answer's tightest check, when it belongs to an off-hot-path item and rests on the assumed read share alone. */
function assumedShareNotes(ctx: EvalContext, assessments: readonly ItemAssessment[], stores: ReadonlyMap<string, Store>): Note[] {
  let top: { a: ItemAssessment; used: number; own: number; check: string; value: number; limit: number; unit: string } | undefined;
  for (const a of assessments) {
    const store = stores.get(a.item.name);
    const f = store && a.feasibility.stores[STORE_INDEX[store]];
    if (!store || !f) continue;
    for (const o of f.outcomes) {
      if (o.limit <= 0 || o.value <= 0) continue;
      const used = o.value / o.limit;
      if (top && used <= top.used) continue;
      top = { a, used, own: withoutAssumedReads(ctx, a.item, store, f.profile, o) / o.limit, check: o.rule.id, value: o.value, limit: o.limit, unit: o.rule.unit };
    }
  }
  // Only when the default moves the figure: half of the limit or more, of which the item's own figures give less.
  if (!top || !readsAssumed(top.a.item) || top.used < 0.5 || top.own >= top.used * 0.9) return [];
  const factor = factorOf(top.own > 0 ? top.used / top.own : top.used * 100);
  if (!Number.isFinite(factor)) return [];
  const item = top.a.item;
  const share = ASSUMPTIONS.nonHotReadShare.value;
  return [{
    id: 'note.assumed-read-share',
    field: `state[${item.name}].readsPerMinute`,
    factor,
    // The check's figures as its own sentence quotes them (quoteFigure), so note and check agree.
    text: `${top.check} for ${item.name} (${quoteFigure(top.value, top.limit)} of ${quoteFigure(top.limit)} ${top.unit}) is the answer's tightest check, `
      + `and it rests on a default: ${item.name} is off the hot path and state[${item.name}].readsPerMinute is not given, so ${share * 100}% of requests `
      + `(${f(Math.round(item.readsPerSecond * 100) / 100)} reads/s) are assumed to read it; its own figures use ${Math.round(top.own * 100)}% of the limit, not ${Math.round(top.used * 100)}%. `
      + `No risk is raised on the default alone: give state[${item.name}].readsPerMinute.`,
  }];
}
