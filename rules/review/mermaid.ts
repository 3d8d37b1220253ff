import { STORES, type Placement, type Recommendation, type Store } from '../contract/recommendation.ts';
import { STORE_INFO } from '../model/stores.ts';

/**
 * The Mermaid flowchart of a recommendation — the one diagram source of the design review, the VS Code panel and the
 * web playground: clients → load balancer → the stateless and/or stateful tier → each store with its technology,
 * every edge labelled with the state items it carries. Items that fail a feasibility check are marked `⚠` and their
 * store gets the `failed` class. Node ids are fixed words; every label is quoted and entity-escaped.
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
  const failed: string[] = [];
  for (const store of STORE_ORDER) {
    const placed = rec.placements.filter((p) => p.store === store);
    if (placed.length === 0 || store === 'none') continue;
    const from = tierFor(rec, store);
    const node = storeNodeId(store);
    if (placed.some(fails)) failed.push(node);
    lines.push(`  ${from} -->|"${label(placed.map(itemLabel).join(', '))}"| ${node}${shape(store, technologies(placed))}`);
  }
  const requestOnly = rec.placements.filter((p) => p.store === 'none');
  if (requestOnly.length) {
    const from = tiers.stateless ? 'stateless' : 'stateful';
    lines.push(`  ${from} -.-|"${label(requestOnly.map(itemLabel).join(', '))}"| store_none["${label(STORE_INFO.none.label)}"]`);
  }
  if (failed.length) {
    lines.push('  classDef failed stroke:#c62828,stroke-width:3px,stroke-dasharray:6 3');
    lines.push(`  class ${failed.join(',')} failed`);
  }
  return lines.join('\n');
}

/** The node id of a store in the flowchart (`store_distributed_cache`): fixed words, so tests and styles can find it. */
export function storeNodeId(store: Store): string {
  return `store_${store.replace(/-/g, '_')}`;
}

const fails = (p: Placement) => p.checks.some((c) => !c.passed);
const itemLabel = (p: Placement) => (fails(p) ? `⚠ ${p.state}` : p.state);

/** The technologies running a store, in first-use order; the signed token and instance memory are the store itself. */
function technologies(placed: readonly Placement[]): string[] {
  const techs = placed.map((p) => p.technology).filter((t) => t !== 'none' && t !== 'signed-token' && t !== 'instance-memory');
  return [...new Set(techs)];
}

/**
 * Mermaid-safe label text (inside double quotes). Mermaid 11 takes brackets, parentheses, `;` and `|` literally in a
 * quoted label (checked in chromium by test/e2e/mermaid.test.ts), so only what it would still interpret becomes an
 * entity code: `#` (starts an entity), `"` (ends the label), `&` (HTML entity), `<` `>` (HTML tags), backtick
 * (Markdown string). Fewer codes keep the raw diagram readable where Markdown shows it as code.
 */
export function label(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[#"`&<>]/g, (c) => `#${c.codePointAt(0)};`);
}

export const ROUTING_LABEL: Record<Recommendation['scaling']['routing'], string> = {
  'any-instance': 'any instance',
  sticky: 'sticky sessions',
  partitioned: 'partitioned by key',
};

/** Stores in diagram order: the simplest first, request-only state last. */
const STORE_ORDER: readonly Store[] = [...STORES.filter((s) => s !== 'none'), 'none'];

function shape(store: Store, techs: readonly string[]): string {
  const text = label(techs.length ? `${STORE_INFO[store].label}: ${techs.join(', ')}` : STORE_INFO[store].label);
  if (store === 'database' || store === 'durable-log' || store === 'distributed-cache' || store === 'object-store') return `[("${text}")]`;
  if (store === 'client-token') return `>"${text}"]`;
  return `["${text}"]`;
}

function isInProcess(store: Store): boolean {
  return STORE_INFO[store].stateful;
}

export function tiersOf(rec: Recommendation): { stateless: boolean; stateful: boolean } {
  if (rec.verdict === 'stateless') return { stateless: true, stateful: false };
  if (rec.verdict === 'stateful') return { stateless: false, stateful: true };
  return { stateless: true, stateful: true };
}

/** In a hybrid service external stores hang off the stateless tier and instance memory off the stateful one. */
export function tierFor(rec: Recommendation, store: Store): 'stateless' | 'stateful' {
  if (rec.verdict === 'stateless') return 'stateless';
  if (rec.verdict === 'stateful') return 'stateful';
  return isInProcess(store) ? 'stateful' : 'stateless';
}
