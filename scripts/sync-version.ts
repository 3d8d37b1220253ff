/**
 * statewise has one version, written in the root package.json; everything else that must carry it as text (the
 * extension's manifest, which vsce reads, and the image tags of the kustomize base and overlay) is rewritten from it
 * here. `npm version X` runs this (the `version` lifecycle script) and stages the files, so a release bumps them all;
 * test/deploy/version.test.ts fails when any of them disagrees. The CLI, the OpenAPI document (/docs) and SARIF read
 * the version at run time (adapters/version.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Files holding a copy of the version, each with how to find it. */
export const VERSION_COPIES: readonly { file: string; pattern: RegExp }[] = [
  { file: 'extension/package.json', pattern: /("version":\s*")([^"]+)(")/ },
  { file: 'deploy/kubernetes/base/kustomization.yaml', pattern: /(newTag:\s*)(\S+)()/ },
  { file: 'deploy/kubernetes/overlays/production/kustomization.yaml', pattern: /(newTag:\s*)(\S+)()/ },
];

export function rootVersion(dir = root): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The version each copy holds now. */
export function versionCopies(dir = root): { file: string; version: string | undefined }[] {
  return VERSION_COPIES.map(({ file, pattern }) => ({ file, version: pattern.exec(readFileSync(join(dir, file), 'utf8'))?.[2] }));
}

/** Rewrites every copy to the root version; returns the files it changed. */
export function syncVersion(dir = root): string[] {
  const version = rootVersion(dir);
  const changed: string[] = [];
  for (const { file, pattern } of VERSION_COPIES) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(pattern, (_m, before: string, _v: string, after: string) => `${before}${version}${after}`);
    if (next !== text) { writeFileSync(path, next); changed.push(file); }
  }
  return changed;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const changed = syncVersion();
  console.log(changed.length ? `statewise ${rootVersion()}: updated ${changed.join(', ')}` : `statewise ${rootVersion()}: every copy agrees`);
}
