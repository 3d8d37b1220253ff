import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli.ts';
import type { Io } from '../../../server/cli/io.ts';
import { lineOf } from '../../support/catalog-dir.ts';

let dir: string;
let out: string[];
let err: string[];

async function run(...args: string[]): Promise<number> {
  out = [];
  err = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today: '2026-11-26' };
  return main(args, io);
}

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, '..'), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const SERVICE = `service: quiet-api
traffic: { peakRps: 50 }
`;

/** A team rule that fires for SERVICE (it runs no cache) and lints clean. */
const TEAM_RULE = `rules:
  - id: team.no-redis
    kind: service
    title: We run no Redis
    when: { fact: derived.operatesCache, eq: false }
    effect: { stateless: -3 }
    because: "constraints.stores is {constraints.stores}: our platform offers no Redis"
    source: "Platform team handbook"
`;

beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'statewise-cli-rules-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('statewise rules lint', () => {
  it('exits 0 on the built-in catalogue alone and on a clean custom folder', async () => {
    expect(await run('rules', 'lint')).toBe(0);
    expect(out.join('\n')).toMatch(/no findings in 6 catalogue files/);
    write('team/rules.yaml', TEAM_RULE);
    expect(await run('rules', 'lint', 'team')).toBe(0);
    expect(out.join('\n')).toMatch(/no findings in 7 catalogue files/);
    expect(await run('rules', 'lint', '--rules', 'team')).toBe(0);
    expect(out.join('\n')).toMatch(/no findings in 7 catalogue files/);
  });

  it('prints FILE:LINE code: message per finding and exits 1', async () => {
    const text = `${TEAM_RULE.replace('derived.operatesCache', 'derived.operatesCACHE')}  - id: team.up
    kind: service
    title: Busy services stay sticky
    when: { fact: traffic.peakRps, gte: 9000 }
    effect: { stateful: 4 }
    because: "busy"
`;
    write('team/rules.yaml', text);
    expect(await run('rules', 'lint', 'team')).toBe(1);
    const lines = out.join('\n').split('\n');
    const file = join('team', 'rules.yaml');
    expect(lines).toContain(`${file}:${lineOf(text, 'operatesCACHE')} unknown_fact: unknown fact "derived.operatesCACHE" (did you mean derived.operatesCache?)`);
    expect(lines.some((l) => l.startsWith(`${file}:${lineOf(text, 'gte: 9000')} non_monotonic: "team.up"`))).toBe(true);
    expect(lines.some((l) => l.startsWith(`${file}:${lineOf(text, 'id: team.up')} missing_source: `))).toBe(true);
    expect(err.join('\n')).toMatch(/\d+ findings?: \d+ errors?, \d+ warnings?$/m);
  });

  it('--json prints the findings as data', async () => {
    write('team/rules.yaml', 'disable: [svc.not-a-rule]\n');
    expect(await run('rules', 'lint', 'team', '--json')).toBe(1);
    const { findings } = JSON.parse(out.join('\n')) as { findings: { code: string; line: number; file: string }[] };
    expect(findings).toEqual([expect.objectContaining({ code: 'unknown_rule', line: 1, file: join('team', 'rules.yaml') })]);
  });

  it('exits 2 for a folder that does not exist, a file instead of a folder, and YAML that does not parse', async () => {
    expect(await run('rules', 'lint', 'nowhere')).toBe(2);
    expect(err.join('\n')).toMatch(/^nowhere: cannot read nowhere: ENOENT/);
    write('file.yaml', TEAM_RULE);
    expect(await run('rules', 'lint', 'file.yaml')).toBe(2);
    expect(err.join('\n')).toContain('is not a directory');
    write('team/broken.yaml', 'rules:\n  - id: [unclosed\n');
    expect(await run('rules', 'lint', 'team')).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`^${join('team', 'broken.yaml').replace('.', '\\.')}:\\d+`));
    expect(out).toEqual([]);
  });

  it('rejects a second folder with the usage', async () => {
    expect(await run('rules', 'lint', 'a', 'b')).toBe(2);
    expect(await run('rules', 'lint', 'a', '--rules', 'b')).toBe(2);
    expect(err.join('\n')).toContain('at most one catalogue folder');
  });
});

describe('statewise rules coverage', () => {
  it('lists which rules fired and which never did', async () => {
    write('quiet.statewise.yaml', SERVICE);
    expect(await run('rules', 'coverage', 'quiet.statewise.yaml')).toBe(0);
    const text = out.join('\n');
    expect(text).toMatch(/: \d+ of \d+ rules fired over 1 file$/m);
    expect(text).toMatch(/never fired \(\d+\):\n {2}(check|gate)\./);
    expect(text).toMatch(/\n {2}svc\.low-traffic +1\/1 {2}At low traffic/);
  });

  it('--fail-on-unfired exits 1 when a rule never fired; --json names them', async () => {
    write('quiet.statewise.yaml', SERVICE);
    expect(await run('rules', 'coverage', 'quiet.statewise.yaml', '--fail-on-unfired', '--json')).toBe(1);
    const report = JSON.parse(out.join('\n')) as { unfired: string[]; rules: { id: string; firedBy: string[] }[] };
    expect(report.unfired).toContain('svc.high-traffic');
    expect(report.unfired).not.toContain('svc.low-traffic');
    expect(report.rules.find((r) => r.id === 'svc.low-traffic')?.firedBy).toEqual(['quiet.statewise.yaml']);
  });

  it('exits 0 with --fail-on-unfired when a custom catalogue keeps only rules that fire', async () => {
    write('quiet.statewise.yaml', SERVICE);
    write('team/rules.yaml', TEAM_RULE);
    expect(await run('rules', 'coverage', 'quiet.statewise.yaml', '--rules', 'team', '--json')).toBe(0);
    const report = JSON.parse(out.join('\n')) as { rulesVersion: string; rules: { id: string; firedBy: string[] }[] };
    expect(report.rulesVersion).toMatch(/\+custom\.[0-9a-f]{12}$/);
    expect(report.rules.find((r) => r.id === 'team.no-redis')?.firedBy).toEqual(['quiet.statewise.yaml']);
  });

  it('exits 2 naming file and line for a bad requirements file, and without files', async () => {
    write('bad.statewise.yaml', 'service: bad\ntraffic: { peakRps: -5 }\n');
    write('quiet.statewise.yaml', SERVICE);
    expect(await run('rules', 'coverage', 'quiet.statewise.yaml', 'bad.statewise.yaml', 'missing.statewise.yaml')).toBe(2);
    expect(err.join('\n')).toMatch(/^bad\.statewise\.yaml:2:\d+ traffic\.peakRps: /m);
    expect(err.join('\n')).toMatch(/^missing\.statewise\.yaml: no such file/m);
    expect(out).toEqual([]);
    expect(await run('rules', 'coverage')).toBe(2);
    expect(err.join('\n')).toContain('at least one requirements file');
  });
});

describe('custom catalogues through --rules', () => {
  it('adds, overrides and disables rules, and names the merged catalogue in rulesVersion', async () => {
    expect(await run('rules', '--json')).toBe(0);
    const builtin = JSON.parse(out.join('\n')) as { rulesVersion: string; rules: { id: string; effect?: Record<string, number> }[] };
    write('team/a.yaml', `${TEAM_RULE}  - id: svc.ops-high
    kind: service
    title: Our ops team is great
    when: { fact: constraints.ops, eq: high }
    effect: { stateful: 1 }
    because: "constraints.ops is high"
    source: "Platform team handbook"
disable: [svc.low-traffic]
`);
    expect(await run('rules', '--json', '--rules', 'team')).toBe(0);
    const custom = JSON.parse(out.join('\n')) as typeof builtin;
    expect(custom.rulesVersion.startsWith(builtin.rulesVersion)).toBe(true);
    expect(custom.rulesVersion).not.toBe(builtin.rulesVersion);
    const ids = custom.rules.map((r) => r.id);
    expect(ids).toContain('team.no-redis');
    expect(ids).not.toContain('svc.low-traffic');
    expect(custom.rules.find((r) => r.id === 'svc.ops-high')?.effect).toEqual({ stateless: 0, stateful: 1, hybrid: 0 });
    expect(builtin.rules.find((r) => r.id === 'svc.ops-high')?.effect).not.toEqual({ stateless: 0, stateful: 1, hybrid: 0 });
    // Changing a custom file changes the version again.
    write('team/a.yaml', TEAM_RULE.replace('stateless: -3', 'stateless: -4'));
    expect(await run('rules', '--json', '--rules', 'team')).toBe(0);
    expect((JSON.parse(out.join('\n')) as typeof builtin).rulesVersion).not.toBe(custom.rulesVersion);
  });

  it('refuses to disable or override an invariant gate, naming file and line', async () => {
    const text = `disable:
  - svc.low-traffic
  - gate.secret-never-in-token
`;
    write('team/a.yaml', text);
    expect(await run('rules', '--rules', 'team')).toBe(2);
    expect(err.join('\n')).toContain(`${join('team', 'a.yaml')}:${lineOf(text, 'gate.secret')}`);
    expect(err.join('\n')).toContain('enforces invariant 1 and cannot be disabled');
    write('team/a.yaml', `rules:
  - id: gate.token-cookie-limit
    kind: gate
    title: Big cookies are fine
    when: { fact: "state[].sizeKb", gt: 64 }
    remove: [client-token]
    because: "{item} is big"
    source: "Platform team handbook"
`);
    expect(await run('advise', 'x.statewise.yaml', '--rules', 'team')).toBe(2);
    expect(err.join('\n')).toMatch(/team\/a\.yaml:2(:\d+)? .*enforces invariant 2 and cannot be overridden/);
  });
});
