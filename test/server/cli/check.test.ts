import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRequirements, type Recommendation } from '../../../rules/index.ts';
import { builtinEngine } from '../../support/engine.ts';
import { cli, tempFiles } from '../../support/cli.ts';
import { sarifErrors, sarifOf } from '../../support/sarif.ts';

/** A cart whose answer does not depend on peakRps between 400 and 4000 (checked below, not assumed). */
const CART = `service: cart-api
context: { memory: session }
traffic: { peakRps: 4000, sessionMinutes: 30 }
constraints: { stores: [redis, postgres] }
state:
  - name: cart
    lifetime: hours
    lossImpact: annoying
`;

const engine = builtinEngine();
const answer = (text: string): Pick<Recommendation, 'verdict' | 'placements' | 'risks'> => {
  const parsed = parseRequirements(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  const r = engine.advise(parsed.value, { today: '2026-11-26' });
  return { verdict: r.verdict, placements: r.placements.map((p) => ({ ...p, why: [], checks: [] })), risks: r.risks.map((k) => ({ ...k, text: '' })) };
};

let dir: string;
let done: () => void;
beforeEach(async () => {
  ({ dir, done } = tempFiles({ 'cart.statewise.yaml': CART }));
  expect((await cli(dir, 'review', 'cart.statewise.yaml')).code).toBe(0);
});
afterEach(() => done());
const edit = (from: string, to: string) => writeFileSync(join(dir, 'cart.statewise.yaml'), readFileSync(join(dir, 'cart.statewise.yaml'), 'utf8').replace(from, to));

describe('statewise check: the answer, not the inputs', () => {
  it('peakRps 4000 → 400 with an identical answer: exit 0 with a note; --strict exits 1', async () => {
    const lower = CART.replace('peakRps: 4000', 'peakRps: 400');
    expect(answer(lower).verdict).toBe(answer(CART).verdict); // the premise, computed independently
    expect(answer(lower).placements.map((p) => [p.state, p.store])).toEqual(answer(CART).placements.map((p) => [p.state, p.store]));
    expect(answer(lower).risks.map((k) => k.id)).toEqual(answer(CART).risks.map((k) => k.id));
    edit('peakRps: 4000', 'peakRps: 400');
    const r = await cli(dir, 'check', 'cart.statewise.yaml');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(r.out).toContain('cart.statewise.yaml: docs/design-reviews/cart-api.md still gives the same answer (stateless); the inputs changed:');
    // Which field changed, as the file says it, instead of two input digests (issue 29).
    expect(r.out).toContain('  requirements changed: traffic.peakRps 4000 → 400');
    expect(r.out).not.toContain('input digest');
    expect(r.out).not.toContain('no longer matches');
    const strict = await cli(dir, 'check', 'cart.statewise.yaml', '--strict');
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('--strict: regenerate to refresh its provenance: npx statewise review cart.statewise.yaml -o docs/design-reviews/cart-api.md');
  });

  it('an answer change: exit 1 naming the verdict, placements and risks first, then the inputs', async () => {
    edit('context: { memory: session }', 'context: { memory: session, realtime: bidirectional }');
    const before = answer(CART);
    const after = answer(readFileSync(join(dir, 'cart.statewise.yaml'), 'utf8'));
    const r = await cli(dir, 'check', 'cart.statewise.yaml');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('cart.statewise.yaml: docs/design-reviews/cart-api.md no longer matches the answer');
    if (before.verdict !== after.verdict) expect(lines[1]).toBe(`  verdict: ${before.verdict} → ${after.verdict}`);
    const newItems = after.placements.filter((p) => !before.placements.some((q) => q.state === p.state));
    expect(newItems.length).toBeGreaterThan(0);
    for (const p of newItems) expect(lines).toContain(`  placement ${p.state}: (new item) → ${p.store}`);
    for (const k of after.risks.filter((x) => !before.risks.some((y) => y.id === x.id))) expect(lines).toContain(`  new risk: ${k.id}`);
    // The inputs come after the answer, indented under their own heading.
    const because = lines.indexOf('  because the inputs changed:');
    expect(because).toBeGreaterThan(1);
    expect(lines.slice(because)).toContain('    requirements changed: context.realtime none → bidirectional');
    expect(lines.slice(1, because).every((l) => /^ {2}(verdict|placement|new risk|risk)/.test(l))).toBe(true);
  });
});

describe('statewise check names the inputs that changed (issue 29)', () => {
  it('a state item field (a default before) and an added item', async () => {
    edit('    lossImpact: annoying\n', '    lossImpact: annoying\n    sizeKb: 8\n  - name: prefs\n    lifetime: request\n');
    const r = await cli(dir, 'check', 'cart.statewise.yaml');
    const lines = r.out.split('\n');
    // The cart's size was the default (sizeKb 2, shown in the review's state table); now 8.
    expect(lines).toContain('    requirements changed: state cart: Size (KB) 2 → 8');
    expect(lines).toContain('    requirements changed: state item prefs added');
    expect(r.out).not.toContain('input digest');
  });

  it('a change the review\'s tables do not show still says the requirements changed, with the digests', async () => {
    edit('service: cart-api\n', 'service: cart-api\ndescription: the cart\n');
    const r = await cli(dir, 'check', 'cart.statewise.yaml');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ {2}requirements changed: input digest sha256:[0-9a-f]{12} → sha256:[0-9a-f]{12}/);
  });
});

describe('statewise check --format sarif', () => {
  it('drift: a valid SARIF 2.1.0 log with each placement change at its state item line, exit 1; text on stderr', async () => {
    edit('context: { memory: session }', 'context: { memory: session, realtime: bidirectional }');
    edit('    lossImpact: annoying\n', '    lossImpact: annoying\n  - name: typing\n    lifetime: minutes\n');
    const r = await cli(dir, 'check', 'cart.statewise.yaml', '--format', 'sarif');
    expect(r.code).toBe(1);
    const log = sarifOf(r.out);
    expect(sarifErrors(log)).toEqual([]);
    expect(r.err).toContain('no longer matches the answer');
    const results = log.runs[0]!.results!;
    expect(results.every((x) => x.ruleId === 'statewise/review-drift' && x.level === 'error')).toBe(true);
    const typing = results.find((x) => x.message.text!.includes('placement typing (new item) → '));
    // `typing` is named on line 9 of the edited file: count it here rather than trust the locator.
    const text = readFileSync(join(dir, 'cart.statewise.yaml'), 'utf8').split('\n');
    const line = text.findIndex((l) => l.includes('name: typing')) + 1;
    expect(typing?.locations?.[0]?.physicalLocation?.region?.startLine).toBe(line);
    expect(typing?.locations?.[0]?.physicalLocation?.artifactLocation?.uri).toBe('cart.statewise.yaml');
  });

  it('inputs only: one note-level result and exit 0; --strict makes it an error and exit 1', async () => {
    edit('peakRps: 4000', 'peakRps: 400');
    const r = await cli(dir, 'check', 'cart.statewise.yaml', '--format', 'sarif');
    expect(r.code).toBe(0);
    const log = sarifOf(r.out);
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results!.map((x) => [x.ruleId, x.level])).toEqual([['statewise/review-stale', 'note']]);
    const strict = await cli(dir, 'check', 'cart.statewise.yaml', '--format', 'sarif', '--strict');
    expect(strict.code).toBe(1);
    expect(sarifOf(strict.out).runs[0]!.results!.map((x) => x.level)).toEqual(['error']);
  });

  it('up to date: an empty, valid log and exit 0', async () => {
    const r = await cli(dir, 'check', 'cart.statewise.yaml', '--format', 'sarif');
    expect(r.code).toBe(0);
    expect(sarifErrors(sarifOf(r.out))).toEqual([]);
    expect(sarifOf(r.out).runs[0]!.results).toEqual([]);
  });

  it('the validator itself rejects a log that breaks the schema (so the checks above can fail)', () => {
    expect(sarifErrors({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [{ message: { text: 'a' }, level: 'fatal' }] }] }).length).toBeGreaterThan(0);
    expect(sarifErrors({ version: '2.0.0', runs: [] }).length).toBeGreaterThan(0);
  });
});
