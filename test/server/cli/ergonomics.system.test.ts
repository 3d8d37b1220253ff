import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Recommendation } from '../../../rules/index.ts';
import { BIN, cli, tempFiles } from '../../support/cli.ts';
import { builtinEngine, requirementsOf } from '../../support/engine.ts';
import { sarifErrors, sarifOf } from '../../support/sarif.ts';

interface SeedCase { id: string; input: Record<string, unknown> }
const seeds = parse(readFileSync(new URL('../../fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as SeedCase[];
const seed = (id: string) => seeds.find((s) => s.id === id)!.input;
const engine = builtinEngine();
const expected = (data: unknown): Recommendation => engine.advise(requirementsOf(data), { today: '2026-11-26' });

/** Typos a person makes: a field called `size` (sizeKb), `rps` (peakRps), a scope `sessions` (session). */
const TYPOS = `service: typo
traffic:
  rps: 100
state:
  - name: cart
    size: 4
    lifetime: hours
context: { memory: sessions }
`;

let dir: string;
let done: () => void;
beforeAll(() => {
  ({ dir, done } = tempFiles({
    'chat.statewise.yaml': stringify(seed('chat-app')), 'shop.statewise.yaml': stringify(seed('shop-with-live-support')),
    'feed.statewise.yaml': stringify(seed('public-rest-api')), 'typos.statewise.yaml': TYPOS,
  }));
});
afterAll(() => done());

/** This process's environment without colour settings. */
function plainEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  return env;
}

/** The real binary with stdin, environment and (optionally) a terminal. */
function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  // Start from no colour settings at all (node warns when NO_COLOR and FORCE_COLOR are both set, even empty).
  const env = Object.assign(plainEnv(), options.env);
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input: options.input ?? '', env, timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('unknown flags and commands, in statewise\'s words', () => {
  it('suggests the nearest flag and points at --help, without Node\'s parser text', async () => {
    for (const [typed, meant] of [['--jsn', '--json'], ['--formta', '--format'], ['--rule', '--rules']] as const) {
      const r = await cli(dir, 'advise', 'chat.statewise.yaml', typed);
      expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
      expect(r.err).toBe(`statewise advise: unknown option ${typed}; did you mean ${meant}?\nRun \`statewise advise --help\` for its options.`);
    }
    const strict = await cli(dir, 'check', 'chat.statewise.yaml', '--strcit');
    expect(strict.err).toContain('unknown option --strcit; did you mean --strict?');
    const far = await cli(dir, 'advise', 'chat.statewise.yaml', '--zzzzzz');
    expect(far.err).toContain('unknown option --zzzzzz\n');
  });

  it('a missing value and a value given to a switch are said plainly', async () => {
    expect((await cli(dir, 'advise', 'chat.statewise.yaml', '--rules')).err).toContain('statewise advise: --rules needs a value (--rules VALUE)');
    expect((await cli(dir, 'advise', 'chat.statewise.yaml', '--json=yes')).err).toContain('statewise advise: --json takes no value');
  });

  it('an unknown command gets the nearest command', async () => {
    expect((await cli(dir, 'chekc', 'x')).err).toMatch(/^statewise: unknown command "chekc"; did you mean "check"\?/);
    expect((await cli(dir, 'reveiw')).err).toMatch(/did you mean "review"\?/);
    expect((await cli(dir, 'xyzzy')).err).toMatch(/^statewise: unknown command "xyzzy"\n/);
  });

  it('an unknown --format names the formats and the nearest', async () => {
    const r = await cli(dir, 'advise', 'chat.statewise.yaml', '--format', 'breif');
    expect(r.code).toBe(2);
    expect(r.err).toBe('statewise advise: --format breif is not one of text, json, brief, sarif; did you mean brief?');
  });
});

describe('did you mean, for fields and values', () => {
  it('size → sizeKb, rps → peakRps, sessions → session, each at its line', async () => {
    const r = await cli(dir, 'advise', 'typos.statewise.yaml');
    expect(r.code).toBe(2);
    expect(r.err).toContain('typos.statewise.yaml:3:3 traffic.rps: unknown field "rps"; did you mean "peakRps"?');
    expect(r.err).toContain('typos.statewise.yaml:6:5 state[0].size: unknown field "size"; did you mean "sizeKb"?');
    expect(r.err).toMatch(/typos\.statewise\.yaml:8:\d+ context\.memory: .*did you mean "session"\?/);
  });
});

describe('advise --format brief and sarif', () => {
  it('brief: a header, one line per file with verdict, confidence, feasibility and risks, then totals', async () => {
    const files = ['chat.statewise.yaml', 'shop.statewise.yaml', 'feed.statewise.yaml'];
    const r = await cli(dir, 'advise', '--format', 'brief', ...files);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^FILE +SERVICE +VERDICT +CONF +FEASIBLE +RISKS$/);
    const answers = [seed('chat-app'), seed('shop-with-live-support'), seed('public-rest-api')].map(expected);
    answers.forEach((a, i) => {
      const cells = lines[i + 1]!.split(/ {2,}/);
      const by = (s: string) => a.risks.filter((k) => k.severity === s).length;
      // The table tabulates the engine's brief answers, whose confidence is the score lead (no tipping-point search).
      const brief = engine.advise(requirementsOf([seed('chat-app'), seed('shop-with-live-support'), seed('public-rest-api')][i]), { today: '2026-11-26', detail: 'brief' });
      expect(cells).toEqual([files[i], a.service, a.verdict, `${Math.round(brief.confidence * 100)}%`, a.feasible ? 'yes' : 'NO',
        `${by('high')} high · ${by('medium')} medium · ${by('low')} low`]);
    });
    const tally = (v: string) => answers.filter((a) => a.verdict === v).length;
    expect(lines.at(-1)).toMatch(new RegExp(`^3 files: ${tally('stateless')} stateless, ${tally('stateful')} stateful, ${tally('hybrid')} hybrid`));
  });

  it('sarif: a valid SARIF 2.1.0 log, one result per risk, at the line of the item the risk is about', async () => {
    const r = await cli(dir, 'advise', '--format', 'sarif', 'chat.statewise.yaml');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const log = sarifOf(r.out);
    expect(sarifErrors(log)).toEqual([]);
    const rec = expected(seed('chat-app'));
    const results = log.runs[0]!.results!;
    expect(results.map((x) => x.ruleId)).toEqual(rec.risks.map((k) => k.rule));
    const text = readFileSync(`${dir}/chat.statewise.yaml`, 'utf8').split('\n');
    rec.risks.forEach((k, i) => {
      const level = { high: 'error', medium: 'warning', low: 'note' }[k.severity];
      expect(results[i]!.level).toBe(level);
      const item = k.id.split(':')[1];
      const own = item ? text.findIndex((l) => new RegExp(`name: ${item}$`).test(l)) + 1 : 0;
      // An item named in the file sits at its `name:` line; an implied item or a service-wide risk at line 1.
      expect(results[i]!.locations![0]!.physicalLocation!.region!.startLine).toBe(own > 0 ? own : 1);
    });
  });

  it('sarif with bad input: the problems as results at their lines, exit 2', async () => {
    const r = await cli(dir, 'advise', '--format', 'sarif', 'typos.statewise.yaml');
    expect(r.code).toBe(2);
    const log = sarifOf(r.out);
    expect(sarifErrors(log)).toEqual([]);
    const lines = log.runs[0]!.results!.map((x) => x.locations![0]!.physicalLocation!.region!.startLine);
    expect(lines).toEqual(expect.arrayContaining([3, 6, 8]));
  });
});

describe('the real binary: stdin, colour, plurals', () => {
  it('- reads the requirements from standard input', () => {
    const r = run(['advise', '-', '--json'], { input: readFileSync(`${dir}/chat.statewise.yaml`, 'utf8') });
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect((JSON.parse(r.out) as Recommendation).verdict).toBe(expected(seed('chat-app')).verdict);
    const bad = run(['advise', '-'], { input: TYPOS });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('<stdin>:3:3 traffic.rps: unknown field "rps"; did you mean "peakRps"?');
  });

  it('no colour into a pipe; colour when asked (FORCE_COLOR), and NO_COLOR or --no-color always win', () => {
    const esc = /\u001b\[/;
    expect(run(['advise', 'chat.statewise.yaml']).out).not.toMatch(esc);
    const forced = run(['advise', 'chat.statewise.yaml'], { env: { FORCE_COLOR: '1' } });
    expect(forced.out).toMatch(/\u001b\[1m/);
    expect(forced.out.replace(/\u001b\[\d+m/g, '')).toBe(run(['advise', 'chat.statewise.yaml']).out);
    expect(run(['advise', 'chat.statewise.yaml'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).out).not.toMatch(esc);
    expect(run(['--no-color', 'advise', 'chat.statewise.yaml'], { env: { FORCE_COLOR: '1' } }).out).not.toMatch(esc);
    expect(run(['advise', 'chat.statewise.yaml', '--no-color'], { env: { FORCE_COLOR: '1' } }).out).not.toMatch(esc);
  });

  it('colour in a real terminal (a pseudo-terminal from util-linux script), none with NO_COLOR there', () => {
    const inTerminal = (env: Record<string, string>) => spawnSync('script', ['-qfec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} advise chat.statewise.yaml`, '/dev/null'],
      { cwd: dir, encoding: 'utf8', env: { ...plainEnv(), TERM: 'xterm-256color', ...env }, timeout: 60_000 });
    const tty = inTerminal({});
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\u001b\[1mchat\.statewise\.yaml\u001b\[22m: team-chat/);
    expect(inTerminal({ NO_COLOR: '1' }).stdout).not.toMatch(/\u001b\[/);
  });

  it('the CLI\'s own counts read in the right number (no "(s)")', async () => {
    const r = await cli(dir, 'advise', 'chat.statewise.yaml', 'shop.statewise.yaml', 'feed.statewise.yaml');
    // Only the lines the CLI words itself: assumption texts come from the rules core.
    expect(r.out.split('\n').filter((l) => /^(Capacity|  \S+ \(\S+\): |  (stateless|stateful|hybrid))/.test(l)).join('\n')).not.toContain('(s)');
    const c = expected(seed('public-rest-api')).capacity;
    expect(r.out).toContain(`Capacity\n  ${c.instances} instance${c.instances === 1 ? '' : 's'} · `);
  });
});
