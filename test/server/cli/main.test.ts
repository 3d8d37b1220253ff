import { describe, expect, it } from 'vitest';
import { cli, ROOT, spawnCli } from '../../support/cli.ts';

/** The command names the top-level help lists. */
async function commandNames(): Promise<string[]> {
  const { out } = await cli(ROOT, '--help');
  const section = out.split('Commands:\n')[1]!.split('\n\n')[0]!;
  return section.split('\n').map((l) => l.trim().split(/\s+/)[0]!).filter(Boolean);
}

describe('statewise (main)', () => {
  it('--help lists the commands, exit 0', async () => {
    const r = await cli(ROOT, '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: statewise <command> [options]');
    expect(await commandNames()).toEqual(expect.arrayContaining(['advise', 'schema', 'rules']));
  });

  it('every command answers --help and -h with its own usage, exit 0, and runs nothing', async () => {
    const names = await commandNames();
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      for (const flag of ['--help', '-h']) {
        const r = await cli(ROOT, name, flag);
        expect({ name, flag, code: r.code, err: r.err }).toEqual({ name, flag, code: 0, err: '' });
        expect(r.out, name).toMatch(new RegExp(`^Usage: statewise ${name}\\b`));
      }
    }
  });

  it('an unknown command is exit 2 with the help on stderr', async () => {
    const r = await cli(ROOT, 'adivse', 'x.yaml');
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
    expect(r.err).toContain('unknown command "adivse"');
    expect(r.err).toContain('Usage: statewise <command>');
  });

  it('no command at all is exit 2', async () => {
    const r = await cli(ROOT);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain('Usage: statewise <command>');
  });

  it('rules --json lists at least 40 rules, each with id, kind, title, file and line', async () => {
    const r = await cli(ROOT, 'rules', '--json');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    const { rulesVersion, rules } = JSON.parse(r.out) as { rulesVersion: string; rules: { id: string; kind: string; title: string; file: string; line: number }[] };
    expect(rulesVersion).toMatch(/^statewise-rules@/);
    expect(rules.length).toBeGreaterThanOrEqual(40);
    expect(new Set(rules.map((x) => x.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(['service', 'placement', 'gate', 'risk', 'check']).toContain(rule.kind);
      expect(rule.title.length).toBeGreaterThan(2);
      expect(rule.file).toMatch(/^rules\/catalog\/\w+\.yaml$/);
      expect(rule.line).toBeGreaterThan(0);
    }
    expect(new Set(rules.map((x) => x.kind))).toEqual(new Set(['service', 'placement', 'gate', 'risk', 'check']));
  });

  it('the real binary prints a command\'s usage for --help (every command is covered in process above)', () => {
    const r = spawnCli(ROOT, 'advise', '--help');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(r.out).toMatch(/^Usage: statewise advise FILE\.\.\./);
  });
});
