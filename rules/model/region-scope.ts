import type { RegionScope, Store } from '../contract/recommendation.ts';
import type { EvalItem } from './context.ts';

/**
 * Where an item lives across regions (docs/design.md, "Regions"): `local` — each region keeps its own (caches,
 * copies, tokens, the sessions of users served there, and anything whose concurrent writes merge); `home` — one home
 * region per owner (a user's records, one shared object), which requests from elsewhere reach across the regions;
 * `global` — one writer worldwide, so every acknowledged write waits for a round trip between regions (invariant 15).
 * An item whose residency group leaves out some regions is never local outside a request (invariant 14): it lives in
 * a home region inside its group, and requests served elsewhere reach it there.
 * Here, below the engine, because the latency measure charges the round trips by scope (rules/model/measures.ts).
 * @example regionScopeOf(item, 'database') === 'home'
 */
export function regionScopeOf(item: EvalItem, store: Store): RegionScope {
  if (item.singleWriter) return 'global';
  if (item.residencyConfined && store !== 'none') return 'home';
  if (item.merge !== 'none') return 'local';
  if (store === 'none' || store === 'client-token' || store === 'in-process-copy' || store === 'distributed-cache') return 'local';
  if (item.scope === 'session' && (store === 'in-process-sticky' || store === 'in-process-replicated')) return 'local';
  return 'home';
}
