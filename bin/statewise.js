#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so a fresh clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

try {
  register();
  const { main } = await import('../server/cli.ts');
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // A crash outside any command (loading the sources): exit 70 (EX_SOFTWARE), never 1 ("check failed").
  process.stderr.write(`statewise: internal error (${String(e instanceof Error ? e.message : e).split('\n')[0].slice(0, 200)}); this is a bug, please report it with the command you ran\n`);
  process.exitCode = 70;
}
