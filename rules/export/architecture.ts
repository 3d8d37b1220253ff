import { STORES, type Recommendation, type Store } from '../contract/recommendation.ts';
import { STORE_INFO } from '../model/stores.ts';
import { ROUTING_LABEL, storeNodeId, tierFor, tiersOf } from '../review/mermaid.ts';

/** A box in the exported model: the load balancer, a compute tier or a store. */
export interface Part { id: string; title: string; description: string; technology?: string }
/** A store box, with the state items it holds. */
export interface StorePart extends Part { store: Store; items: string[]; external: boolean }
/** A labelled relationship between two parts (`clients` is the outside caller). */
export interface Link { from: string; to: string; label: string }

/**
 * The service as the exports draw it — the same picture as the review's Mermaid diagram: clients → load balancer →
 * the stateless and/or stateful tier → each store (with its technologies), links labelled with the items they carry.
 * Request-only state is kept nowhere, so it has no box.
 */
export interface Architecture { service: string; description: string; verdict: Recommendation['verdict']; parts: Part[]; stores: StorePart[]; links: Link[] }

/** @example architectureOf(rec).stores.map((s) => s.id) // ['store_client_token', 'store_database'] */
export function architectureOf(rec: Recommendation, description?: string): Architecture {
  const tiers = tiersOf(rec);
  const routing = ROUTING_LABEL[rec.scaling.routing];
  const parts: Part[] = [{ id: 'lb', title: 'Load balancer', description: rec.verdict === 'hybrid' ? 'Routes each request to its tier' : `Routes requests: ${routing}` }];
  const links: Link[] = [{ from: 'clients', to: 'lb', label: 'requests' }];
  if (tiers.stateless) {
    parts.push({ id: 'stateless', title: 'Stateless tier', description: 'Any instance serves any request' });
    links.push({ from: 'lb', to: 'stateless', label: 'any instance' });
  }
  if (tiers.stateful) {
    parts.push({ id: 'stateful', title: 'Stateful tier', description: `Instances hold session state; ${routing}` });
    links.push({ from: 'lb', to: 'stateful', label: routing });
  }
  const stores: StorePart[] = [];
  for (const store of STORES) {
    const placed = rec.placements.filter((p) => p.store === store);
    if (store === 'none' || placed.length === 0) continue;
    const techs = [...new Set(placed.map((p) => p.technology).filter((t) => t !== 'none' && t !== 'signed-token' && t !== 'instance-memory'))];
    const items = placed.map((p) => p.state);
    const info = STORE_INFO[store];
    const part: StorePart = {
      id: storeNodeId(store), title: techs.length ? `${info.label} (${techs.join(', ')})` : info.label,
      description: `Holds ${items.join(', ')}; ${info.words}, on instance loss ${info.onInstanceLoss}`, store, items,
      external: !info.inProcess && store !== 'client-token',
    };
    if (techs.length) part.technology = techs.join(', ');
    stores.push(part);
    links.push({ from: tierFor(rec, store), to: part.id, label: items.join(', ') });
  }
  return { service: rec.service, description: description ?? rec.summary, verdict: rec.verdict, parts, stores, links };
}
