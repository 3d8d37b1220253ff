import { describe, expect, it } from 'vitest';
import { renderFailures } from '../../../server/cli/render-failures.ts';
import { renderText } from '../../../server/cli/render-text.ts';
import { paintFor } from '../../../server/cli/io.ts';
import { adviseExample } from '../../support/extension.ts';

/** The failure matrix of the text answer, on the shop example (10 instances, 60,000 sessions given, one region). */
describe('renderFailures', () => {
  const rec = adviseExample();
  const lines = renderFailures(rec);

  it('prints a header of the five failures and one line per item, right after the risks', () => {
    expect(lines[1]).toMatch(/^ {2}item +instance +zone +region +store-node +deploy$/);
    expect(lines.filter((l) => /^ {2}(cart|support-chat|connections) /.test(l))).toHaveLength(3);
    const text = renderText(rec, 'shop.yaml');
    expect(text.indexOf('Failure table')).toBeGreaterThan(text.indexOf('Risks'));
  });

  it('says in words what the sticky chat loses: all of 60,000 ÷ 10 = 6,000 sessions per instance, back in 10 s', () => {
    const chat = lines.find((l) => l.startsWith('  support-chat'))!;
    expect(chat).toContain('all 6k · 10 s');
    // One region: the region's loss takes every session until it returns.
    expect(chat).toContain('all 60k · down');
  });

  it('aligns columns whatever the colour: the painted matrix is the plain one plus escape codes', () => {
    const painted = renderFailures(rec, paintFor(true)).map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(painted).toEqual(lines);
  });
});
