import { lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli.ts';

/** `init` on real files: what it does to whatever already sits at NAME.statewise.yaml (issue 28). */
let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'statewise-init-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('init NAME --force over a symbolic link', () => {
  it('replaces the link with the template and leaves its target untouched (it overwrote the target)', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious\n');
    symlinkSync(victim, join(dir, 'svc.statewise.yaml'));
    const r = await cli(dir, 'init', 'svc', '--force');
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
    const written = join(dir, 'svc.statewise.yaml');
    expect(lstatSync(written).isSymbolicLink()).toBe(false);
    expect(readFileSync(written, 'utf8')).toMatch(/^service: svc +#/m);
  });

  it('without --force a link, even a dangling one, is not written through', async () => {
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'svc.statewise.yaml'));
    const r = await cli(dir, 'init', 'svc');
    expect(r.code).toBe(2);
    expect(() => lstatSync(join(dir, 'nowhere.txt'))).toThrow();
  });
});
