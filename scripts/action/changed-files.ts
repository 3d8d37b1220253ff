import { execFileSync } from 'node:child_process';

/** A requirements file the change touched: added, modified (possibly renamed from `from`) or deleted. */
export interface ChangedFile { status: 'added' | 'modified' | 'deleted'; path: string; from?: string }

const git = (cwd: string, args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

/**
 * The requirements files (git pathspecs `patterns`) that differ between `base` and the working tree's HEAD, with
 * renames followed so a moved file is still compared with its old version.
 * @example changedFiles(cwd, 'a1b2…', ['*.statewise.yaml']) // [{ status: 'modified', path: 'services/cart.statewise.yaml' }]
 */
export function changedFiles(cwd: string, base: string, patterns: readonly string[]): ChangedFile[] {
  const out = git(cwd, ['diff', '--name-status', '-z', '--find-renames', base, 'HEAD', '--', ...patterns]);
  const fields = out.split('\0').filter((f) => f !== '');
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length;) {
    const status = fields[i++]!;
    if (status.startsWith('R') || status.startsWith('C')) {
      const from = fields[i++]!;
      files.push({ status: 'modified', path: fields[i++]!, from });
    } else {
      const path = fields[i++]!;
      files.push({ status: status === 'A' ? 'added' : status === 'D' ? 'deleted' : 'modified', path });
    }
  }
  return files;
}

/** Every tracked requirements file (what `check` covers). */
export function trackedFiles(cwd: string, patterns: readonly string[]): string[] {
  return git(cwd, ['ls-files', '-z', '--', ...patterns]).split('\0').filter((f) => f !== '');
}

/** A file's text at a commit (`git show base:path`). */
export function fileAt(cwd: string, commit: string, path: string): string {
  return git(cwd, ['show', `${commit}:${path}`]);
}
