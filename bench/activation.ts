import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/server.ts';
import { fmt, median } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';

/**
 * Benchmark 7: activation time of the VS Code extension — what the editor pays before the first statewise feature
 * works: a cold `require` of the main bundle plus `activate()`, in a fresh Node process per sample, with the
 * `vscode` STAND-IN of bench/lib/activate.cjs (not a real editor host). Budget: ≤ 50 ms.
 * Baseline, measured in the same run the same way: a cold `require` of the `yaml` library's own CommonJS build
 * (a ~100 KB module everyone knows), so the ratio survives a slower or busier machine. The lazily loaded engine
 * bundle (first recommendation, review or CodeLens) is measured too, as information.
 */
const MAIN = join(ROOT, 'extension', 'dist', 'extension.js');
const ENGINE = join(ROOT, 'extension', 'dist', 'engine.js');
const ACTIVATE = join(ROOT, 'bench', 'lib', 'activate.cjs');
const BUDGET_MS = 50;

/** Milliseconds for a cold require of `file` in a fresh process. */
const coldRequire = (file: string): number => Number(execFileSync(process.execPath, ['-e',
  `const t = performance.now(); require(${JSON.stringify(file)}); process.stdout.write(String(performance.now() - t));`,
], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }));

export function runActivation(options: BenchOptions): BenchResult {
  if (!existsSync(MAIN) || !existsSync(ENGINE)) {
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-extension.ts'], { cwd: ROOT, stdio: 'ignore', timeout: 120_000 });
    } catch { /* reported as skipped below */ }
  }
  if (!existsSync(MAIN) || !existsSync(ENGINE)) {
    return { name: 'activation', text: '\n7. Activation: skipped: extension not built (npm run build:extension)', ratios: {}, goals: [] };
  }
  const samples = options.quick ? 5 : 15;
  const yamlCjs = join(ROOT, 'node_modules', 'yaml', 'dist', 'index.js');
  const base: number[] = [];
  const activation: number[] = [];
  const engine: number[] = [];
  // Interleaved, so a burst of load on the shared machine hits all three alike.
  for (let i = 0; i < samples; i++) {
    base.push(coldRequire(yamlCjs));
    const run = JSON.parse(execFileSync(process.execPath, [ACTIVATE, MAIN], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })) as { requireMs: number; activateMs: number };
    activation.push(run.requireMs + run.activateMs);
    engine.push(coldRequire(ENGINE));
  }
  const b = median(base);
  const a = median(activation);
  const e = median(engine);
  const rows = [
    ['baseline: cold require of yaml (CJS build)', `${fmt(b, 1)} ms`],
    ['extension: cold require + activate()', `${fmt(a, 1)} ms (${fmt(a / b, 2)}× baseline)`],
    ['engine bundle on first use: cold require', `${fmt(e, 1)} ms (${fmt(e / b, 2)}× baseline)`],
  ];
  return {
    name: 'activation',
    text: table(`7. Extension activation (medians of ${samples} fresh processes each, interleaved; vscode = stand-in module)`, ['figure', 'value'], rows),
    ratios: { 'activation.extension/yamlRequire': a / b },
    goals: [{ goal: `extension activation ≤ ${BUDGET_MS} ms`, met: a <= BUDGET_MS, figure: `${fmt(a, 1)} ms` }],
  };
}
