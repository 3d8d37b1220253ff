#!/usr/bin/env node
// Runs the compiled CLI (dist/cli.cjs, built by `npm run build`; `npm install` runs it as `prepare`) when it was built
// from the sources as they are now, else the TypeScript sources through tsx — so an edited source is never answered
// by a stale build, only more slowly. STATEWISE_RUN=dist insists on the build (the container image: no sources),
// STATEWISE_RUN=sources on the sources (the test suites). README, "Start-up and the compiled CLI".
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const mode = process.env.STATEWISE_RUN ?? 'auto';

/** dist/cli.cjs when it may run, else undefined; why not in `reason`. */
function compiled() {
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`${root}dist/build-manifest.json`, 'utf8'));
  } catch {
    return { reason: 'dist/ is not built (npm run build)' };
  }
  // Without the entry's source this is an install of the build alone (the container image): nothing to compare.
  if (mode !== 'dist' && exists(root + manifest.source)) {
    // Every file the bundle was built from, with its size and mtime then: one that changed means the build is stale.
    for (const [file, seen] of Object.entries(manifest.files)) {
      let now;
      try { now = statSync(root + file); } catch { return { reason: `${file}, which dist/ was built from, is gone (npm run build)` }; }
      if (now.size !== seen.size || now.mtimeMs !== seen.mtimeMs) return { reason: `dist/ is older than ${file} (npm run build)` };
    }
  }
  return exists(`${root}dist/cli.cjs`) ? { file: `${root}dist/cli.cjs` } : { reason: 'dist/cli.cjs is missing (npm run build)' };
}

function exists(path) {
  try { statSync(path); return true; } catch { return false; }
}

/** Thrown for an installation that cannot run (no build, no tsx): a setup problem, not a bug. */
class SetupError extends Error {}

try {
  const use = mode === 'sources' ? { reason: 'STATEWISE_RUN=sources' } : compiled();
  let main;
  if (use.file) {
    main = createRequire(import.meta.url)('./compiled.cjs').loadCompiled(use.file).exports.main;
  } else if (mode === 'dist') {
    throw new SetupError(`STATEWISE_RUN=dist but ${use.reason}`);
  } else {
    const { register } = await import('tsx/esm/api').catch(() => {
      throw new SetupError(`${use.reason}, and tsx (a dev dependency) is not installed to run the sources`);
    });
    register();
    ({ main } = await import('../server/cli.ts'));
  }
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof SetupError) {
    process.stderr.write(`statewise: cannot start: ${e.message}\n`);
    process.exit(70);
  }
  // A crash outside any command (loading the sources): exit 70 (EX_SOFTWARE), never 1 ("check failed").
  process.stderr.write(`statewise: internal error (${String(e instanceof Error ? e.message : e).split('\n')[0].slice(0, 200)}); this is a bug, please report it with the command you ran\n`);
  process.exitCode = 70;
}
