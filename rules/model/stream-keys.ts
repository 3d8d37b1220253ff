import type { Requirements } from '../contract/requirements.ts';
import { scopeOf } from '../contract/scope.ts';

/**
 * Under `traffic.source: stream` the requests are events read from a log or queue: no client holds a session, so a
 * "session" is a key (a card, a visitor, a device) and Little's law over requests per session does not apply. How
 * many keys are live is then read from the items themselves: each event updates the state of its key at most once,
 * so the busiest per-key write rate of a keyed item read on most events bounds the events one key sees, and
 * keys = events per second ÷ that rate. It is exact when that item is written by every event of its key (a window, a
 * counter) and an upper bound otherwise, which is the safe side for memory.
 */
export interface KeyRate {
  /** The listed item whose per-owner writes give the events per key. */
  item: string;
  writesPerMinute: number;
}

/** The keyed item that says how often a key sees an event, when the service is a stream and one exists. */
export function streamKeyRate(req: Requirements): KeyRate | undefined {
  if (req.traffic.source !== 'stream') return undefined;
  let best: KeyRate | undefined;
  for (const s of req.state) {
    if (!s.hotPath || s.writesPerMinute <= 0 || scopeOf(s.lifetime) === 'request') continue;
    if (s.owner !== 'session' && s.owner !== 'user') continue;
    // Ties go to the first name, so the listed order of items never changes the answer (invariant 7).
    if (!best || s.writesPerMinute > best.writesPerMinute || (s.writesPerMinute === best.writesPerMinute && s.name < best.item)) best = { item: s.name, writesPerMinute: s.writesPerMinute };
  }
  return best;
}

/**
 * Events per key a minute: the keyed item's rate, but at least one event per session window, since a key that saw
 * no event within `sessionMinutes` is no longer live (this also bounds the keys when the rate is tiny).
 */
export function eventsPerKeyPerMinute(rate: KeyRate, sessionMinutes: number): number {
  return Math.max(rate.writesPerMinute, 1 / sessionMinutes);
}

/** Live keys when events arrive at `eventsPerSecond`: events a minute ÷ events per key a minute. */
export function keysFromRate(eventsPerSecond: number, rate: KeyRate, sessionMinutes: number): number {
  return Math.ceil((eventsPerSecond * 60) / eventsPerKeyPerMinute(rate, sessionMinutes));
}
