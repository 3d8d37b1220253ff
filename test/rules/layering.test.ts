import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specifiers } from '../support/imports.ts';

/**
 * The import order of docs/design.md ("Layout"): contract ← model (facts) ← catalog ← engine; review ← contract,
 * model; adapters (server/, extension/src/, adapters/) reach the core only through rules/index.ts. No exception: the
 * evaluation context the catalogue's predicates and the model's measures read is model vocabulary (rules/model/context.ts).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Which rules/ folders each layer may import (besides its own). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  contract: [],
  model: ['contract'],
  catalog: ['contract', 'model'],
  engine: ['contract', 'model', 'catalog'],
  review: ['contract', 'model'],
  diff: ['contract', 'review'],
  export: ['contract', 'model', 'review'],
  conformance: ['contract', 'model'],
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sources(path);
    return /\.ts$/.test(e.name) ? [path] : [];
  });
}

/** Relative imports of a file, resolved to repository paths, with whether each is type-only. */
function imports(file: string): { target: string; typeOnly: boolean }[] {
  const text = readFileSync(file, 'utf8');
  const typeOnly = new Set([...text.matchAll(/\bimport\s+type\s+[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((m) => m[1]!));
  return specifiers(text).filter((s) => s.startsWith('.'))
    .map((s) => ({ target: relative(ROOT, join(file, '..', s)).split('\\').join('/'), typeOnly: typeOnly.has(s) }));
}

describe('layering', () => {
  it('each layer of rules/ imports only the layers below it', () => {
    const bad: string[] = [];
    for (const file of sources(join(ROOT, 'rules'))) {
      const from = relative(join(ROOT, 'rules'), file).split(/[\\/]/)[0]!;
      const allowed = MAY_IMPORT[from];
      if (!allowed) continue; // rules/index.ts: the public surface
      for (const { target } of imports(file)) {
        const layer = target.split('/')[1]!;
        if (layer === from || allowed.includes(layer)) continue;
        bad.push(`${relative(ROOT, file)} imports ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('adapters reach the core only through rules/index.ts', () => {
    const bad: string[] = [];
    const adapters = ['server', 'adapters', 'extension/src'].flatMap((d) => sources(join(ROOT, d)));
    expect(adapters.length).toBeGreaterThan(30);
    for (const file of adapters) {
      for (const { target } of imports(file)) {
        if (target.startsWith('rules/') && target !== 'rules/index.ts') bad.push(`${relative(ROOT, file)} imports ${target}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the checker sees a violation (so an empty list means something)', () => {
    expect(MAY_IMPORT.review).not.toContain('engine');
    const engineFile = join(ROOT, 'rules', 'engine', 'advise.ts');
    expect(imports(engineFile).some((i) => i.target.startsWith('rules/catalog/'))).toBe(true);
  });
});
