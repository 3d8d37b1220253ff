/**
 * Builds the extension: two minified CJS bundles (`vscode` external) plus the JSON Schemas of requirements files,
 * generated from the zod schema so the editor's hover, completion and validation can never disagree with the engine.
 * - `dist/extension.js`, the main bundle: activation, diagnostics, quick fixes, hover, completion, commands.
 * - `dist/engine.js`, loaded on first use (extension/src/lazy-engine.ts): the rule engine, its catalogue and the
 *   review renderer. Measured with esbuild's metafile (printed below): the engine code (~75 KB of rules/) was what
 *   pushed the main bundle over 300 KB; zod and yaml (~95 KB each) are needed at activation by the diagnostics, and
 *   `zod/mini` is not an option while the core's schemas are the one contract. Splitting keeps the main bundle under
 *   budget and activation free of inflating and compiling the catalogue.
 * Run from the repository root: `npm run build:extension`; the build fails when the main bundle is over budget.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { BUILTIN_CATALOG, requirementsJsonSchema } from '../rules/index.ts';
import { hintsSchema, type JsonSchema } from '../extension/src/schema-hints.ts';
import { copyGrammars, treeSitterCjs } from './copy-grammars.ts';

// The main bundle (what activation loads). The lazily loaded engine bundle is reported but has no budget of its own.
const BUDGET_BYTES = 300 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'extension');
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });

// The full schema feeds the extension's own YAML hover and completion; the hints schema (no validation keywords) is
// what VS Code's JSON service and Red Hat YAML get, so statewise's diagnostics are the only ones (schema-hints.ts).
const schema = requirementsJsonSchema();
writeFileSync(join(dist, 'requirements.schema.json'), JSON.stringify(schema, null, 2) + '\n');
writeFileSync(join(dist, 'requirements.hints.schema.json'), JSON.stringify(hintsSchema(schema as JsonSchema), null, 2) + '\n');

/**
 * yaml's `node` export is CommonJS, which esbuild cannot tree-shake (~112 KB). Its ES-module build (the `default`
 * export, free of Node globals) is the same code and shakes to what the core uses.
 */
const yamlEsm: Plugin = {
  name: 'yaml-esm',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, 'node_modules/yaml/browser/dist/index.js') }));
  },
};

/**
 * linkify-it (and its Unicode tables, uc.micro) only define functions and constants at load, but do not say so in
 * package.json, so esbuild keeps them in every bundle that imports the rules' barrel. Only rendering a review uses
 * them (rules/review/autolinks.ts, built on first use); marked free of side effects, the activation bundle drops them.
 */
/**
 * The core's modules build constant tables at load (the registry of derived facts, the measures, the fact readers) and
 * touch nothing outside themselves (rules/ is pure by design: test/rules/purity.test.ts), so the activation bundle may
 * drop every one the extension's activation does not use; without this, esbuild keeps them for their top-level calls.
 */
const pureCore: Plugin = {
  name: 'pure-core',
  setup(b) {
    b.onResolve({ filter: /\.ts$/ }, async (args) => {
      if (args.pluginData === 'pure-core' || !args.path.startsWith('.')) return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'pure-core' });
      return resolved.path.includes('/rules/') ? { ...resolved, sideEffects: false } : resolved;
    });
  },
};

const pureLinkify: Plugin = {
  name: 'pure-linkify',
  setup(b) {
    b.onResolve({ filter: /^(linkify-it|uc\.micro)$/ }, async (args) => {
      if (args.pluginData === 'pure-linkify') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'pure-linkify' });
      return { ...resolved, sideEffects: false };
    });
  },
};

/**
 * The built-in catalogue is YAML text (~45 KB, mostly prose the rules quote). The bundle carries it brotli-compressed
 * and inflates it once at load with node:zlib: the same bytes reach the engine, so the catalogue version (a digest
 * of the texts) is the one the CLI and the server report. Marked pure, so a bundle that does not use the catalogue
 * (the main one) drops it instead of inflating it at activation.
 */
const compressedCatalog: Plugin = {
  name: 'compressed-catalog',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/]catalog[\\/]builtin\.generated\.ts$/ }, () => {
      const packed = brotliCompressSync(JSON.stringify(BUILTIN_CATALOG), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      return {
        contents: `import { brotliDecompressSync } from 'node:zlib';
export const BUILTIN_CATALOG = /* @__PURE__ */ JSON.parse(/* @__PURE__ */ brotliDecompressSync(/* @__PURE__ */ Buffer.from(${JSON.stringify(packed.toString('base64'))}, 'base64')).toString('utf8'));`,
        loader: 'ts',
      };
    });
  },
};

/**
 * The pure core hashes with @noble/hashes (it must run in browsers too); the extension host is Node, whose
 * built-in crypto computes the same SHA-256 without shipping an implementation (~6 KB).
 */
const nodeSha256: Plugin = {
  name: 'node-sha256',
  setup(b) {
    b.onResolve({ filter: /^@noble\/hashes\/(sha2|utils)\.js$/ }, (args) => ({ path: args.path, namespace: 'node-sha256' }));
    b.onLoad({ filter: /.*/, namespace: 'node-sha256' }, (args) => ({
      contents: args.path.endsWith('sha2.js')
        ? `import { createHash } from 'node:crypto';
export const sha256 = (bytes) => new Uint8Array(createHash('sha256').update(bytes).digest());`
        : `export const utf8ToBytes = (text) => new TextEncoder().encode(text);
export const bytesToHex = (bytes) => Buffer.from(bytes).toString('hex');`,
      loader: 'js',
      resolveDir: root,
    }));
  },
};

/** In the main bundle, the engine module is the separate file next to it, not code inlined. */
const lazyEngine: Plugin = {
  name: 'lazy-engine',
  setup(b) {
    b.onResolve({ filter: /^\.\/engine-module\.ts$/ }, () => ({ path: './engine.js', external: true }));
  },
};

// CJS: an ESM bundle that includes `yaml` crashes on its dynamic require of "process". The dynamic import of the
// engine bundle becomes a plain require (`dynamic-import: false`), which VS Code's extension host resolves.
const bundle = (entry: string, outfile: string, plugins: Plugin[]) => build({
  entryPoints: [join(here, entry)],
  outfile: join(dist, outfile),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode'],
  minify: true,
  sourcemap: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  supported: { 'dynamic-import': false },
  plugins: [...plugins, compressedCatalog, yamlEsm, nodeSha256, treeSitterCjs, pureLinkify, pureCore],
});
const result = await bundle('src/extension.ts', 'extension.js', [lazyEngine]);
const engine = await bundle('src/engine-module.ts', 'engine.js', []);
// statewise scan's tree-sitter wasm (the engine bundle's scan finds them in dist/grammars, the folder the .vsix ships).
copyGrammars(dist);

const out = Object.values(result.metafile.outputs)[0]!;
const engineOut = Object.values(engine.metafile.outputs)[0]!;
const byPackage = new Map<string, number>();
for (const [file, info] of Object.entries(out.inputs)) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, file.startsWith('..') ? 2 : 1).join('/');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`extension/dist/extension.js ${kb(out.bytes)} (budget ${kb(BUDGET_BYTES)})`);
for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${kb(bytes).padStart(9)}  ${pkg}`);
if (process.env.STATEWISE_BUNDLE_FILES) for (const [file, info] of Object.entries(out.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput).slice(0, 40)) console.log(`  ${kb(info.bytesInOutput).padStart(9)}  ${file}`);
console.log(`extension/dist/engine.js ${kb(engineOut.bytes)} (loaded on first recommendation, review or CodeLens)`);
if (out.bytes > BUDGET_BYTES) {
  console.error(`\nbundle is over budget by ${kb(out.bytes - BUDGET_BYTES)}`);
  process.exit(1);
}
