import { STORES, type Recommendation, type Store } from '../contract/recommendation.ts';
import { STORE_INFO } from '../model/stores.ts';

/**
 * The Mermaid flowchart of a recommendation: clients → load balancer → the stateless and/or stateful tier → each
 * store, every edge labelled with the state items it carries. Node ids are fixed words; every label is quoted and
 * entity-escaped, because Mermaid treats quotes, brackets, `#`, `;`, `|` and backticks as syntax.
 */
export function flowchart(rec: Recommendation): string {
  const lines = ['flowchart LR'];
  const tiers = tiersOf(rec);
  const lbLabel = rec.verdict === 'hybrid' ? 'Load balancer' : `Load balancer: ${ROUTING_LABEL[rec.scaling.routing]}`;
  lines.push(`  clients(["${label('Clients')}"]) --> lb["${label(lbLabel)}"]`);
  if (tiers.stateless) {
    lines.push(`  lb -->|"${label('any instance')}"| stateless["${label('Stateless tier')}"]`);
  }
  if (tiers.stateful) {
    lines.push(`  lb -->|"${label(ROUTING_LABEL[rec.scaling.routing])}"| stateful["${label('Stateful tier')}"]`);
  }
  for (const store of STORE_ORDER) {
    const items = rec.placements.filter((p) => p.store === store).map((p) => p.state);
    if (items.length === 0 || store === 'none') continue;
    const from = tierFor(rec, store);
    const node = `store_${store.replace(/-/g, '_')}`;
    lines.push(`  ${from} -->|"${label(items.join(', '))}"| ${node}${shape(store)}`);
  }
  const requestOnly = rec.placements.filter((p) => p.store === 'none').map((p) => p.state);
  if (requestOnly.length) {
    const from = tiers.stateless ? 'stateless' : 'stateful';
    lines.push(`  ${from} -.-|"${label(requestOnly.join(', '))}"| store_none["${label(STORE_INFO.none.label)}"]`);
  }
  return lines.join('\n');
}

/** Mermaid-safe label text (inside double quotes): syntax characters become Mermaid entity codes. */
export function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[#"`|;<>[\]{}()\\]/g, (c) => `#${c.codePointAt(0)};`);
}

const ROUTING_LABEL: Record<Recommendation['scaling']['routing'], string> = {
  'any-instance': 'any instance',
  sticky: 'sticky sessions',
  partitioned: 'partitioned by key',
};

/** Stores in diagram order: the simplest first, request-only state last. */
const STORE_ORDER: readonly Store[] = [...STORES.filter((s) => s !== 'none'), 'none'];

function shape(store: Store): string {
  const text = label(STORE_INFO[store].label);
  if (store === 'database' || store === 'durable-log' || store === 'distributed-cache' || store === 'object-store') return `[("${text}")]`;
  if (store === 'client-token') return `>"${text}"]`;
  return `["${text}"]`;
}

function isInProcess(store: Store): boolean {
  return STORE_INFO[store].stateful;
}

function tiersOf(rec: Recommendation): { stateless: boolean; stateful: boolean } {
  if (rec.verdict === 'stateless') return { stateless: true, stateful: false };
  if (rec.verdict === 'stateful') return { stateless: false, stateful: true };
  return { stateless: true, stateful: true };
}

/** In a hybrid service external stores hang off the stateless tier and instance memory off the stateful one. */
function tierFor(rec: Recommendation, store: Store): 'stateless' | 'stateful' {
  if (rec.verdict === 'stateless') return 'stateless';
  if (rec.verdict === 'stateful') return 'stateful';
  return isInProcess(store) ? 'stateful' : 'stateless';
}
