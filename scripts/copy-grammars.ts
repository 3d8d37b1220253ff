import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'esbuild';
import { basename, join } from 'node:path';
import { wasmPaths } from '../adapters/scan/grammars.ts';

/**
 * Copies the tree-sitter runtime and grammar wasm files (from node_modules) to `dir/grammars/`, where
 * adapters/scan/grammars.ts looks for them beside a bundle: dist/ for the CLI, extension/dist/ for the .vsix.
 * @returns the copied files
 */
export function copyGrammars(dir: string): string[] {
  const target = join(dir, 'grammars');
  mkdirSync(target, { recursive: true });
  return Object.values(wasmPaths()).map((from) => {
    copyFileSync(from, join(target, basename(from)));
    return join(target, basename(from));
  });
}

/**
 * Bundles web-tree-sitter's CommonJS build: its ES module build declares `var require = createRequire(…)` after an
 * `await import("module")`, and esbuild's CommonJS output of that import then calls the not yet assigned variable.
 */
export const treeSitterCjs: Plugin = {
  name: 'web-tree-sitter-cjs',
  setup(b) {
    const file = createRequire(import.meta.url).resolve('web-tree-sitter');
    b.onResolve({ filter: /^web-tree-sitter$/ }, () => ({ path: file.replace(/\.js$/, '.cjs') }));
  },
};
