/**
 * The regression check `npm run bench -- --quick` ends with (CI): this run's ratios against the baseline block in
 * bench/RESULTS.md. Only ratios measured within one run are compared: absolute times on a shared machine drift too much.
 */

/**
 * Which way is better for each recorded ratio: 'higher' (a speed-up) or 'lower' (a cost). A ratio not listed
 * here is printed but not checked.
 */
export const DIRECTION: Record<string, 'higher' | 'lower'> = {
  'jre/statewise': 'higher',
  'advice.typical/jsonRoundTrip': 'lower',
  'advice.large/typical': 'lower',
  'http.advisor/echo': 'higher',
  'http.cached/echo': 'higher',
  'http.advisor/answer': 'higher',
  'http.brief/answer': 'higher',
  'http.cached/answer': 'higher',
  'http.workers2/workers1': 'higher',
  'http.batch.perItem1000/perItem10': 'lower',
  'startup.advise/node': 'lower',
  'activation.extension/yamlRequire': 'lower',
  'memory.rss.end/warm': 'lower',
  'scan.repo/read': 'lower',
};

/**
 * How much worse a ratio may get before CI fails: 1.5×, so that a 2× regression fails even when the run it happens
 * in is 25% lucky (quick runs of the same code spread by ±10–20% here). Ratios whose quick runs spread wider get 2×
 * (`--workers 2` shares both cores with the load generator; batch flatness divides two small medians).
 */
export const TOLERANCE = 1.5;
export const WIDER: Record<string, number> = { 'http.workers2/workers1': 2, 'http.batch.perItem1000/perItem10': 2 };

/** The fenced ```json block after "## Baseline ratios" in RESULTS.md, or undefined when there is none. */
export function baselineFrom(results: string): Record<string, number> | undefined {
  const block = /## Baseline ratios[\s\S]*?```json\n([\s\S]*?)```/.exec(results);
  return block ? (JSON.parse(block[1]!) as Record<string, number>) : undefined;
}

/**
 * One row per baseline ratio (name, baseline, now, status) and how many regressed. A ratio with no recorded
 * direction, or not measured in this run (`--only`), is skipped and says so.
 * @example compareRatios({ 'jre/statewise': 40 }, { 'jre/statewise': 120 }).failed === 1
 */
export function compareRatios(ratios: Record<string, number>, baseline: Record<string, number>): { rows: string[][]; failed: number } {
  const rows: string[][] = [];
  let failed = 0;
  for (const [name, base] of Object.entries(baseline)) {
    const now = ratios[name];
    const direction = DIRECTION[name];
    if (now === undefined || !direction) { rows.push([name, String(base), now === undefined ? 'not measured' : String(now), 'skipped']); continue; }
    const worse = direction === 'higher' ? base / now : now / base;
    const ok = worse <= (WIDER[name] ?? TOLERANCE);
    if (!ok) failed++;
    rows.push([name, base.toPrecision(3), now.toPrecision(3), ok ? 'ok' : `REGRESSED ${worse.toFixed(1)}×`]);
  }
  return { rows, failed };
}
