import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baselineFrom, compareRatios, DIRECTION } from '../../bench/lib/regressions.ts';

/** The baseline CI compares with: the block in bench/RESULTS.md as committed. */
const baseline = baselineFrom(readFileSync(new URL('../../bench/RESULTS.md', import.meta.url), 'utf8'))!;

/** A value `factor` times worse than `base` in the ratio's own direction. */
const worse = (name: string, base: number, factor: number) => (DIRECTION[name] === 'higher' ? base / factor : base * factor);

describe('bench regression check (what `npm run bench -- --quick` fails CI on)', () => {
  it('RESULTS.md has a baseline, and every ratio in it is checked (none skipped for want of a direction)', () => {
    expect(Object.keys(baseline).length).toBeGreaterThanOrEqual(8);
    for (const name of Object.keys(baseline)) expect(DIRECTION[name], name).toBeDefined();
  });

  it('the goal ratios of issue 15 (engine, advice, HTTP, memory) are in the baseline', () => {
    for (const name of ['jre/statewise', 'advice.typical/jsonRoundTrip', 'advice.large/typical', 'http.advisor/echo', 'memory.rss.end/warm']) {
      expect(baseline[name], name).toBeGreaterThan(0);
    }
  });

  it('the HTTP ratios of issue 25 (against a route sending a full answer\'s bytes) are in the baseline', () => {
    for (const name of ['http.advisor/answer', 'http.brief/answer', 'http.cached/answer']) expect(baseline[name], name).toBeGreaterThan(0);
  });

  it('a run at the baseline passes; a ratio 2× worse than its baseline fails, each one on its own', () => {
    expect(compareRatios({ ...baseline }, baseline).failed).toBe(0);
    for (const [name, base] of Object.entries(baseline)) {
      const { failed, rows } = compareRatios({ ...baseline, [name]: worse(name, base, 2.01) }, baseline);
      expect(failed, name).toBe(1);
      expect(rows.find((r) => r[0] === name)![3]).toMatch(/^REGRESSED 2\.0×$/);
    }
  });

  it('a ratio 1.4× worse passes (run-to-run noise), and better is never a regression', () => {
    for (const [name, base] of Object.entries(baseline)) {
      expect(compareRatios({ ...baseline, [name]: worse(name, base, 1.4) }, baseline).failed, name).toBe(0);
      expect(compareRatios({ ...baseline, [name]: worse(name, base, 1 / 3) }, baseline).failed, name).toBe(0);
    }
  });

  it('a ratio not measured in this run (--only) is skipped, not failed', () => {
    const [name] = Object.keys(baseline);
    const { [name!]: _gone, ...rest } = baseline;
    const { rows, failed } = compareRatios(rest, baseline);
    expect(failed).toBe(0);
    expect(rows.find((r) => r[0] === name)).toEqual([name, String(baseline[name!]), 'not measured', 'skipped']);
  });
});
