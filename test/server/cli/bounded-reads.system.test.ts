import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../../support/cli.ts';

/**
 * Issue 28, the real binary: a committed FIFO or /dev/zero link must not hang `statewise` or grow its memory. Each
 * run is killed after 15 s, so a regression fails here instead of hanging the suite (a FIFO blocks without using
 * CPU: only the kill shows it). "Within a second" is the CPU time the process used against the same command refusing
 * a missing file, run just before (wall time is stretched by a loaded machine: start-up alone took 1–6 s here);
 * memory is the process's own peak RSS; both from test/support/maxrss-preload.cjs.
 */
const PRELOAD = fileURLToPath(new URL('../../support/maxrss-preload.cjs', import.meta.url));
const VALID = 'service: cart-api\ntraffic: { peakRps: 10 }\nstate:\n  - name: cart\n';

interface Run { code: number | null; signal: string | null; ms: number; cpuMs: number; err: string; maxRssMb: number }

function statewise(cwd: string, args: string[], stdin: 'ignore' | number = 'ignore'): Promise<Run> {
  return new Promise((resolve) => {
    const t = performance.now();
    const child = spawn(process.execPath, ['--require', PRELOAD, BIN, ...args], { cwd, stdio: [stdin, 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const usage = /maxrss-kb (\d+) cpu-ms (\d+)/.exec(err);
      resolve({
        code, signal, ms: performance.now() - t, err: err.replace(/\nmaxrss-kb \d+ cpu-ms \d+\n/, ''),
        maxRssMb: usage ? Number(usage[1]) / 1024 : Infinity, cpuMs: usage ? Number(usage[2]) : Infinity,
      });
    });
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'statewise-bounded-sys-'));
  writeFileSync(join(dir, 'a.statewise.yaml'), VALID);
  mkdirSync(join(dir, 'docs/design-reviews'), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `args` after the same command on a missing file (the baseline), and checks the refusal against it. */
async function expectRefusedQuickly(args: string[], message: RegExp, stdin: 'ignore' | number = 'ignore'): Promise<void> {
  const what = args.join(' ');
  const baseline = await statewise(dir, args[0] === 'check' && args[1] === 'a.statewise.yaml' ? ['check', 'a.statewise.yaml', '--reviews', 'nowhere'] : [args[0]!, 'missing.statewise.yaml']);
  expect(baseline.code, baseline.err).toBe(2);
  const r = await statewise(dir, args, stdin);
  expect(r.signal, `${what} was killed after 15 s: ${r.err}`).toBeNull();
  expect(r.code, what).toBe(2);
  expect(r.err, what).toMatch(message);
  expect(r.cpuMs - baseline.cpuMs, `${what}: ${r.cpuMs} ms of CPU against ${baseline.cpuMs} ms refusing a missing file`).toBeLessThan(1000);
  expect(r.maxRssMb - baseline.maxRssMb, `${what}: peak RSS ${Math.round(r.maxRssMb)} MB against ${Math.round(baseline.maxRssMb)} MB`).toBeLessThan(64);
}

describe('statewise on hostile files (real binary)', () => {
  it('advise and check on a requirements FIFO exit 2 (hung forever)', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.statewise.yaml')]);
    for (const command of ['advise', 'check']) {
      await expectRefusedQuickly([command, 'fifo.statewise.yaml'], /^fifo\.statewise\.yaml: is a FIFO \(named pipe\), not a regular file$/m);
    }
  });

  it('check with a FIFO in the reviews folder exits 2 (hung forever)', async () => {
    execFileSync('mkfifo', [join(dir, 'docs/design-reviews/cart-api.md')]);
    try {
      await expectRefusedQuickly(['check', 'a.statewise.yaml'], /^docs\/design-reviews\/cart-api\.md: cannot read the design review of a\.statewise\.yaml: it is a FIFO \(named pipe\), not a regular file/m);
    } finally {
      rmSync(join(dir, 'docs/design-reviews/cart-api.md'));
    }
  });

  it('advise on a requirements file linked to /dev/zero, and check on a review linked to it, exit 2 (4.3 and 6 GB)', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.statewise.yaml'));
    await expectRefusedQuickly(['advise', 'zero.statewise.yaml'], /^zero\.statewise\.yaml: is a symbolic link to \/dev\/zero, outside /m);
    symlinkSync('/dev/zero', join(dir, 'docs/design-reviews/cart-api.md'));
    try {
      await expectRefusedQuickly(['check', 'a.statewise.yaml'], /cannot read the design review of a\.statewise\.yaml: it is a symbolic link to \/dev\/zero/);
    } finally {
      rmSync(join(dir, 'docs/design-reviews/cart-api.md'));
    }
  });

  it('advise - with /dev/zero as standard input stops at the limit', async () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      await expectRefusedQuickly(['advise', '-'], /^<stdin>: is larger than 256 KB, the limit \(STATEWISE_MAX_FILE_SIZE raises it\)$/m, zero);
    } finally {
      closeSync(zero);
    }
  });
});
