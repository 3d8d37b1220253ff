import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { ROOT } from './lib/server.ts';
import { fmt, median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';

/**
 * Benchmark 6: the VS Code extension bundle — its size, and the time to require and activate it in a fresh Node
 * process with a minimal STAND-IN for the `vscode` module (bench/lib/activate.cjs; not a real editor host).
 * Builds the bundle with `npm run build:extension` when it is missing; skips when that is not possible.
 */
const BUNDLE = join(ROOT, 'extension', 'dist', 'extension.js');

export function runExtension(options: BenchOptions): BenchResult {
  if (!existsSync(BUNDLE) && existsSync(join(ROOT, 'scripts', 'build-extension.ts'))) {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-extension.ts'], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 });
    } catch { /* reported as skipped below */ }
  }
  if (!existsSync(BUNDLE)) {
    return { name: 'extension', text: '\n6. Extension: skipped: extension not built (extension/dist/extension.js missing)', ratios: {}, goals: [] };
  }
  const bytes = statSync(BUNDLE).size;
  const text = readFileSync(BUNDLE);
  const samples = options.quick ? 3 : 9;
  const runs: { requireMs: number; activateMs: number; subscriptions: number }[] = [];
  for (let i = 0; i < samples; i++) {
    const out = execFileSync(process.execPath, [join(ROOT, 'bench', 'lib', 'activate.cjs'), BUNDLE], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    runs.push(JSON.parse(out));
  }
  const req = median(runs.map((r) => r.requireMs));
  const act = median(runs.map((r) => r.activateMs));
  const rows = [
    ['bundle size', `${fmt(bytes / 1024, 1)} KB`],
    ['gzip / brotli', `${fmt(gzipSync(text).length / 1024, 1)} KB / ${fmt(brotliCompressSync(text).length / 1024, 1)} KB`],
    ['require (cold, fresh process), median', `${fmt(req, 1)} ms`],
    ['activate() with the vscode stand-in, median', `${fmt(act, 1)} ms (${runs[0]!.subscriptions} disposables registered)`],
  ];
  return {
    name: 'extension',
    text: table(`6. Extension bundle (extension/dist/extension.js; ${samples} fresh processes; vscode = minimal stand-in module, not an editor)`, ['figure', 'value'], rows),
    ratios: { 'extension.activate/require': act / req },
    goals: [],
  };
}
