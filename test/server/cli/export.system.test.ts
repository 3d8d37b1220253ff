import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, ROOT, spawnCli, tempFiles } from '../../support/cli.ts';

/**
 * `statewise export --to likec4` validated by LikeC4's own CLI (likec4 1.46.0, the newest that runs on Node 20):
 * every example as its own LikeC4 project in one workspace (likec4 validates several projects at once only with
 * --skip-layout: with layout it crashes on multi-project workspaces), one example with its layout validated too,
 * and a broken reference to show the validator does reject.
 */
const LIKEC4 = join(ROOT, 'node_modules', '.bin', 'likec4');
const EXAMPLES = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml')).sort();
const { dir, done } = tempFiles({});
afterAll(() => done());

function validate(folder: string, ...flags: string[]) {
  const r = spawnSync(LIKEC4, ['validate', ...flags, folder], { encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('statewise export --to likec4', () => {
  it('every example is a valid LikeC4 model', async () => {
    const root = join(dir, 'all');
    for (const file of EXAMPLES) {
      const name = file.replace('.statewise.yaml', '');
      mkdirSync(join(root, name), { recursive: true });
      writeFileSync(join(root, name, 'likec4.config.json'), JSON.stringify({ name }));
      const r = await cli(ROOT, 'export', `examples/${file}`, '--to', 'likec4', '-o', join(root, name, 'model.c4'));
      expect(r.code, r.err).toBe(0);
    }
    const result = validate(root, '--skip-layout');
    expect(result.out).toContain(`found ${EXAMPLES.length} source files`);
    expect(result.out).not.toMatch(/ERROR/);
    expect(result.code, result.out).toBe(0);
  }, 240_000);

  it('the real binary writes a model whose views LikeC4 also lays out', () => {
    const folder = join(dir, 'one');
    mkdirSync(folder);
    const r = spawnCli(ROOT, 'export', 'examples/shop-with-live-support.statewise.yaml', '--to', 'likec4', '-o', join(folder, 'shop.c4'));
    expect(r.code, r.err).toBe(0);
    const result = validate(folder);
    expect(result.code, result.out).toBe(0);
    // The validator rejects a reference to an element that does not exist.
    writeFileSync(join(folder, 'shop.c4'), readFileSync(join(folder, 'shop.c4'), 'utf8').replace('service.lb -> service.stateless', 'service.lbx -> service.stateless'));
    const broken = validate(folder);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain("Could not resolve reference to Referenceable named 'lbx'");
  }, 240_000);
});
