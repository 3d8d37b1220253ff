import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, tempFiles } from '../support/cli.ts';
import { sarifErrors, sarifOf } from '../support/sarif.ts';

/**
 * The CI integrations users copy: the GitHub Actions workflow and the pre-commit hook. GitHub Actions and pre-commit
 * themselves cannot run here, so this runs the exact script of the workflow's "statewise check" step (with bash, as
 * `shell: bash` does) and the hook's entry on the files its `files` pattern matches, in a real git repository where
 * `statewise` is installed as a user's project has it (node_modules/.bin/statewise → this repository's binary).
 */
interface Workflow { permissions: Record<string, string>; jobs: { check: { steps: { name?: string; run?: string; shell?: string; uses?: string; if?: string; with?: Record<string, string> }[] } } }
interface Hook { id: string; entry: string; language: string; files: string; pass_filenames: boolean }

const workflow = parse(readFileSync(join(ROOT, '.github/workflows/statewise-check.yml'), 'utf8')) as Workflow;
const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const step = workflow.jobs.check.steps.find((s) => s.name === 'statewise check')!;

let dir: string;
let done: () => void;
const git = (...args: string[]) => {
  const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};
const env = () => ({ ...process.env, PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH}`, NO_COLOR: '1', npm_config_yes: 'false', npm_config_offline: 'true' });

beforeEach(() => {
  ({ dir, done } = tempFiles({}));
  mkdirSync(join(dir, 'services'));
  for (const name of ['online-shop', 'team-chat']) copyFileSync(join(ROOT, 'examples', `${name}.statewise.yaml`), join(dir, 'services', `${name}.statewise.yaml`));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user-project', private: true, devDependencies: { statewise: '*' } }));
  mkdirSync(join(dir, 'node_modules/.bin'), { recursive: true });
  symlinkSync(BIN, join(dir, 'node_modules/.bin/statewise'));
  git('init', '-q');
  git('add', 'services', 'package.json');
  for (const name of ['online-shop', 'team-chat']) {
    const r = spawnSync(process.execPath, [BIN, 'review', `services/${name}.statewise.yaml`, '--date', '2026-11-26'], { cwd: dir, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }
});
afterEach(() => done());

/** The workflow step's script, run as GitHub runs `shell: bash` (bash -e {0}). */
function runStep() {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: dir, encoding: 'utf8', env: env(), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The hook's entry with the staged files its pattern matches, as pre-commit passes them. */
function runHook() {
  const hook = hooks.find((h) => h.id === 'statewise-check')!;
  const files = git('ls-files').split('\n').filter((f) => new RegExp(hook.files).test(f));
  const [command, ...args] = hook.entry.split(' ');
  const r = spawnSync(command!, [...args, ...(hook.pass_filenames ? files : [])], { cwd: dir, encoding: 'utf8', env: env(), timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr, files };
}

describe('the GitHub Actions workflow', () => {
  it('is wired as documented: bash, SARIF uploaded even when the check fails, permission to upload', () => {
    expect(step.shell).toBe('bash');
    expect(step.run).toContain('npx statewise check --format sarif');
    const upload = workflow.jobs.check.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toContain('always()');
    expect(upload.with?.sarif_file).toBe('statewise.sarif');
    expect(workflow.permissions['security-events']).toBe('write');
  });

  it('its check step passes on matching reviews and writes a valid, empty SARIF log', () => {
    const r = runStep();
    expect({ code: r.code, err: r.err }).toMatchObject({ code: 0 });
    expect(r.err).toContain('services/online-shop.statewise.yaml: docs/design-reviews/online-shop.md is up to date');
    const log = sarifOf(readFileSync(join(dir, 'statewise.sarif'), 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results).toEqual([]);
  });

  it('fails when an answer changed, with the drift in the SARIF log at the file that caused it', () => {
    const file = join(dir, 'services/online-shop.statewise.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/context:\n/, 'context:\n  realtime: bidirectional\n'));
    const r = runStep();
    expect(r.code).toBe(1);
    expect(r.err).toContain('services/online-shop.statewise.yaml: docs/design-reviews/online-shop.md no longer matches the answer');
    const log = sarifOf(readFileSync(join(dir, 'statewise.sarif'), 'utf8'));
    expect(sarifErrors(log)).toEqual([]);
    const results = log.runs[0]!.results!;
    expect(results.length).toBeGreaterThan(0);
    expect(new Set(results.map((x) => x.locations![0]!.physicalLocation!.artifactLocation!.uri))).toEqual(new Set(['services/online-shop.statewise.yaml']));
  });
});

describe('the pre-commit hook', () => {
  it('is a node hook on requirements files that passes their names', () => {
    const hook = hooks.find((h) => h.id === 'statewise-check')!;
    expect(hook).toMatchObject({ language: 'node', pass_filenames: true, entry: 'statewise check' });
    expect(new RegExp(hook.files).test('a/b.statewise.yaml')).toBe(true);
    expect(new RegExp(hook.files).test('docs/design-reviews/b.md')).toBe(false);
  });

  it('passes on matching reviews and fails (exit 1) with the regenerate command once an answer changed', () => {
    const ok = runHook();
    expect(ok.files).toEqual(['services/online-shop.statewise.yaml', 'services/team-chat.statewise.yaml']);
    expect(ok.code).toBe(0);
    const file = join(dir, 'services/team-chat.statewise.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/realtime: bidirectional/, 'realtime: none'));
    const failed = runHook();
    expect(failed.code).toBe(1);
    expect(failed.out).toContain('regenerate: npx statewise review services/team-chat.statewise.yaml -o docs/design-reviews/team-chat.md');
  });
});
