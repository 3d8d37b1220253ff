import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  componentEntityV1alpha1Validator, DefaultNamespaceEntityPolicy, EntityPolicies, FieldFormatEntityPolicy, NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator, SchemaValidEntityPolicy, type Entity,
} from '@backstage/catalog-model';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { backstageCatalog } from '../../../rules/index.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT } from '../../support/cli.ts';

/**
 * Every example's catalog-info.yaml passes Backstage's own checks from @backstage/catalog-model: the published
 * JSON Schemas of the entity envelope, Component and Resource kinds (SchemaValidEntityPolicy and the kind
 * validators), and the field-format policies the catalogue applies when it ingests a file.
 */
const engine = builtinEngine();
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const policy = EntityPolicies.allOf([new SchemaValidEntityPolicy(), new DefaultNamespaceEntityPolicy(), new NoForeignRootFieldsEntityPolicy(), new FieldFormatEntityPolicy()]);
const exportOf = (file: string) => {
  const req = requirementsFromText(readFileSync(join(ROOT, 'examples', file), 'utf8'));
  const rec = engine.advise(req);
  return { rec, text: backstageCatalog(rec, { reviewPath: `docs/design-reviews/${rec.service}.md`, reviewsDir: 'docs/design-reviews', owner: 'group:platform' }) };
};

describe('backstageCatalog', () => {
  it.each(EXAMPLES)('%s validates against the Backstage schemas and policies', async (file) => {
    const { rec, text } = exportOf(file);
    const docs = parseAllDocuments(text);
    const entities = docs.map((d) => { expect(d.errors).toEqual([]); return d.toJS() as Entity; });
    for (const entity of entities) {
      await expect(policy.enforce(entity)).resolves.toBeDefined();
      const validator = entity.kind === 'Component' ? componentEntityV1alpha1Validator : resourceEntityV1alpha1Validator;
      await expect(validator.check(entity)).resolves.toBe(true);
    }
    const [component, ...resources] = entities;
    expect(component!.kind).toBe('Component');
    expect(component!.metadata.annotations!['statewise.dev/design-review']).toBe(`docs/design-reviews/${rec.service}.md`);
    expect(component!.metadata.annotations!['backstage.io/adr-location']).toBe('docs/design-reviews');
    // One Resource per external store, each a dependency of the Component.
    const external = new Set(rec.placements.map((p) => p.store).filter((s) => ['distributed-cache', 'database', 'durable-log', 'object-store'].includes(s)));
    expect(resources.map((r) => r.metadata.annotations!['statewise.dev/store']).sort()).toEqual([...external].sort());
    expect(((component!.spec as { dependsOn?: string[] }).dependsOn ?? []).sort()).toEqual(resources.map((r) => `resource:${r.metadata.name}`).sort());
    for (const r of resources) {
      const items = rec.placements.filter((p) => p.store === r.metadata.annotations!['statewise.dev/store']).map((p) => p.state);
      expect(r.metadata.annotations!['statewise.dev/items']).toBe(items.join(', '));
    }
  });

  it('the validators catch a broken entity (so passing means something)', async () => {
    const { text } = exportOf('orders-api.statewise.yaml');
    const entity = parseAllDocuments(text)[0]!.toJS() as Entity;
    const broken = { ...entity, spec: { ...(entity.spec as object), owner: undefined } } as unknown as Entity;
    await expect(componentEntityV1alpha1Validator.check(broken)).rejects.toThrow(/owner/);
    const badName = { ...entity, metadata: { ...entity.metadata, name: 'has spaces!' } };
    await expect(policy.enforce(badName)).rejects.toThrow(/name/);
  });
});
