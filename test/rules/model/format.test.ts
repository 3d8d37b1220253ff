import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, quoteFigure } from '../../../rules/model/format.ts';

describe('numbers in sentences', () => {
  it('formatNumber: whole numbers as they are, 2 decimals from 1 up, 2 significant digits below 1', () => {
    expect(formatNumber(1500)).toBe('1500');
    expect(formatNumber(15.0586)).toBe('15.06');
    expect(formatNumber(1.005)).toBe('1');
    // A memory read of 0.001 ms was quoted as "0 ms"; 0.000781 ms of hot path as "0".
    expect(formatNumber(0.001)).toBe('0.001');
    expect(formatNumber(0.000781)).toBe('0.00078');
    expect(formatNumber(0.25)).toBe('0.25');
    expect(formatNumber(1e-7)).toBe('0.0000001');
  });

  it('quoteFigure: 4 significant digits, whole numbers from 1,000 up', () => {
    expect(quoteFigure(797.526041667)).toBe('797.5'); // a report's MB/s per instance, once printed in full
    expect(quoteFigure(366210.9375)).toBe('366211');
    expect(quoteFigure(1.0046875, 1.5)).toBe('1.005');
    expect(quoteFigure(5 + (6 / 1024 / 100) * 1000)).toBe('5.059');
    expect(quoteFigure(0.000781)).toBe('0.000781');
    expect(quoteFigure(25)).toBe('25');
  });

  it('quoteFigure: a value just over its limit never prints equal to it', () => {
    expect(quoteFigure(10.00004, 10)).toBe('10.00004');
    expect(quoteFigure(1250.4, 1250)).toBe('1250.4');
    // Within float noise the two are the same figure (the tolerance counts it as at the limit).
    expect(quoteFigure(0.1 + 0.2, 0.3)).toBe('0.3');
    fc.assert(fc.property(fc.double({ min: 1e-3, max: 1e9, noNaN: true }), fc.double({ min: 1e-3, max: 1e9, noNaN: true }), (value, limit) => {
      const [v, l] = [quoteFigure(value, limit), quoteFigure(limit, value)];
      if (Math.abs(value - limit) > 1e-9 * Math.max(value, limit)) expect(v).not.toBe(l);
      // What is printed is the figure, to within half a unit of its 4th significant digit (or of a whole number).
      expect(Math.abs(Number(v) - value)).toBeLessThanOrEqual(Math.max(value * 5e-4, 0.5) + 1e-12);
      expect(v).not.toMatch(/e/);
    }));
  });
});
