/**
 * Measures the worst-case time of one advice: the largest valid document (200 state items, distinct sizes and
 * write rates, every context flag on) over several seeds. Prints one JSON line per seed and a summary.
 * Usage: npx tsx scripts/reliability/worst-case.ts [--items 200] [--seeds 8]
 */
import { parseArgs } from 'node:util';
import { BUILTIN_CATALOG, createEngine, loadCatalog, validateRequirements } from '../../rules/index.ts';
import { largestRequirements } from '../../test/support/fuzz/large.ts';

const { values } = parseArgs({ options: { items: { type: 'string', default: '200' }, seeds: { type: 'string', default: '8' } } });
const loaded = loadCatalog(BUILTIN_CATALOG);
if (!loaded.ok) throw new Error('built-in catalogue does not load');
const engine = createEngine(loaded.value);
const times: number[] = [];
for (let seed = 0; seed < Number(values.seeds); seed++) {
  const req = validateRequirements(largestRequirements(Number(values.items), seed));
  if (!req.ok) throw new Error(JSON.stringify(req.issues));
  engine.advise(req.value); // warm-up: JIT and caches
  const runs: number[] = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    bytes = JSON.stringify(engine.advise(req.value)).length;
    runs.push(performance.now() - t);
  }
  const worst = Math.max(...runs);
  times.push(worst);
  console.log(JSON.stringify({ seed, items: Number(values.items), bestMs: Math.round(Math.min(...runs)), worstMs: Math.round(worst), answerBytes: bytes }));
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ summary: true, items: Number(values.items), medianMs: Math.round(times[times.length >> 1]!), maxMs: Math.round(times[times.length - 1]!) }));
