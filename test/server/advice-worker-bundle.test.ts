import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type BuildOptions } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinEngine, requirementsFromText } from '../support/engine.ts';
import { ROOT, TODAY } from '../support/http.ts';

/**
 * The pool from compiled JavaScript, as a build into dist/ will run it: the pool code bundled as CommonJS finds its
 * worker as the sibling `advice-worker.cjs` (server/advice-worker-file.ts), with no tsx anywhere. This is the contract
 * for the build: emit server/advice-worker.ts as dist/advice-worker.cjs next to the bundle that holds the pool, and
 * keep `piscina` external (it starts its own worker.js from its package folder).
 */

// Under node_modules so that the bundles resolve the external `piscina` the way dist/ does.
const DIST = join(ROOT, 'node_modules', '.cache', `statewise-bundle-test-${process.pid}`);
afterAll(() => rmSync(DIST, { recursive: true, force: true }));

describe('advice pool from a CommonJS bundle', () => {
  it('bundle + dist/advice-worker.cjs answer the same bytes as the engine here', async () => {
    mkdirSync(DIST, { recursive: true });
    const common: BuildOptions = { bundle: true, format: 'cjs', platform: 'node', target: 'node20', external: ['piscina'], logLevel: 'silent', absWorkingDir: ROOT };
    const pool = await build({ ...common, entryPoints: [join(ROOT, 'server/advice-pool.ts')], outfile: join(DIST, 'server.cjs') });
    const worker = await build({ ...common, entryPoints: [join(ROOT, 'server/advice-worker.ts')], outfile: join(DIST, 'advice-worker.cjs') });
    expect(pool.errors).toEqual([]);
    expect(worker.errors).toEqual([]);
    // The one warning expected: import.meta is empty in CommonJS, which is why the resolver falls back to __filename.
    expect(pool.warnings.map((w) => w.text).filter((t) => !/import\.meta/.test(t))).toEqual([]);

    const engine = builtinEngine();
    const body = JSON.stringify({ service: 'bundled', context: { memory: 'session' }, traffic: { peakRps: 300 }, state: [{ name: 'cart', owner: 'user' }] });
    const script = `
      const { createAdvicePool } = require(${JSON.stringify(join(DIST, 'server.cjs'))});
      (async () => {
        const pool = await createAdvicePool({ threads: 1, maxQueue: 1, custom: [], rulesVersion: process.argv[1] });
        const r = await pool.run({ kind: 'recommend', body: process.argv[2], format: 'json', today: ${JSON.stringify(TODAY)} }, new AbortController().signal);
        process.stdout.write(r.ok ? Buffer.from(r.body) : 'rejected');
        await pool.close();
      })().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exit(1); });`;
    // A plain node: no tsx loader in the process, so only compiled JavaScript can answer.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', script, engine.rulesVersion, body], { cwd: DIST, timeout: 60_000 });
    expect(stdout).toBe(JSON.stringify(engine.advise(requirementsFromText(body), { today: TODAY }), null, 2) + '\n');
  }, 90_000);
});
