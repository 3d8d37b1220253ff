import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specifiers } from '../support/imports.ts';

/**
 * rules/ is the pure core (docs/design.md): it runs unchanged in Node, the extension host and a browser, so it may import
 * zod, yaml, @noble/hashes, fastest-levenshtein, linkify-it (pure; its one dependency, uc.micro, is Unicode tables) and its own files — never `node:*`, `vscode`, `hono` or any other package.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = join(ROOT, 'rules');
const ALLOWED = [/^zod(\/|$)/, /^yaml(\/|$)/, /^@noble\/hashes(\/|$)/, /^fastest-levenshtein$/, /^linkify-it$/, /^\.\.?\//];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|mts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

describe('rules/ is pure', () => {
  const files = sources(RULES);

  it('the scanner finds every kind of import (so an empty result means something)', () => {
    expect(specifiers([
      "import { z } from 'zod';",
      "import type { X } from './x.ts';",
      "export { y } from '../y.ts';",
      "import 'node:fs';",
      "const m = await import('hono');",
      "const v = require(\"vscode\");",
      "export * from './all.ts';",
    ].join('\n'))).toEqual(['zod', './x.ts', '../y.ts', 'node:fs', './all.ts', 'hono', 'vscode']);
  });

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => relative(ROOT, f))).toContain(join('rules', 'engine', 'advise.ts'));
  });

  it('imports only zod, yaml, @noble/hashes, fastest-levenshtein, linkify-it and relative paths', () => {
    const bad: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!ALLOWED.some((re) => re.test(spec))) bad.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('relative imports stay inside rules/', () => {
    const escaping: string[] = [];
    for (const file of files) {
      for (const spec of specifiers(readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const target = relative(RULES, join(file, '..', spec));
        if (target.startsWith('..')) escaping.push(`${relative(ROOT, file)} imports ${spec}`);
      }
    }
    expect(escaping).toEqual([]);
  });

  it('uses no Node or browser globals that would break another host', () => {
    const globals = /\b(process|Buffer|__dirname|__filename|require\.resolve)\b/;
    const offenders = files.filter((f) => {
      const code = readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');
      return globals.test(code);
    });
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });
});
