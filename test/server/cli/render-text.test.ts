import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { humanNumber } from '../../../rules/index.ts';
import { NAMES_SHOWN } from '../../../server/cli/render-text.ts';
import { wrap } from '../../../server/cli/text-wrap.ts';
import { cli, ROOT, tempFiles } from '../../support/cli.ts';

/** 200 state items over three stores and request-only state (issue 29's "big input"). */
function bigInput(): string {
  const kinds = [['minutes', 'costly'], ['days', 'costly'], ['request', 'none'], ['hours', 'annoying']] as const;
  const items = Array.from({ length: 200 }, (_, i) => {
    const [lifetime, loss] = kinds[i % 4]!;
    return `  - { name: item-${String(i).padStart(3, '0')}, lifetime: ${lifetime}, sizeKb: 2, lossImpact: ${loss} }`;
  });
  return ['service: big-catalogue', 'traffic:', '  peakRps: 2000', 'state:', ...items, ''].join('\n');
}

let dir: string;
let done: () => void;
beforeAll(() => {
  ({ dir, done } = tempFiles({ 'shop.statewise.yaml': readFileSync(`${ROOT}examples/online-shop.statewise.yaml`, 'utf8'), 'big.statewise.yaml': bigInput() }));
});
afterAll(() => done());

describe('humanNumber: 3 significant figures with thousands separators (text only)', () => {
  it('rounds as a person would, worked out by hand', () => {
    expect(humanNumber(6666666.67)).toBe('6,670,000'); // the 6666666.67 writes/s
    expect(humanNumber(20.01953125)).toBe('20'); // the 20.01953125 of 25 ms
    expect(humanNumber(15.1171875)).toBe('15.1');
    expect(humanNumber(10.55)).toBe('10.6');
    expect(humanNumber(1000)).toBe('1,000');
    expect(humanNumber(1234)).toBe('1,230');
    expect(humanNumber(999.5)).toBe('1,000'); // rounding carries into a new digit
    expect(humanNumber(0.012345)).toBe('0.0123');
    expect(humanNumber(0.5)).toBe('0.5');
    expect(humanNumber(-2500)).toBe('-2,500');
    expect(humanNumber(0)).toBe('0');
    expect(humanNumber(42)).toBe('42');
  });
});

describe('wrap: continuation lines hang under their bullet', () => {
  it('indents a bullet\'s second line under its text, not under the bullet or at column 0', () => {
    expect(wrap('- alpha beta gamma', 14, '  ')).toBe('  - alpha beta\n    gamma');
    expect(wrap('→ one two three', 11, '  ')).toBe('  → one two\n    three');
    expect(wrap('plain words wrap here', 12, '  ')).toBe('  plain\n  words wrap\n  here');
  });
});

describe('statewise advise text: the order a reader decides in (issue 29)', () => {
  it('leads with verdict and feasibility; then placements, plans, capacity, risks, tipping points; factors and assumptions last', async () => {
    const { code, out } = await cli(dir, 'advise', 'shop.statewise.yaml');
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe('shop.statewise.yaml: online-shop → STATELESS (confidence 92%)');
    expect(lines[2]).toBe('  feasible: the stateless plan passes every check');
    const at = (heading: string) => lines.findIndex((l) => l === heading || l.startsWith(`${heading} (`));
    const order = ['Placements', 'Plans', 'Capacity', 'Tipping points', 'Strongest factors', 'Assumptions'].map(at);
    expect(order.every((i) => i > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const l of lines) expect(l.length, l).toBeLessThanOrEqual(100);
  });

  it('rounds figures in text while --json keeps them exact', async () => {
    const { out } = await cli(dir, 'advise', 'shop.statewise.yaml');
    // JSON: 60000 sessions, hot path 15.1171875 ms, 1000 writes/s, 10.55 MB/s — by hand to 3 figures:
    expect(out).toContain('2 instances · 60,000 concurrent sessions · 0 MB in process per instance · hot path 15.1 of 100 ms');
    expect(out).toContain('  - database (postgres): 1 node + 1 replica · 800 reads/s · 1,000 writes/s · 10.6 MB/s — cart');
    expect(out).toContain('tightest check.latency 15.1 of 100 ms');
    const json = JSON.parse((await cli(dir, 'advise', 'shop.statewise.yaml', '--json')).out) as { capacity: { hotPathMs: number; stores: { mbPerSecond: number }[] } };
    expect(json.capacity.hotPathMs).toBe(15.1171875);
    expect(json.capacity.stores[0]!.mbPerSecond).toBe(10.55);
  });

  it('assumption bullets wrap under their text', async () => {
    const { out } = await cli(dir, 'advise', 'shop.statewise.yaml');
    const block = out.slice(out.indexOf('\nAssumptions\n') + 1).split('\n').slice(1);
    expect(block.length).toBeGreaterThan(3);
    for (const l of block) expect(l, l).toMatch(/^ {2}- \S|^ {4}\S/);
  });
});

describe('statewise advise text with 200 items (issue 29)', () => {
  it('counts items instead of naming them in the summary, capacity and grouped risks', async () => {
    const { code, out } = await cli(dir, 'advise', 'big.statewise.yaml');
    expect(code).toBe(0);
    // 200 items: 0,1 mod 4 (100) in the database, 3 mod 4 (50) in a token, 2 mod 4 (50) request-only.
    expect(out.replace(/\s+/g, ' ')).toContain('with 100 items in the database; 50 items in a signed client token.');
    expect(out).toMatch(/- database \(postgres\): [^\n]* — 100\s+items$/m);
    expect(out).toContain('[medium] risk.token-revocation (50 items: item-003, item-007, item-011 and 47 more)');
    // context.memory defaults to none beside 100 session items (0 and 3 mod 4): the note names three and counts the rest.
    expect(out.replace(/\s+/g, ' ')).toContain('NOTE context.memory (100 items): context.memory is none, yet item-000, item-003, item-004 and 97 more items are kept for a session');
    // No line outside the per-item placement list names more than NAMES_SHOWN items.
    const placements = out.slice(out.indexOf('\nPlacements'), out.indexOf('\nPlans'));
    const rest = out.replace(placements, '');
    for (const l of rest.split('\n')) expect((l.match(/item-\d{3}/g) ?? []).length, l).toBeLessThanOrEqual(NAMES_SHOWN);
    // The placements are the drill-down: one line per item, 200 of them, and reasons are left to --json.
    expect(placements).toContain('Placements (200 items; reasons with --json)');
    expect(placements.split('\n').filter((l) => /^ {2}item-\d{3} /.test(l))).toHaveLength(200);
  });
});
