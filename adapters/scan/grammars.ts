import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

/**
 * The tree-sitter runtime and the grammars the scan parses with, as WebAssembly: the same files run in Node, the
 * extension host and a browser. Versions whose ABI matches (docs/design.md, "Scan"): web-tree-sitter 0.27 with the
 * wasm that tree-sitter-typescript 0.23.2 and @tree-sitter-grammars/tree-sitter-hcl 1.2.0 ship.
 */
export const WASM_FILES = {
  runtime: ['web-tree-sitter', 'web-tree-sitter.wasm'],
  typescript: ['tree-sitter-typescript', 'tree-sitter-typescript.wasm'],
  tsx: ['tree-sitter-typescript', 'tree-sitter-tsx.wasm'],
  terraform: ['@tree-sitter-grammars/tree-sitter-hcl', 'tree-sitter-terraform.wasm'],
} as const;

export interface Grammars { parser: Parser; typescript: Language; tsx: Language; terraform: Language }

/**
 * Where each wasm file is: in `dir` when given (a bundle copies them to `grammars/` beside itself: dist/ for the CLI,
 * extension/dist/ for the .vsix), else beside this module's bundle, else in node_modules (the sources).
 */
export function wasmPaths(dir?: string): Record<keyof typeof WASM_FILES, string> {
  const here = import.meta.url ? dirname(fileURLToPath(import.meta.url)) : undefined;
  const beside = dir ?? (here && existsSync(join(here, 'grammars', WASM_FILES.runtime[1])) ? join(here, 'grammars') : undefined);
  const entries = Object.entries(WASM_FILES).map(([k, [pkg, file]]) => {
    if (beside) return [k, join(beside, file)];
    const require = createRequire(import.meta.url || __filename);
    return [k, require.resolve(`${pkg}/${file}`)];
  });
  return Object.fromEntries(entries) as Record<keyof typeof WASM_FILES, string>;
}

const loaded = new Map<string, Promise<Grammars>>();

/** The runtime and grammars, loaded once per folder (the wasm compiles in ~100 ms; every file reuses it). */
export function loadGrammars(dir?: string): Promise<Grammars> {
  const paths = wasmPaths(dir);
  const key = paths.runtime;
  let p = loaded.get(key);
  if (!p) {
    p = (async () => {
      for (const f of Object.values(paths)) if (!existsSync(f)) throw new Error(`tree-sitter wasm missing at ${f}: the install is broken`);
      // Bytes rather than paths: the runtime then never fetches or imports a file system module itself, which a
      // bundle (dist/cli.cjs, the extension's engine.js) could not resolve.
      const bytes = (f: string) => new Uint8Array(readFileSync(f));
      await Parser.init({ wasmBinary: bytes(paths.runtime) } as object);
      const [typescript, tsx, terraform] = await Promise.all([Language.load(bytes(paths.typescript)), Language.load(bytes(paths.tsx)), Language.load(bytes(paths.terraform))]);
      return { parser: new Parser(), typescript, tsx, terraform };
    })();
    loaded.set(key, p);
  }
  return p;
}
