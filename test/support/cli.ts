import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../server/cli.ts';
import type { Io } from '../../server/cli/io.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = join(ROOT, 'bin', 'statewise.js');

export interface CliRun { code: number; out: string; err: string }

/**
 * Runs the CLI in-process (`main(argv, io)`) with a capturing Io rooted at `cwd`.
 * @example const { code, out } = await cli(dir, 'advise', 'a.statewise.yaml', '--json')
 */
export async function cli(cwd: string, ...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd, today: '2026-11-26' };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs the real `node bin/statewise.js` in `cwd`, as a user would. */
export function spawnCli(cwd: string, ...argv: string[]): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** A fresh temp folder with `files` written into it (real files on disk); `done` removes it. */
export function tempFiles(files: Record<string, string>): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'statewise-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}
