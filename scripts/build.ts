/**
 * Builds the compiled JavaScript that `bin/statewise.js` and the container image run: one esbuild bundle per entry
 * in ENTRIES, written to dist/ (gitignored). `npm install` runs it (`prepare`), `npm start` runs it first, and bin/
 * falls back to the TypeScript sources whenever dist/ is missing or older than them (see bin/statewise.js).
 *
 * Each bundle carries the engine, the catalogue and the npm packages it uses (yaml, zod, hono, …), so a start reads
 * one file instead of resolving hundreds of modules in node_modules — that is what makes `advise` start fast.
 * Run from anywhere: `npm run build` (or `node --import tsx scripts/build.ts`).
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_CATALOG } from '../rules/index.ts';
import { preparseCatalogFile } from '../rules/catalog/catalog-file.ts';
import { copyGrammars, treeSitterCjs } from './copy-grammars.ts';

export interface Entry {
  /** Source file, relative to the repository root. */
  entry: string;
  /** Output file, relative to dist/ (`.cjs`: the bundles are CommonJS). */
  out: string;
  /**
   * Arguments of a run of the bundle's `main` after which its V8 code cache (`<out>.cache`) is written, for entries
   * whose start-up time matters (bin/compiled.cjs loads it).
   */
  warmUp?: string[];
  /** esbuild options that differ from the Node CommonJS default below (a browser bundle: platform, format, …). */
  esbuild?: BuildOptions;
}

/**
 * What dist/ holds. Add an entry here for another process or thread the server starts (a worker-thread entry:
 * `{ entry: 'server/advice-worker.ts', out: 'advice-worker.cjs' }`, found next to `__filename` of cli.cjs) or a
 * browser bundle (with `esbuild: { platform: 'browser', format: 'esm' }`). The first entry is the CLI that
 * bin/statewise.js runs; the manifest covers the inputs of all of them.
 */
export const ENTRIES: readonly Entry[] = [
  // piscina stays in node_modules: it starts its own worker.js from its package folder. playwright-core too: only
  // `export --to svg` loads it, and it is a devDependency (absent from an install without them: a clear error).
  { entry: 'server/cli.ts', out: 'cli.cjs', warmUp: ['advise', 'examples/online-shop.statewise.yaml'], esbuild: { external: ['piscina', 'playwright-core', '@modelcontextprotocol/sdk'], logOverride: { 'empty-import-meta': 'silent' } } },
  // The advice thread `statewise serve` starts (server/advice-worker-file.ts looks for it next to cli.cjs).
  { entry: 'server/advice-worker.ts', out: 'advice-worker.cjs', esbuild: { external: ['piscina'], logOverride: { 'empty-import-meta': 'silent' } } },
];

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = join(ROOT, 'dist');
/** Written last: the inputs of every bundle with their size and mtime, which bin/statewise.js compares at start. */
export const MANIFEST = join(DIST, 'build-manifest.json');

/**
 * The built-in catalogue, parsed and validated here once instead of at every start: parsing its ~70 KB of YAML was
 * ~2/3 of a cold `statewise advise` (bench/RESULTS.md, "CLI start-up"). The texts stay in the bundle, so the
 * catalogue version (a digest of the texts) and every message are the ones the sources give.
 */
const preparsedCatalog: Plugin = {
  name: 'preparsed-catalog',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/]catalog[\\/]builtin\.generated\.ts$/ }, () => {
      const sources = BUILTIN_CATALOG.map((source) => {
        const parsed = preparseCatalogFile(source);
        if (!parsed) throw new Error(`${source.name} does not load: run npx statewise rules lint`);
        return { ...source, parsed };
      });
      return { contents: `export const BUILTIN_CATALOG = ${JSON.stringify(sources)};\n`, loader: 'js' };
    });
  },
};

/** Builds every entry and writes the freshness manifest; returns the output files with their sizes. */
export async function buildAll(): Promise<{ out: string; bytes: number }[]> {
  mkdirSync(DIST, { recursive: true });
  // Without a manifest bin/ runs the sources: a build that stops half-way never passes for a fresh one.
  rmSync(MANIFEST, { force: true });
  const inputs = new Set<string>();
  const outputs: { out: string; bytes: number }[] = [];
  for (const e of ENTRIES) {
    const result = await build({
      entryPoints: [join(ROOT, e.entry)],
      outfile: join(DIST, e.out),
      bundle: true,
      // CommonJS: an ESM bundle that includes `yaml` crashes on its dynamic require of "process" (toolchain notes).
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      minify: !process.argv.includes('--no-minify'),
      sourcemap: 'linked',
      metafile: true,
      legalComments: 'none',
      logLevel: 'warning',
      absWorkingDir: ROOT,
      plugins: [preparsedCatalog, treeSitterCjs],
      // import.meta.url is empty in CommonJS: give modules the bundle's own URL (packageRoot, createRequire and the
      // worker's file resolve from it).
      define: { 'import.meta.url': 'import_meta_url' },
      banner: { js: 'var import_meta_url = require("url").pathToFileURL(__filename).href;' },
      ...e.esbuild,
    });
    for (const file of Object.keys(result.metafile?.inputs ?? {})) inputs.add(file);
    if (e.warmUp) writeCodeCache(join(DIST, e.out), e.warmUp);
    outputs.push({ out: e.out, bytes: statSync(join(DIST, e.out)).size });
  }
  // statewise scan's parsers: found beside the bundle (adapters/scan/grammars.ts), as in the container image.
  copyGrammars(DIST);
  // Only our own sources: a dependency changes through package-lock.json, which `npm install` rewrites.
  const watched = [...inputs].filter((f) => !f.startsWith('node_modules/')).sort();
  watched.push('package-lock.json');
  const files = Object.fromEntries(watched.map((f) => {
    const s = statSync(join(ROOT, f));
    return [f, { size: s.size, mtimeMs: s.mtimeMs }];
  }));
  // `source`: bin/ compares only where the CLI's own source exists (not in the image, which holds the build alone).
  writeFileSync(MANIFEST, JSON.stringify({ source: ENTRIES[0]!.entry, entries: ENTRIES.map((e) => e.out), files }) + '\n');
  return outputs;
}

/** Runs the bundle once in a fresh Node (output discarded) and writes its code cache with the functions that ran. */
function writeCodeCache(file: string, argv: string[]): void {
  rmSync(`${file}.cache`, { force: true });
  const script = `const c = require(${JSON.stringify(join(ROOT, 'bin', 'compiled.cjs'))});
const { exports, script } = c.loadCompiled(${JSON.stringify(file)});
exports.main(${JSON.stringify(argv)}).then(() => c.writeCodeCache(${JSON.stringify(file)}, script));`;
  execFileSync(process.execPath, ['-e', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000 });
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const outputs = await buildAll();
  for (const o of outputs) console.log(`dist/${o.out} ${(o.bytes / 1024).toFixed(1)} KB`);
}
