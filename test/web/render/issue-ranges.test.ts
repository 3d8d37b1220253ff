import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { toDiagnosticSpecs } from '../../../web/render/issue-ranges.ts';

/** Diagnostics for a text: parse it with the real core, map the issues. */
function diagnose(text: string) {
  const parsed = parseRequirements(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : toDiagnosticSpecs(text, parsed.issues);
}

/** The text a zero-based range covers (single line). */
function covered(text: string, r: { startLine: number; startCharacter: number; endLine: number; endCharacter: number }) {
  expect(r.endLine).toBe(r.startLine);
  return text.split('\n')[r.startLine]!.slice(r.startCharacter, r.endCharacter);
}

describe('diagnostic ranges from parse issues', () => {
  it('underlines exactly a bad value, zero-based', () => {
    const text = 'service: shop\ntraffic:\n  peakRps: -5\n';
    const [d, ...rest] = diagnose(text);
    expect(rest).toEqual([]);
    expect(d!.range).toEqual({ startLine: 2, startCharacter: 11, endLine: 2, endCharacter: 13 });
    expect(covered(text, d!.range)).toBe('-5');
    expect(d!.message).toBe('traffic.peakRps: must be at least 0');
    expect(d!.code).toBe('too_small');
  });

  it('flags an unknown field at its key', () => {
    const text = 'service: shop\ntraffic:\n  peakRps: 5\n  peakRPS: 7\n';
    const [d] = diagnose(text);
    expect(d!.code).toBe('unknown_field');
    expect(covered(text, d!.range)).toBe('peakRPS');
    expect(d!.message).toBe('traffic.peakRPS: unknown field "peakRPS"; did you mean "peakRps"?');
  });

  it('underlines a bad enum value inside a state item', () => {
    const text = 'service: shop\ntraffic: { peakRps: 5 }\nstate:\n  - name: cart\n    lifetime: weeks\n';
    const [d] = diagnose(text);
    expect(d!.range.startLine).toBe(4);
    expect(covered(text, d!.range)).toBe('weeks');
    expect(d!.message).toMatch(/^state\[0\]\.lifetime: must be one of "request"/);
  });

  it('shows a missing required field on the first line of its parent only', () => {
    const text = 'service: shop\ntraffic:\n  spiky: true\n  regions: 2\n';
    const [d] = diagnose(text);
    expect(d!.message).toBe('traffic.peakRps: is required');
    expect(d!.range.startLine).toBe(d!.range.endLine);
    expect(d!.range.startLine).toBe(2);
    expect(d!.range.endCharacter).toBeGreaterThan(d!.range.startCharacter);
  });

  it('places a YAML syntax error at its line, to the end of that line', () => {
    const text = 'service: shop\ntraffic:\n  peakRps: [1, 2\n';
    const d = diagnose(text)[0]!;
    expect(d.code).toBe('syntax');
    expect(d.range.startLine).toBeGreaterThanOrEqual(2);
    expect(d.range.endCharacter).toBeGreaterThanOrEqual(d.range.startCharacter);
  });

  it('puts a document-level issue without a position on the first line', () => {
    const specs = toDiagnosticSpecs('first line\nsecond', [{ code: 'too_big', path: [], pointer: '', message: 'too big' }]);
    expect(specs).toEqual([{ range: { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 10 }, message: 'too big', code: 'too_big', severity: 'error' }]);
  });

  it('clamps positions past the end of the text (a stale issue after an edit)', () => {
    const specs = toDiagnosticSpecs('a: 1\n', [{ code: 'syntax', path: ['a'], pointer: '/a', message: 'm', line: 9, column: 40, endLine: 9, endColumn: 44 }]);
    const r = specs[0]!.range;
    expect(r.startLine).toBeLessThanOrEqual(1);
    expect(r.startCharacter).toBe(0);
  });

  it('handles CRLF text like LF text', () => {
    const lf = 'service: shop\ntraffic:\n  peakRps: -5\n';
    expect(diagnose(lf.replaceAll('\n', '\r\n'))[0]!.range).toEqual(diagnose(lf)[0]!.range);
  });

  it('reports every issue of a document with several', () => {
    const text = 'service: Shop\ntraffic:\n  peakRps: 5\nfailure:\n  availability: 100\n';
    const specs = diagnose(text);
    expect(specs.map((s) => s.message.split(':')[0])).toEqual(['service', 'failure.availability']);
    expect(specs.map((s) => s.range.startLine)).toEqual([0, 4]);
  });
});
