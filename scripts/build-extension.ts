/**
 * Builds the extension: one minified CJS bundle (`vscode` external) plus the JSON Schema of requirements files,
 * generated from the zod schema so the editor's validation can never disagree with the engine's.
 * Run from the repository root: `npm run build:extension`; the build fails when the bundle is over budget.
 */
import { build, type Plugin } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { BUILTIN_CATALOG, requirementsJsonSchema } from '../rules/index.ts';

// 300 KB held the rules engine of v1; the feasibility model (store profiles with their sources, checks, measures,
// capacity, cost, check-crossing tipping points) added ~40 KB of core the extension runs in-process.
const BUDGET_BYTES = 360 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const here = join(root, 'extension');
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });

writeFileSync(join(dist, 'requirements.schema.json'), JSON.stringify(requirementsJsonSchema(), null, 2) + '\n');

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
 * The built-in catalogue is YAML text (~45 KB, mostly prose the rules quote). The bundle carries it brotli-compressed
 * and inflates it once at load with node:zlib: the same bytes reach the engine, so the catalogue version (a digest
 * of the texts) is the one the CLI and the server report.
 */
const compressedCatalog: Plugin = {
  name: 'compressed-catalog',
  setup(b) {
    b.onLoad({ filter: /[\\/]rules[\\/]catalog[\\/]builtin\.generated\.ts$/ }, () => {
      const packed = brotliCompressSync(JSON.stringify(BUILTIN_CATALOG), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      return {
        contents: `import { brotliDecompressSync } from 'node:zlib';
export const BUILTIN_CATALOG = JSON.parse(brotliDecompressSync(Buffer.from(${JSON.stringify(packed.toString('base64'))}, 'base64')).toString('utf8'));`,
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

// CJS: an ESM bundle that includes `yaml` crashes on its dynamic require of "process".
const result = await build({
  entryPoints: [join(here, 'src/extension.ts')],
  outfile: join(dist, 'extension.js'),
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
  plugins: [compressedCatalog, yamlEsm, nodeSha256],
});

const out = Object.values(result.metafile.outputs)[0]!;
const byPackage = new Map<string, number>();
for (const [file, info] of Object.entries(out.inputs)) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? file.split('/').slice(0, file.startsWith('..') ? 2 : 1).join('/');
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + info.bytesInOutput);
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`extension/dist/extension.js ${kb(out.bytes)} (budget ${kb(BUDGET_BYTES)})`);
for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${kb(bytes).padStart(9)}  ${pkg}`);
if (out.bytes > BUDGET_BYTES) {
  console.error(`\nbundle is over budget by ${kb(out.bytes - BUDGET_BYTES)}`);
  process.exit(1);
}
