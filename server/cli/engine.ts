import type { Engine } from '../../rules/index.ts';
import { loadEngine } from '../../adapters/index.ts';
import type { Io } from './io.ts';
import { formatIssues } from './issues.ts';

/**
 * The engine a command runs on: the built-in catalogue, with `--rules DIR` layered on top. A broken catalogue is
 * printed as `FILE:LINE` messages and gives undefined; the command then exits 2.
 * @example const engine = engineFor(flags.values.rules, io); if (!engine) return EXIT.badInput;
 */
export function engineFor(rulesDir: string | undefined, io: Io): Engine | undefined {
  const engine = loadEngine(rulesDir, io.cwd);
  if (engine.ok) return engine.value;
  io.err(formatIssues(String(rulesDir), engine.issues));
  return undefined;
}
