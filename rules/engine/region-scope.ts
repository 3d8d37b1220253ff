import type { RegionScope, Store } from '../contract/recommendation.ts';
import type { EvalContext, EvalItem } from '../model/context.ts';
import { formatNumber as f } from '../model/format.ts';
import { count } from '../contract/words.ts';

/**
 * Where an item lives across regions (docs/design.md, "Regions"): `local` — each region keeps its own (caches,
 * copies, tokens, the sessions of users served there, and anything whose concurrent writes merge); `home` — one home
 * region per owner (a user's records, one shared object), which requests from elsewhere reach across the regions;
 * `global` — one writer worldwide, so every acknowledged write waits for a round trip between regions (invariant 15).
 * @example regionScope(ctx, item, 'database') === 'home'
 */
export function regionScope(ctx: EvalContext, item: EvalItem, store: Store): RegionScope {
  if (item.singleWriter) return 'global';
  if (item.merge !== 'none') return 'local';
  if (store === 'none' || store === 'client-token' || store === 'in-process-copy' || store === 'distributed-cache') return 'local';
  if (item.scope === 'session' && (store === 'in-process-sticky' || store === 'in-process-replicated')) return 'local';
  return 'home';
}

/** The sentence that goes with the scope, with the figures it rests on. */
export function regionScopeWhy(ctx: EvalContext, item: EvalItem, scope: RegionScope): string {
  const regions = count(ctx.req.traffic.regions, 'region');
  const rtt = `${f(ctx.derived.interRegionRttMs)} ms${ctx.req.constraints.interRegionRttMs === undefined ? ' (assumed)' : ''}`;
  if (scope === 'global') {
    return `${item.name} has one writer across ${regions} (consistency strong, owner ${item.owner}, merge none): every acknowledged write waits a ${rtt} round trip between regions (region scope global)`;
  }
  if (scope === 'home') {
    const away = ctx.req.traffic.awayShare ?? 0.05;
    return `${item.name} lives in one home region per owner and is copied to the others asynchronously: the ${f(away * 100)}% of requests served away from home${ctx.req.traffic.awayShare === undefined ? ' (assumed)' : ''} reach it across a ${rtt} round trip, and a region loss can lose its last unreplicated writes (region scope home)`;
  }
  if (item.merge === 'last-writer-wins') return `every region writes ${item.name} and replicates it: last-writer-wins keeps one of two concurrent writes and silently drops the other (region scope local)`;
  if (item.merge === 'commutative') return `every region writes ${item.name} and replicates it: commutative merges (a CRDT) keep every concurrent write, so nothing is lost and no write waits for another region (region scope local)`;
  return `each of ${regions} keeps its own ${item.name} for the users it serves (region scope local)`;
}
