import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { rootVersion, syncVersion, VERSION_COPIES, versionCopies } from '../../scripts/sync-version.ts';
import { cli, ROOT, tempFiles } from '../support/cli.ts';
import { builtinEngine } from '../support/engine.ts';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('one version from one place (issue 29)', () => {
  it('the extension manifest and the image tags carry the root package.json version', () => {
    expect(rootVersion()).toBe(version);
    expect(versionCopies()).toEqual(VERSION_COPIES.map(({ file }) => ({ file, version })));
  });

  it('the CLI, the OpenAPI document behind /docs and SARIF all say it', async () => {
    expect((await cli(ROOT, '--version')).out).toBe(`statewise ${version}`);
    const res = await createApp({ engine: builtinEngine(), accessLog: false }).request('/openapi.json');
    expect(((await res.json()) as { info: { version: string } }).info.version).toBe(version);
    const { dir, done } = tempFiles({ 'a.statewise.yaml': 'service: a\ntraffic: { peakRps: 10 }\n' });
    try {
      const sarif = JSON.parse((await cli(dir, 'check', 'a.statewise.yaml', '--format', 'sarif')).out) as { runs: { tool: { driver: { version: string } } }[] };
      expect(sarif.runs[0]!.tool.driver.version).toBe(version);
    } finally { done(); }
  });

  it('npm version runs the sync, which rewrites every copy from package.json (on a copy of the files)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.version).toContain('scripts/sync-version.ts');
    const dir = mkdtempSync(join(tmpdir(), 'statewise-version-'));
    try {
      for (const f of ['package.json', ...VERSION_COPIES.map((c) => c.file)]) cpSync(join(ROOT, f), join(dir, f));
      const bumped = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
      bumped.version = '9.8.7';
      writeFileSync(join(dir, 'package.json'), JSON.stringify(bumped, null, 2));
      expect(syncVersion(dir)).toEqual(VERSION_COPIES.map((c) => c.file));
      expect(versionCopies(dir).map((c) => c.version)).toEqual(['9.8.7', '9.8.7', '9.8.7']);
      expect(JSON.parse(readFileSync(join(dir, 'extension/package.json'), 'utf8')).name).toBe('statewise');
      expect(syncVersion(dir)).toEqual([]);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
