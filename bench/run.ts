import { readFileSync } from 'node:fs';
import os from 'node:os';
import { runEngineVsJre } from './engine-vs-jre.ts';
import { runAdvice } from './advice.ts';
import { runHttp } from './http.ts';
import { runExtension } from './extension.ts';
import { runStartup } from './startup.ts';
import { runActivation } from './activation.ts';
import { runMemory } from './memory.ts';
import { runScan } from './scan.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';
import { table } from './lib/table.ts';
import { baselineFrom, compareRatios, TOLERANCE, WIDER } from './lib/regressions.ts';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- --quick` runs shorter versions (CI, under a minute) and
 * exits 1 when a ratio regressed more than 1.5× (a few noisy ones: 2×) against the baseline ratios recorded in bench/RESULTS.md.
 * `--only NAME[,NAME]` runs some of them (engine, advice, http, memory, extension, startup, activation, scan); `--no-pin` keeps
 * the HTTP benchmark from pinning server and load generator to separate cores (on a machine others share).
 * Only ratios measured within one run are compared: absolute times on a shared machine drift too much.
 */
const args = process.argv.slice(2);
const options: BenchOptions = { quick: args.includes('--quick'), pin: !args.includes('--no-pin') };
const only = args.includes('--only') ? args[args.indexOf('--only') + 1]!.split(',') : undefined;
const RESULTS = new URL('./RESULTS.md', import.meta.url);
const BENCHES: [string, (o: BenchOptions) => Promise<BenchResult[]> | BenchResult[] | Promise<BenchResult> | BenchResult][] = [
  ['engine', runEngineVsJre],
  ['advice', runAdvice],
  ['http', runHttp],
  ['memory', runMemory],
  ['extension', runExtension],
  ['startup', runStartup],
  ['activation', runActivation],
  ['scan', runScan],
];

async function main(): Promise<number> {
  console.log(`statewise benchmarks${options.quick ? ' (--quick)' : ''} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const results: BenchResult[] = [];
  for (const [name, run] of BENCHES) {
    if (only && !only.includes(name)) continue;
    const out = await run(options);
    for (const r of Array.isArray(out) ? out : [out]) { console.log(r.text); results.push(r); }
  }
  const ratios = Object.assign({}, ...results.map((r) => r.ratios)) as Record<string, number>;
  const goals = results.flatMap((r) => r.goals);
  console.log(table('Goals', ['goal', 'figure', 'status'], goals.map((g) => [g.goal, g.figure, g.met ? 'met' : 'MISSED'])));
  console.log('\nratios (paste into bench/RESULTS.md to re-baseline):');
  console.log(JSON.stringify(Object.fromEntries(Object.entries(ratios).map(([k, v]) => [k, Number(v.toPrecision(3))])), null, 2));
  return options.quick ? checkRegressions(ratios) : 0;
}

/** Compares this run's ratios with the baseline block in RESULTS.md and prints the table; 1 when one regressed. */
function checkRegressions(ratios: Record<string, number>): number {
  const baseline = baselineFrom(readFileSync(RESULTS, 'utf8'));
  if (!baseline) { console.error('bench/RESULTS.md has no "## Baseline ratios" json block'); return 1; }
  const { rows, failed } = compareRatios(ratios, baseline);
  console.log(table(`Regression check against bench/RESULTS.md (fails beyond ${TOLERANCE}× worse; ${Object.entries(WIDER).map(([k, v]) => `${k} ${v}×`).join(', ')})`, ['ratio', 'baseline', 'now', 'status'], rows));
  return failed ? 1 : 0;
}

process.exitCode = await main();
