import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../../support/cli.ts';
import { SCAN_FIXTURES } from '../../support/scan.ts';

let dir: string | undefined;
afterEach(() => { if (dir) rmSync(dir, { recursive: true, force: true }); dir = undefined; });

describe('scan on files it cannot make sense of', () => {
  it('broken YAML, an alias bomb, binary bytes named .ts, broken Terraform and a folder loop are skipped; the real finding stays', async () => {
    dir = mkdtempSync(join(tmpdir(), 'statewise-scan-hostile-'));
    cpSync(join(SCAN_FIXTURES, 'replicas-below-plan/bad'), dir, { recursive: true });
    mkdirSync(join(dir, 'junk'));
    writeFileSync(join(dir, 'junk/broken.yaml'), 'apiVersion: v1\nkind: [unclosed\n');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join('\n');
    writeFileSync(join(dir, 'junk/bomb.yaml'), `apiVersion: v1\nkind: ConfigMap\n${bomb}\n`);
    writeFileSync(join(dir, 'junk/binary.ts'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)));
    writeFileSync(join(dir, 'junk/main.tf'), 'resource "aws_db_instance" {{{ engine = \n');
    const { symlinkSync } = await import('node:fs');
    symlinkSync(dir, join(dir, 'junk/loop'));
    const { code, out, err } = await cli(dir, 'scan', '--format', 'json');
    expect([code, err]).toEqual([1, '']);
    expect((JSON.parse(out) as { findings: { rule: string; file: string }[] }).findings.map((f) => `${f.rule} ${f.file}`)).toEqual(['conformance.replicas-below-plan k8s/api.yaml']);
  });

  it('a folder with no requirements file is bad input that says what to do', async () => {
    dir = mkdtempSync(join(tmpdir(), 'statewise-scan-hostile-'));
    writeFileSync(join(dir, 'app.js'), "const session = require('express-session')\n");
    const { code, err } = await cli(dir, 'scan');
    expect([code, err]).toEqual([2, '.: no requirements files (*.statewise.yaml|json) to scan against; write one with statewise init --from .']);
  });
});
