import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes custom catalogue files into a fresh temp folder (real files, as `--rules DIR` reads them).
 * Returns the folder and a cleanup function.
 * @example const { dir, done } = catalogDir({ 'team.yaml': 'rules: []' })
 */
export function catalogDir(files: Record<string, string>): { dir: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'statewise-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The 1-based line of the first line containing `marker` in `text`, so tests name lines without counting. */
export function lineOf(text: string, marker: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(marker));
  if (index < 0) throw new Error(`marker ${JSON.stringify(marker)} not in text`);
  return index + 1;
}
