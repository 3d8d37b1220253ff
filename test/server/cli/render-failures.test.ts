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
    const at = lines.findIndex((l) => l.startsWith('  support-chat'));
    const [loss, back] = [lines[at]!, lines[at + 1]!];
    const column = (l: string, k: string) => l.slice(lines[1]!.indexOf(k)).split(/ {2,}/)[0];
    expect(column(loss, 'instance')).toBe('all 6k');
    expect(column(back, 'instance')).toBe('back 10 s');
    // One region: the region's loss takes every session until it returns.
    expect(column(loss, 'region')).toBe('all 60k');
    expect(column(back, 'region')).toBe('down');
  });

  it('fits 100 columns, and a name too long for its column gets a line of its own', () => {
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(100);
    const long = { ...rec, failures: rec.failures.map((r) => (r.state === 'cart' ? { ...r, state: 'a-very-long-item-name-for-the-cart-of-each-user' } : r)) };
    const out = renderFailures(long);
    for (const l of out) expect([...l].length).toBeLessThanOrEqual(100);
    expect(out).toContain('  a-very-long-item-name-for-the-cart-of-each-user');
  });

  it('aligns columns whatever the colour: the painted matrix is the plain one plus escape codes', () => {
    const painted = renderFailures(rec, paintFor(true)).map((l) => l.replace(/\u001b\[[0-9;]*m/g, ''));
    expect(painted).toEqual(lines);
  });
});
