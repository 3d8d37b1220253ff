import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BODY_LIMIT } from '../../../server/app.ts';
import { main } from '../../../server/cli.ts';
import { DEFAULT_FILE_LIMITS, fileLimitsFrom } from '../../../server/cli/file-limits.ts';
import type { Io } from '../../../server/cli/io.ts';

/**
 * Issue 28: every CLI path that reads a requirements, review or catalogue file goes through the bounded reader
 * (adapters/bounded-file.ts). In-process through main(); the FIFO cases, which an unbounded read would hang on
 * forever (blocking this very thread), are in bounded-reads.system.test.ts against the real binary.
 */
let dir: string;
let err: string[];
const io = (extra: Partial<Io> = {}): Io => ({ out: () => {}, err: (t) => err.push(t), cwd: dir, today: '2026-11-26', ...extra });
/** Runs main() and says what it cost: CPU time (wall time is stretched by a loaded machine) and RSS growth. */
async function run(args: string[], extra: Partial<Io> = {}): Promise<{ code: number; ms: number; grewMb: number }> {
  err = [];
  const rss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const code = await main(args, io(extra));
  const used = process.cpuUsage(cpu);
  return { code, ms: (used.user + used.system) / 1000, grewMb: (process.memoryUsage().rss - rss) / 2 ** 20 };
}

const VALID = 'service: cart-api\ntraffic: { peakRps: 10 }\nstate:\n  - name: cart\n';

beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'statewise-bounded-cli-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('requirements files', () => {
  it('a requirements file linked to /dev/zero: advise, review, check and rules coverage exit 2 at once, naming it', async () => {
    symlinkSync('/dev/zero', join(dir, 'svc.statewise.yaml'));
    for (const args of [['advise', 'svc.statewise.yaml'], ['review', 'svc.statewise.yaml'], ['check', 'svc.statewise.yaml'], ['rules', 'coverage', 'svc.statewise.yaml']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(err.join('\n'), args.join(' ')).toMatch(/^svc\.statewise\.yaml: is a symbolic link to \/dev\/zero, outside .*; statewise reads only files inside the folder$/m);
      expect(r.ms, args.join(' ')).toBeLessThan(1000);
      expect(r.grewMb, args.join(' ')).toBeLessThan(64);
    }
  });

  it('a file over the limit (the server body limit, 256 KB) is refused before parsing; STATEWISE_MAX_FILE_SIZE raises it', async () => {
    expect(DEFAULT_FILE_LIMITS.requirements).toBe(DEFAULT_BODY_LIMIT);
    // A valid document padded with a comment to one byte over 256 KB: the old reader parsed and answered it.
    const padded = VALID + '#' + 'x'.repeat(256 * 1024 - VALID.length - 1) + '\n';
    expect(Buffer.byteLength(padded)).toBe(256 * 1024 + 1);
    writeFileSync(join(dir, 'big.statewise.yaml'), padded);
    const r = await run(['advise', 'big.statewise.yaml']);
    expect(r.code).toBe(2);
    expect(err.join('\n')).toMatch(/^big\.statewise\.yaml: is larger than 256 KB, the limit \(STATEWISE_MAX_FILE_SIZE raises it\)$/);
    expect((await run(['advise', 'big.statewise.yaml'], { fileLimits: { requirements: 512 * 1024, reviews: 512 * 1024 } })).code).toBe(0);
  });

  it('a link that stays in the working folder is still followed', async () => {
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'svc.statewise.yaml'), VALID);
    symlinkSync(join('shared', 'svc.statewise.yaml'), join(dir, 'svc.statewise.yaml'));
    expect((await run(['advise', 'svc.statewise.yaml'])).code).toBe(0);
  });
});

describe('review files', () => {
  beforeEach(() => {
    writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
    mkdirSync(join(dir, 'docs/design-reviews'), { recursive: true });
  });

  it('check on a committed review linked to /dev/zero exits 2 at once with bounded memory (grew to 6 GB)', async () => {
    symlinkSync('/dev/zero', join(dir, 'docs/design-reviews/cart-api.md'));
    const r = await run(['check', 'a.statewise.yaml']);
    expect(r.code).toBe(2);
    expect(err.join('\n')).toMatch(/^docs\/design-reviews\/cart-api\.md: cannot read the design review of a\.statewise\.yaml: it is a symbolic link to \/dev\/zero/m);
    expect(r.ms).toBeLessThan(1000);
    expect(r.grewMb).toBeLessThan(64);
  });

  it('check on a 2 GB sparse review exits 2 at once naming the limit (took 20 s and 2.1 GB)', async () => {
    const review = join(dir, 'docs/design-reviews/cart-api.md');
    writeFileSync(review, '');
    truncateSync(review, 2 ** 31);
    const r = await run(['check', 'a.statewise.yaml']);
    expect(r.code).toBe(2);
    expect(err.join('\n')).toMatch(/it is larger than 4 MB, the limit \(STATEWISE_MAX_FILE_SIZE raises it\)/);
    expect(r.ms).toBeLessThan(1000);
  });

  it('check refuses a review linked out of the reviews folder, and prints nothing of its target', async () => {
    writeFileSync(join(dir, 'secret.md'), '---\nstatus: AKIA-SECRET-KEY\n---\n');
    symlinkSync(join(dir, 'secret.md'), join(dir, 'docs/design-reviews/cart-api.md'));
    expect((await run(['check', 'a.statewise.yaml'])).code).toBe(2);
    expect(err.join('\n')).toMatch(/symbolic link to .*secret\.md, outside .*design-reviews/);
    expect(err.join('\n')).not.toContain('AKIA');
  });

  it('review does not take the date of a review linked out of the folder (and replaces the link)', async () => {
    const elsewhere = join(dir, 'other.md');
    writeFileSync(elsewhere, '---\nstatus: proposed\ndate: 2001-01-01\n---\n');
    symlinkSync(elsewhere, join(dir, 'docs/design-reviews/cart-api.md'));
    expect((await run(['review', 'a.statewise.yaml'])).code).toBe(0);
    expect(readFileSync(join(dir, 'docs/design-reviews/cart-api.md'), 'utf8')).toMatch(/^date: 2026-11-26$/m);
    expect(readFileSync(elsewhere, 'utf8')).toContain('2001-01-01');
  });
});

describe('STATEWISE_MAX_FILE_SIZE', () => {
  it('sets both limits; unset keeps the defaults; a bad value is an error naming the variable', () => {
    expect(fileLimitsFrom({})).toEqual({ ok: true, value: { requirements: 262_144, reviews: 4_194_304 } });
    expect(fileLimitsFrom({ STATEWISE_MAX_FILE_SIZE: '1mb' })).toEqual({ ok: true, value: { requirements: 1_048_576, reviews: 1_048_576 } });
    expect(fileLimitsFrom({ STATEWISE_MAX_FILE_SIZE: '512kb' })).toEqual({ ok: true, value: { requirements: 524_288, reviews: 524_288 } });
    for (const bad of ['lots', '10', '2gb', '-1']) {
      expect(fileLimitsFrom({ STATEWISE_MAX_FILE_SIZE: bad }), bad).toEqual({ ok: false, message: 'STATEWISE_MAX_FILE_SIZE must be a size from 1kb to 1024mb, like 256kb or 2mb' });
    }
  });
});
