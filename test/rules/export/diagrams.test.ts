import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { architectureOf, likec4Model, structurizrWorkspace } from '../../../rules/index.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { ROOT } from '../../support/cli.ts';

/**
 * The Structurizr DSL and LikeC4 exports hold the same picture as the review's diagram: every kept item on a
 * relationship to its store's container, every relationship between declared identifiers. LikeC4's own CLI
 * validates the models in test/server/cli/export.system.test.ts. Structurizr's parser is Java from Maven Central,
 * which cannot be reached here, so its output is checked here by structure: declared identifiers, balanced braces,
 * quoting.
 */
const engine = builtinEngine();
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const adviceOf = (file: string) => engine.advise(requirementsFromText(readFileSync(join(ROOT, 'examples', file), 'utf8')));

/** Braces outside quoted strings balance and never go negative. */
function balanced(text: string, quote: string): boolean {
  let depth = 0;
  for (const line of text.split('\n')) {
    const bare = line.replace(new RegExp(`${quote}[^${quote}]*${quote}`, 'g'), '').replace(/\/\/.*$/, '');
    for (const c of bare) { if (c === '{') depth++; if (c === '}') depth--; if (depth < 0) return false; }
  }
  return depth === 0;
}

describe('structurizrWorkspace', () => {
  it.each(EXAMPLES)('%s: containers for the tiers and stores, relationships between declared identifiers', (file) => {
    const rec = adviceOf(file);
    const dsl = structurizrWorkspace(rec);
    expect(balanced(dsl, '"')).toBe(true);
    const declared = new Set([...dsl.matchAll(/^\s+(\w+) = (?:person|softwareSystem|container) /gm)].map((m) => m[1]!));
    const relationships = [...dsl.matchAll(/^\s+([\w.]+) -> ([\w.]+) "([^"]*)"$/gm)];
    expect(relationships.length).toBeGreaterThanOrEqual(2);
    for (const [, from, to] of relationships) for (const id of [from!, to!]) expect(declared).toContain(id.replace(/^service\./, ''));
    // Every line with quotes has an even number of them: no label can end a string early.
    for (const line of dsl.split('\n')) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    const labels = relationships.map((m) => m[3]!).join(', ');
    for (const p of rec.placements.filter((p) => p.store !== 'none')) expect(labels.split(', ')).toContain(p.state);
  });
});

describe('likec4Model', () => {
  it.each(EXAMPLES)('%s: the same parts and links as the architecture', (file) => {
    const rec = adviceOf(file);
    const model = likec4Model(rec);
    const a = architectureOf(rec);
    expect(balanced(model, "'")).toBe(true);
    for (const s of a.stores) expect(model).toContain(`    ${s.id} = ${s.external ? 'store' : 'container'} '${s.title}' {`);
    for (const l of a.links) expect(model).toContain(`  ${l.from === 'clients' ? 'clients' : `service.${l.from}`} -> service.${l.to} '${l.label}'`);
  });

  it('keeps quotes in free text from ending a string', () => {
    const rec = adviceOf('orders-api.statewise.yaml');
    const model = likec4Model(rec, "it's a \"quoted\" \\ description");
    expect(model).toContain(`description 'it’s a "quoted" / description'`);
    expect(structurizrWorkspace(rec, 'say "hi"')).toContain(`"say 'hi'"`);
  });
});
