import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { specifiers } from '../support/imports.ts';

/**
 * The core reads like a small house: no import circle anywhere in rules/ (type imports included, since a type circle
 * is a design circle), and no source file past ~250 lines unless its header says why (docs/design.md, "Layout").
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RULES = join(ROOT, 'rules');
const MAX_LINES = 250;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') ? [path] : [];
  });
}

const name = (file: string) => relative(ROOT, file).split('\\').join('/');

/** Relative imports of each file, as repository paths. */
function graph(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [name(f), specifiers(readFileSync(f, 'utf8')).filter((s) => s.startsWith('.'))
    .map((s) => name(join(f, '..', s)))]));
}

/** Every cycle, each once (as found from its smallest file name), by depth-first search. */
function cycles(g: ReadonlyMap<string, readonly string[]>): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const start of [...g.keys()].sort()) {
    const path: string[] = [];
    const walk = (f: string) => {
      if (f === start && path.length) { out.push([...path, f]); return; }
      if (path.includes(f) || f < start || seen.has(f)) return;
      path.push(f);
      for (const t of g.get(f) ?? []) walk(t);
      path.pop();
    };
    walk(start);
    seen.add(start);
  }
  return out;
}

describe('rules/ structure', () => {
  const files = sources(RULES);

  it('has no import circle, type imports included', () => {
    expect(cycles(graph(files)).map((c) => c.join(' → '))).toEqual([]);
  });

  it('the circle finder sees a circle (so an empty list means something)', () => {
    expect(cycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
  });

  it(`keeps source files under ${MAX_LINES} lines, or says why in the header`, () => {
    const long = files.filter((f) => !f.endsWith('.generated.ts')).flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const lines = text.split('\n').length;
      return lines > MAX_LINES && !/Longer than \d+ lines because/.test(text.slice(0, 2000)) ? [`${name(f)}: ${lines}`] : [];
    });
    expect(long).toEqual([]);
  });
});
