import { describe, expect, it } from 'vitest';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { renderNotes } from '../../../server/cli/render-notes.ts';

const engine = builtinEngine();
const input = (owners: number) => ({
  service: 'url-shortener', traffic: { peakRps: 12_000 },
  failure: { sessionLoss: 'irrelevant', availability: 99.9, deploysPerDay: 4 }, latency: { p99Ms: 50 },
  state: [{ name: 'link', owner: 'user', owners, lifetime: 'forever', sizeKb: 0.5, writesPerMinute: 2, sensitivity: 'internal', lossImpact: 'costly', consistency: 'strong' }],
});

describe('renderNotes', () => {
  it('prints one NOTE line naming the field and the factor: 200 M × 2/min ÷ 60 ÷ 12,000 = 555.6×', () => {
    const lines = renderNotes(engine.advise(requirementsOf(input(200_000_000))));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}NOTE state\[link\]\.writesPerMinute \(555\.6×\): state\[link\]: 200000000 owners × 2 writes\/min/);
  });

  it('prints nothing when the input agrees with itself', () => {
    expect(renderNotes(engine.advise(requirementsOf(input(1000))))).toEqual([]);
  });
});
