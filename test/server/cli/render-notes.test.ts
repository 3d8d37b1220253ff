import { describe, expect, it } from 'vitest';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { renderNotes } from '../../../server/cli/render-notes.ts';
import { paintFor } from '../../../server/cli/io.ts';

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

  it('fills each note to the width, continuing under its text, and loses no word', () => {
    const rec = engine.advise(requirementsOf(input(200_000_000)));
    const [note] = renderNotes(rec, undefined, 60);
    const lines = note!.split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(60);
    for (const line of lines.slice(1)) expect(line).toMatch(/^ {7}\S/);
    const words = (t: string) => t.split(/\s+/).filter(Boolean);
    const n = rec.notes![0]!;
    expect(words(note!)).toEqual(words(`NOTE ${n.field} (${n.factor}×): ${n.text}`));
    // Colour goes on after filling: the escape codes do not count as columns.
    const painted = renderNotes(rec, { ...paintFor(false), yellow: (t: unknown) => `\u001b[33m${String(t)}\u001b[39m` }, 60)[0]!;
    expect(painted.replace(/\u001b\[\d+m/g, '')).toBe(note);
  });

  it('prints nothing when the input agrees with itself', () => {
    expect(renderNotes(engine.advise(requirementsOf(input(1000))))).toEqual([]);
  });
});
