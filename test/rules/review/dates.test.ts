import { describe, expect, it } from 'vitest';
import { isIsoDate, isoDate, reviewDate } from '../../../rules/index.ts';

describe('review dates (pure; the adapters read the clock)', () => {
  it('writes an instant as its UTC calendar date', () => {
    expect(isoDate(new Date(Date.UTC(2026, 10, 30, 23, 59, 59)))).toBe('2026-11-30');
    expect(isoDate(new Date(0))).toBe('1970-01-01');
  });

  it('accepts only real calendar dates', () => {
    expect(['2026-11-30', '2024-02-29'].map(isIsoDate)).toEqual([true, true]);
    expect(['2026-02-30', '2025-02-29', '2026-1-01', '26-11-30', ''].map(isIsoDate)).toEqual([false, false, false, false, false]);
  });

  it('reads the date of front matter even when the rest of the provenance is broken (a stale review keeps its date)', () => {
    expect(reviewDate('---\nstatus: proposed\ndate: 2026-11-26\nstatewise: { broken: true }\n---\n# x\n')).toBe('2026-11-26');
    expect(reviewDate('\uFEFF---\r\ndate: "2025-01-31"\r\n---\r\n')).toBe('2025-01-31');
  });

  it('has no date for a file without front matter, or with a date that is not a day', () => {
    expect(reviewDate('# no front matter\ndate: 2026-11-26\n')).toBeUndefined();
    expect(reviewDate('---\ndate: 2026-02-30\n---\n')).toBeUndefined();
    expect(reviewDate('---\ndate: [\n---\n')).toBeUndefined();
  });
});
