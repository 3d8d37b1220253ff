import type { BenchOptions, BenchResult } from './lib/result.ts';
export function runExtension(_options: BenchOptions): BenchResult {
  return { name: 'extension', text: '\n6. Extension: skipped: extension not built', ratios: {}, goals: [] };
}
