import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scanRepository, type ScanOptions, type ScanReport } from '../../adapters/scan/index.ts';
import { builtinEngine } from './engine.ts';

export const SCAN_FIXTURES = fileURLToPath(new URL('../fixtures/scan/', import.meta.url));

const engine = builtinEngine();

/** Scans a fixture repository (a folder under test/fixtures/scan/) with the built-in engine on a fixed date. */
export function scanFixture(dir: string, options: Partial<ScanOptions> = {}): Promise<ScanReport> {
  return scanRepository(join(SCAN_FIXTURES, dir), { advise: (r) => engine.advise(r, { today: '2026-11-26' }), today: '2026-11-26', ...options });
}

/**
 * Where `snippet` starts in a fixture file, found by reading the file (not from the scanner): `file:line:column`.
 * @example placeOf('module-state/bad', 'src/server.ts', 'recentlyViewed = new Map') === 'src/server.ts:4:7'
 */
export function placeOf(dir: string, file: string, snippet: string): string {
  const lines = readFileSync(join(SCAN_FIXTURES, dir, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(snippet));
  if (index < 0) throw new Error(`${snippet} is not in ${dir}/${file}`);
  if (lines.findIndex((l, i) => i > index && l.includes(snippet)) >= 0) throw new Error(`${snippet} is in ${dir}/${file} more than once`);
  return `${file}:${index + 1}:${lines[index]!.indexOf(snippet) + 1}`;
}

/** A report's findings as `rule file:line:column`, the form the tests compare. */
export function placesOf(report: ScanReport): string[] {
  return report.findings.map((f) => `${f.rule} ${f.file}:${f.line}:${f.column}`);
}
