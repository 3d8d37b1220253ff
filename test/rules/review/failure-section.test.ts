import { describe, expect, it } from 'vitest';
import { failureSection } from '../../../rules/review/failure-section.ts';
import { failureCellText } from '../../../rules/review/failure-cell.ts';
import { adviseExample } from '../../support/extension.ts';

describe('review: failure table section', () => {
  const rec = adviseExample();
  const md = failureSection(rec);

  it('is a Markdown table with one row per item and a column per failure', () => {
    expect(md).toContain('| Item | Instance | Zone | Region | Store node | Deploy |');
    for (const p of rec.placements) expect(md).toContain(`| \`${p.state}\` |`);
  });

  it('explains each losing cell with the figures it rests on, whole losses first', () => {
    const reasons = md.split('What the losses rest on:')[1]!;
    expect(reasons).toContain('`support-chat`, instance (all, assumed figures)');
    expect(reasons).toContain('failoverSeconds 10');
    const rank = { all: 0, seconds: 1, 'in-flight': 2 } as const;
    const order = [...reasons.matchAll(/, [a-z-]+ \((all|seconds|in-flight)/g)].map((m) => m[1] as keyof typeof rank);
    expect(order.length).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => rank[a] - rank[b]));
  });
});

describe('failureCellText', () => {
  it('prints what is lost, owners and recovery in a few characters', () => {
    expect(failureCellText({ lost: 'all', affected: 6000, rtoSeconds: 10 })).toBe('all 6k · 10 s');
    expect(failureCellText({ lost: 'seconds', lossSeconds: 1, affected: 1_080_000, rtoSeconds: 15 })).toBe('1 s lost 1.08M · 15 s');
    expect(failureCellText({ lost: 'nothing', affected: 0, rtoSeconds: 0 })).toBe('nothing');
    expect(failureCellText({ lost: 'all', affected: 1000000, rtoSeconds: null })).toBe('all 1M · down');
  });
});
