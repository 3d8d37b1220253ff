import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderReview } from '../../../rules/index.ts';
import { main } from '../../../server/cli.ts';
import { processIo, type Io } from '../../../server/cli/io.ts';
import { builtinEngine, requirementsFromText } from '../../support/engine.ts';
import { spawnCli } from '../../support/http.ts';

/**
 * Issue 12 ("Hardening round 2"): the CLI side of the probe — huge files, symlinks, terminal and CI-log injection,
 * Markdown injection, crash exit codes. In-process through main() with a capturing Io, except where the escaping of
 * the real process streams is the point.
 */

let dir: string;
let out: string[];
let err: string[];
const io = (): Io => ({ out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today: '2026-11-26' });
async function run(args: string[], withIo: Io = io()): Promise<{ code: number; ms: number }> {
  out = []; err = [];
  const t = performance.now();
  const code = await main(args, withIo);
  return { code, ms: performance.now() - t };
}

const VALID = 'service: cart-api\ntraffic: { peakRps: 10 }\nstate:\n  - name: cart\n';
const emptyKeys = (n: number) => Array.from({ length: n }, (_, i) => `k${i.toString(36).padStart(3, '0')}:`).join('\n') + '\n';

beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'statewise-hostile-cli-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('HIGH: a 40,000-key file', () => {
  it('advise, review and check refuse it in well under a second, naming the limit (took 9–20 s)', async () => {
    writeFileSync(join(dir, 'big.statewise.yaml'), `service: a\ntraffic: { peakRps: 1 }\n${emptyKeys(43_905)}`);
    // 263 KB: over the 256 KB file limit (issue 28), so raise it to reach the key cap this test is about.
    const roomy: Io = { ...io(), fileLimits: { requirements: 1 << 20, reviews: 1 << 20 } };
    for (const command of ['advise', 'review', 'check']) {
      const r = await run([command, 'big.statewise.yaml'], roomy);
      expect(r.code, command).toBe(2);
      expect(err.join('\n'), command).toMatch(/^big\.statewise\.yaml:1:1 document has more than 10000 keys and list items; the limit is 10000$/);
      expect(r.ms, command).toBeLessThan(1500);
    }
    expect((await run(['advise', 'big.statewise.yaml'])).code).toBe(2);
    expect(err.join('\n')).toMatch(/^big\.statewise\.yaml: is larger than 256 KB, the limit/);
  });

  it('a 40,000-key catalogue file under --rules is refused in well under a second', async () => {
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'team.yaml'), `rules: []\n${emptyKeys(43_905)}`);
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    for (const args of [['advise', 'a.statewise.yaml', '--rules', 'rules'], ['rules', 'lint', 'rules']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(err.join('\n')).toMatch(/team\.yaml:1:1 document has more than 30000 keys and list items; the limit is 30000/);
      expect(r.ms).toBeLessThan(1500);
    }
  });
});

describe('LOW (b, g): catalogue folders', () => {
  it('a symlinked catalogue file is refused, and nothing of its target is printed', async () => {
    const secret = join(dir, 'shadow');
    writeFileSync(secret, 'root:$6$secret-hash-material:19000:0:99999:7:::\n');
    mkdirSync(join(dir, 'rules'));
    symlinkSync(secret, join(dir, 'rules', 'team.yaml'));
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    for (const args of [['advise', 'a.statewise.yaml', '--rules', 'rules'], ['rules', 'lint', 'rules'], ['rules', '--rules', 'rules']]) {
      expect((await run(args)).code, args.join(' ')).toBe(2);
      const all = [...out, ...err].join('\n');
      expect(all).toMatch(/team\.yaml is a symbolic link; a catalogue folder holds regular files only/);
      expect(all).not.toMatch(/secret-hash|root/);
    }
  });

  it('unknown keys are echoed only as a short escaped excerpt', async () => {
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'team.yaml'), `rules: []\n"${'x'.repeat(500)}\\e]8;;https://evil\\a": 1\n`);
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    expect((await run(['advise', 'a.statewise.yaml', '--rules', 'rules'])).code).toBe(2);
    const message = err.join('\n');
    expect(message).toMatch(/unknown field "x{40}…"/);
    expect(message.length).toBeLessThan(400);
  });

  it('too many catalogue files → exit 2 naming the limit', async () => {
    mkdirSync(join(dir, 'rules'));
    for (let i = 0; i < 101; i++) writeFileSync(join(dir, 'rules', `f${String(i).padStart(3, '0')}.yaml`), 'rules: []\n');
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    expect((await run(['advise', 'a.statewise.yaml', '--rules', 'rules'])).code).toBe(2);
    expect(err.join('\n')).toMatch(/holds 101 catalogue files; the limit is 100/);
  });
});

describe('LOW (a): review never writes through symbolic links', () => {
  it('a symlink planted at the review path is replaced, its target untouched', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    mkdirSync(join(dir, 'docs/design-reviews'), { recursive: true });
    symlinkSync(victim, join(dir, 'docs/design-reviews/cart-api.md'));
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    expect((await run(['review', 'a.statewise.yaml'])).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    const written = join(dir, 'docs/design-reviews/cart-api.md');
    expect(lstatSync(written).isSymbolicLink()).toBe(false);
    expect(readFileSync(written, 'utf8')).toMatch(/^---\nstatus: proposed/);
  });

  it('a review path whose real folder leaves the reviews folder is refused', async () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    mkdirSync(join(dir, 'docs/design-reviews'), { recursive: true });
    symlinkSync(outside, join(dir, 'docs/design-reviews/linked'));
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    expect((await run(['review', 'a.statewise.yaml', '-o', 'docs/design-reviews/linked/cart-api.md'])).code).toBe(2);
    expect(err.join('\n')).toMatch(/refusing to write: its folder is really .*outside, outside the reviews folder/);
    expect(() => lstatSync(join(outside, 'cart-api.md'))).toThrow();
  });
});

describe('LOW (c): terminal and CI-log injection', () => {
  it('a YAML key with a newline + ::error and ESC sequences stays on its line, escaped', async () => {
    writeFileSync(join(dir, 'a.statewise.yaml'), 'service: a\ntraffic: { peakRps: 1 }\n"x\\n::error file=a::pwned\\e]8;;https://evil\\a": 1\n');
    expect((await run(['advise', 'a.statewise.yaml'])).code).toBe(2);
    const text = err.join('\n');
    expect(text.split('\n')).toHaveLength(1);
    expect(text).not.toMatch(/^::/m);
    expect(text).toContain('\\n::error');
  });

  it('check prints front-matter keys from a committed review on one line each', async () => {
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    expect((await run(['review', 'a.statewise.yaml'])).code).toBe(0);
    const path = join(dir, 'docs/design-reviews/cart-api.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('  placements:\n', '  placements:\n    "evil\\n::error::owned\\e[2J": database\n'));
    expect((await run(['check', 'a.statewise.yaml'])).code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('evil\\n::error::owned');
    expect(text).not.toMatch(/^::error/m);
  });

  it('the process streams escape every control character but newline and tab (one helper, processIo)', () => {
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => { written.push(String(chunk)); return true; });
    try {
      processIo().out('a\u001b]8;;https://evil\u0007link\u001b]8;;\u0007 \u0000 \u009b2J\tok');
    } finally {
      spy.mockRestore();
    }
    expect(written).toEqual(['a\\x1b]8;;https://evil\\x07link\\x1b]8;;\\x07 \\x00 \\x9b2J\tok\n']);
  });

  it('end to end: accept[].reason with a newline cannot start a ::error line in `advise` output', async () => {
    writeFileSync(join(dir, 'a.statewise.yaml'), `${VALID}context: { memory: session }\naccept:\n  - risk: risk.loss-on-deploy\n    reason: "fine\\n::error file=x::pwned"\n    until: 2099-01-01\n`);
    const child = spawnCli(['advise', join(dir, 'a.statewise.yaml')]);
    const { code } = await child.exited;
    expect(child.stderr()).toBe('');
    expect(code).toBe(0);
    expect(child.stdout()).not.toMatch(/^::error/m);
  }, 60_000);
});

describe('LOW (d): Markdown injection in reviews', () => {
  it('links, images and control bytes in free text render as text', () => {
    const requirements = requirementsFromText([
      'service: a', 'traffic: { peakRps: 10 }', 'context: { memory: session }',
      'description: "[click](javascript:alert(1)) ![t](https://tracker.example/p.png) \\\\[x\\\\](javascript:alert(2)) <https://x>"',
      'accept:', '  - risk: risk.loss-on-deploy', '    reason: "see [here](javascript:alert(3))"', '    until: 2099-01-01',
    ].join('\n') + '\n');
    const recommendation = builtinEngine().advise(requirements, { today: '2026-11-26' });
    const markdown = renderReview({ requirements, recommendation, date: '2026-11-26' });
    const html = new MarkdownIt({ linkify: false }).render(markdown.replace(/^---\n[\s\S]*?\n---\n/, ''));
    expect(html).not.toMatch(/<a |<img /);
    expect(html).toContain('[click](javascript:alert(1))');
    expect(markdown).not.toMatch(/[\u0000-\u0008\u000E-\u001F]/);
  });
});

describe('LOW (i): an internal crash is exit 70, not 1', () => {
  it('a command that throws → 70 and one line saying to report it', async () => {
    const broken: Io = { ...io(), out: () => { throw new TypeError('boom'); } };
    const r = await run(['schema'], { ...broken, err: (t) => err.push(t) });
    expect(r.code).toBe(70);
    expect(err).toEqual([expect.stringMatching(/^statewise: internal error in "schema" \(TypeError: boom\); this is a bug, please report it/)]);
  });
});
