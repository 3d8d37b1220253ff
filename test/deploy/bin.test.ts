import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

/**
 * bin/statewise.js in an installation that cannot run: bin/ alone in a temporary folder, so neither dist/ nor tsx
 * (which node would find in a parent's node_modules) is there. Fast; the full story (build, stale build, image
 * install) is test/deploy/production-install.system.test.ts.
 */
const dir = mkdtempSync(join(tmpdir(), 'statewise-bin-'));
cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (env: Record<string, string>) => {
  const e: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.STATEWISE_RUN) delete e.STATEWISE_RUN;
  return spawnSync(process.execPath, [join(dir, 'bin', 'statewise.js'), '--version'], { cwd: dir, env: e, encoding: 'utf8', timeout: 60_000 });
};

describe('bin/statewise.js without a build or the sources', () => {
  it('STATEWISE_RUN=dist with no dist/: exit 70 and one line saying what is missing, no stack trace', () => {
    const r = run({ STATEWISE_RUN: 'dist' });
    expect(r.status).toBe(70);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('statewise: cannot start: STATEWISE_RUN=dist but dist/ is not built (npm run build)\n');
  });

  it('no dist/ and no tsx: says both, exit 70', () => {
    const r = run({});
    expect(r.status).toBe(70);
    expect(r.stderr).toBe('statewise: cannot start: dist/ is not built (npm run build), and tsx (a dev dependency) is not installed to run the sources\n');
  });

  it('a build manifest whose bundle is gone: the same kind of message, not a crash', () => {
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'build-manifest.json'), JSON.stringify({ source: 'server/cli.ts', entries: ['cli.cjs'], files: {} }));
    const r = run({ STATEWISE_RUN: 'dist' });
    expect(r.status).toBe(70);
    expect(r.stderr).toBe('statewise: cannot start: STATEWISE_RUN=dist but dist/cli.cjs is missing (npm run build)\n');
    rmSync(join(dir, 'dist'), { recursive: true });
  });
});
