import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders a scan never enters: dependencies, builds, version control and other tools' output. */
export const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'vendor', 'test-results', 'bower_components', 'target']);
/** Larger files are generated or data, not code a team writes. */
export const MAX_FILE_BYTES = 1_000_000;

/**
 * Every file under `root` a scan may read, repository-relative with `/` separators, in a stable order. Hidden
 * folders, SKIPPED_DIRS and paths starting with an `exclude` prefix are left out.
 */
export function listFiles(root: string, exclude: readonly string[] = []): string[] {
  const out: string[] = [];
  const prefixes = exclude.map((e) => e.replace(/^\.\//, '').replace(/\/$/, ''));
  const excluded = (rel: string) => prefixes.some((p) => rel === p || rel.startsWith(`${p}/`));
  const visit = (dir: string, rel: string) => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (excluded(path)) continue;
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) visit(join(dir, e.name), path);
      } else if (e.isFile()) {
        try { if (statSync(join(dir, e.name)).size <= MAX_FILE_BYTES) out.push(path); } catch { /* vanished while listing */ }
      }
    }
  };
  visit(root, '');
  return out;
}
