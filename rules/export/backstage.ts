import { stringify } from 'yaml';
import type { Recommendation, Store } from '../contract/recommendation.ts';
import { architectureOf } from './architecture.ts';

/** Where the design review lives and who owns the entities (Backstage requires an owner). */
export interface BackstageOptions { reviewPath: string; reviewsDir: string; owner?: string; lifecycle?: string; description?: string }

/** Backstage resource types for the external stores. */
const RESOURCE_TYPE: Partial<Record<Store, string>> = {
  'distributed-cache': 'cache', 'database': 'database', 'durable-log': 'message-log', 'object-store': 'object-storage',
};

/** A Backstage entity name: [a-zA-Z0-9] with single - _ . between, at most 63 characters. */
function entityName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/[._-]{2,}/g, '-').slice(0, 63).replace(/^[._-]+|[._-]+$/g, '') || 'service';
}

/**
 * A multi-document catalog-info.yaml: the service as a Component (annotated with the design review's path and the
 * ADR folder, tagged with the verdict) that `dependsOn` one Resource per external store; state held in the client
 * or in instance memory is listed on the Component, since it is no separate piece of infrastructure.
 * @example backstageCatalog(rec, { reviewPath: 'docs/design-reviews/orders-api.md', reviewsDir: 'docs/design-reviews' })
 */
export function backstageCatalog(rec: Recommendation, options: BackstageOptions): string {
  const a = architectureOf(rec, options.description);
  const owner = options.owner ?? 'unknown';
  const lifecycle = options.lifecycle ?? 'production';
  const component = entityName(a.service);
  const resources = a.stores.filter((s) => s.external).map((s) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name: entityName(`${a.service}-${s.store}`),
      title: `${a.service}: ${s.title}`,
      description: s.description,
      annotations: { 'statewise.dev/store': s.store, 'statewise.dev/items': s.items.join(', ') },
      tags: ['statewise', ...(s.technology ? s.technology.split(', ').map(entityName).map((t) => t.toLowerCase()) : [])],
    },
    spec: { type: RESOURCE_TYPE[s.store] ?? s.store, owner, dependencyOf: [`component:${component}`] },
  }));
  const inside = a.stores.filter((s) => !s.external);
  const entity = {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: component,
      description: a.description,
      annotations: {
        'backstage.io/adr-location': options.reviewsDir,
        'statewise.dev/design-review': options.reviewPath,
        'statewise.dev/verdict': a.verdict,
        ...(inside.length ? { 'statewise.dev/state-in-service': inside.map((s) => `${s.store}: ${s.items.join(', ')}`).join('; ') } : {}),
      },
      tags: ['statewise', a.verdict],
    },
    spec: { type: 'service', lifecycle, owner, ...(resources.length ? { dependsOn: resources.map((r) => `resource:${r.metadata.name}`) } : {}) },
  };
  return [entity, ...resources].map((doc) => stringify(doc, { lineWidth: 0 })).join('---\n');
}
