import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Recommendation } from '../../../rules/index.ts';
import { cli, spawnCli, tempFiles } from '../../support/cli.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';

interface SeedCase { id: string; input: Record<string, unknown> }
const seeds = parse(readFileSync(new URL('../../fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as SeedCase[];
const seed = (id: string) => seeds.find((s) => s.id === id)!.input;

const CHAT = stringify(seed('chat-app'));
const SHOP = stringify(seed('shop-with-live-support'));
const FEED = JSON.stringify(seed('public-rest-api'), null, 2);
/** Two problems, at known places: a wrong type (line 3, col 12) and an unknown field at its key (line 4, col 3). */
const BAD = 'service: broken\ntraffic:\n  peakRps: lots\n  colour: red\n';
const BAD_ENUM = 'service: broken\ncontext: { memory: forever }\ntraffic: { peakRps: 1 }\n';

const engine = builtinEngine();
const expected = (data: unknown): Recommendation => engine.advise(requirementsOf(data), { today: '2026-11-26' });

let dir: string;
let done: () => void;
beforeAll(() => {
  ({ dir, done } = tempFiles({
    'chat.statewise.yaml': CHAT, 'shop.statewise.yaml': SHOP, 'feed.statewise.json': FEED,
    'bad.statewise.yaml': BAD, 'enum.statewise.yaml': BAD_ENUM,
  }));
});
afterAll(() => done());

describe('statewise advise (in process)', () => {
  it('prints verdict, scores, placements, factors, risks and tipping points as text', async () => {
    const { code, out, err } = await cli(dir, 'advise', 'chat.statewise.yaml');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const rec = expected(seed('chat-app'));
    const lines = out.split('\n');
    expect(lines[0]).toBe(`chat.statewise.yaml: team-chat → ${rec.verdict.toUpperCase()} (confidence ${Math.round(rec.confidence * 100)}%)`);
    expect(out).toContain(`scores  stateless ${rec.scores.stateless} · stateful ${rec.scores.stateful} · hybrid ${rec.scores.hybrid}`);
    for (const p of rec.placements) {
      const row = lines.find((l) => l.trimStart().startsWith(p.implied ? `${p.state} (implied)` : `${p.state} `));
      expect(row, `placement row for ${p.state}`).toBeDefined();
      expect(row).toContain(p.store);
    }
    expect(lines.some((l) => l.startsWith('Strongest factors'))).toBe(true);
    expect(out).toContain(rec.factors[0]!.rule);
    expect(lines).toContain('Risks');
    expect(rec.risks.length).toBeGreaterThan(0);
    for (const r of rec.risks) expect(out).toContain(`[${r.severity}] ${r.id}`);
    expect(lines).toContain('Tipping points');
    expect(rec.tippingPoints.length).toBeGreaterThan(0);
    // A long note wraps with its continuation under its text (4 spaces in): joined back, each note is one bullet.
    const unwrapped = out.replace(/\n {4}(?=\S)/g, ' ').split('\n');
    for (const t of rec.tippingPoints) expect(unwrapped).toContain(`  - ${t.note}`);
  });

  it('--json with one file prints the Recommendation object', async () => {
    const { code, out, err } = await cli(dir, 'advise', 'chat.statewise.yaml', '--json');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(expected(seed('chat-app')))));
  });

  it('--json with several files prints an array in file order (YAML and JSON files alike)', async () => {
    const { code, out } = await cli(dir, 'advise', '--json', 'shop.statewise.yaml', 'feed.statewise.json', 'chat.statewise.yaml');
    expect(code).toBe(0);
    const answers = JSON.parse(out) as Recommendation[];
    expect(answers.map((a) => [a.service, a.verdict])).toEqual([['shop-frontend', 'hybrid'], ['public-feed-api', 'stateless'], ['team-chat', 'stateful']]);
    expect(answers[1]).toEqual(JSON.parse(JSON.stringify(expected(seed('public-rest-api')))));
  });

  it('bad input: exit 2, one FILE:LINE:COL field: message line per problem, nothing on stdout', async () => {
    const { code, out, err } = await cli(dir, 'advise', 'bad.statewise.yaml');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      'bad.statewise.yaml:3:12 traffic.peakRps: must be a number, not "lots"',
      'bad.statewise.yaml:4:3 traffic.colour: unknown field "colour"',
    ]);
  });

  it('bad input among good files prints no answers at all, and every bad file is reported', async () => {
    const { code, out, err } = await cli(dir, 'advise', '--json', 'chat.statewise.yaml', 'enum.statewise.yaml', 'bad.statewise.yaml');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.split('\n')).toEqual([
      'enum.statewise.yaml:2:20 context.memory: must be one of "none", "request", "session", "durable"',
      'bad.statewise.yaml:3:12 traffic.peakRps: must be a number, not "lots"',
      'bad.statewise.yaml:4:3 traffic.colour: unknown field "colour"',
    ]);
  });

  it('a missing file: exit 2 naming the file and the folder looked in', async () => {
    const { code, out, err } = await cli(dir, 'advise', 'nope.statewise.yaml');
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toBe(`nope.statewise.yaml: no such file (looked in ${dir})`);
  });

  it('a missing file close to an existing one: says which one was probably meant', async () => {
    const { code, err } = await cli(dir, 'advise', 'shopp.statewise.yaml');
    expect(code).toBe(2);
    expect(err).toBe(`shopp.statewise.yaml: no such file (looked in ${dir}); did you mean shop.statewise.yaml?`);
  });

  it('an unknown flag or no file: exit 2 with the usage', async () => {
    const flag = await cli(dir, 'advise', 'chat.statewise.yaml', '--bogus');
    expect({ code: flag.code, out: flag.out }).toEqual({ code: 2, out: '' });
    expect(flag.err).toBe('statewise advise: unknown option --bogus\nRun `statewise advise --help` for its options.');
    expect(flag.err).not.toMatch(/positional|place it at the end/); // none of Node's parser text
    const none = await cli(dir, 'advise', '--json');
    expect(none.code).toBe(2);
    expect(none.err).toContain('Usage: statewise advise FILE...');
  });
});

describe('statewise advise (real process: node bin/statewise.js)', () => {
  it('--json prints an object that parses, exit 0', () => {
    const r = spawnCli(dir, 'advise', 'shop.statewise.yaml', '--json');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(r.out)).toEqual(JSON.parse(JSON.stringify(expected(seed('shop-with-live-support')))));
  });

  it('bad input: exit 2, located messages on stderr, empty stdout', () => {
    const r = spawnCli(dir, 'advise', 'bad.statewise.yaml', 'nope.statewise.yaml');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    const lines = r.err.trimEnd().split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'bad.statewise.yaml:3:12 traffic.peakRps: must be a number, not "lots"',
      'bad.statewise.yaml:4:3 traffic.colour: unknown field "colour"',
    ]);
    expect(lines[2]).toMatch(/^nope\.statewise\.yaml: no such file \(looked in .+\)$/);
    expect(r.err).not.toMatch(/\bat \S+:\d+:\d+\)?$/m); // no stack trace
  });

  it('text output from a real file', () => {
    const r = spawnCli(dir, 'advise', 'feed.statewise.json');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^feed\.statewise\.json: public-feed-api → STATELESS \(confidence \d+%\)$/);
  });
});
