/**
 * The statewise GitHub Action's one script (action.yml runs it): `statewise check` on every requirements file, a
 * `statewise diff --format markdown` section for each file the change touched, written to the job summary and —
 * on a pull request — to one comment that later runs update. Inputs arrive as STATEWISE_* variables, GitHub's
 * context as its usual GITHUB_* variables; the statewise run is this package's own CLI.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageRoot } from '../../adapters/index.ts';
import { changedFiles, fileAt, trackedFiles, type ChangedFile } from './changed-files.ts';
import { upsertComment } from './comment.ts';
import { eventInfo } from './event.ts';
import { summaryMarkdown, type RunReport } from './summary.ts';

const BIN = join(packageRoot(import.meta.url), 'bin', 'statewise.js');

/** One CLI run in the workspace; colour off, since its output lands in Markdown and the log. */
function statewise(cwd: string, args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 });
  return { code: r.status ?? 70, out: r.stdout ?? '', err: r.stderr ?? String(r.error ?? '') };
}

/** Inputs of action.yml, as the composite step passes them. */
function inputs(env: NodeJS.ProcessEnv) {
  const list = (v: string | undefined, fallback: string) => (v?.trim() ? v : fallback).split(/[\s,]+/).filter(Boolean);
  return {
    patterns: list(env.STATEWISE_FILES, '*.statewise.yaml *.statewise.yml *.statewise.json'),
    reviews: env.STATEWISE_REVIEWS?.trim() || undefined,
    rules: env.STATEWISE_RULES?.trim() || undefined,
    fail: (env.STATEWISE_FAIL ?? 'true').trim() !== 'false',
    comment: (env.STATEWISE_COMMENT ?? 'true').trim() !== 'false',
  };
}

/** The Markdown section for one changed file. */
function section(cwd: string, base: string, file: ChangedFile, rules: string[]): string {
  const where = `\`${file.path}\`${file.from ? ` (renamed from \`${file.from}\`)` : ''}`;
  if (file.status === 'deleted') return `### ${where}\n\nRemoved in this change.`;
  if (file.status === 'added') {
    const r = statewise(cwd, ['advise', file.path, '--json', ...rules]);
    if (r.code !== 0) return `### ${where}\n\nNew, and statewise cannot read it:\n\n\`\`\`text\n${r.err.trim()}\n\`\`\``;
    const a = JSON.parse(r.out) as { service: string; verdict: string; feasible: boolean; plans: Record<string, { cost: { monthlyUsd: number } }> };
    return `### ${a.service}: ${a.verdict} (new)\n\n${where} is new: verdict **${a.verdict}**, feasible ${a.feasible ? 'yes' : '**no**'}, `
      + `about $${a.plans[a.verdict]!.cost.monthlyUsd}/month for the chosen plan.`;
  }
  const dir = mkdtempSync(join(tmpdir(), 'statewise-base-'));
  try {
    const old = join(dir, basename(file.from ?? file.path));
    writeFileSync(old, fileAt(cwd, base, file.from ?? file.path));
    const r = statewise(cwd, ['diff', old, file.path, '--format', 'markdown', ...rules]);
    if (r.code !== 0) return `### ${where}\n\nstatewise cannot compare the two versions:\n\n\`\`\`text\n${r.err.split(dir).join(`${base.slice(0, 7)}:`).trim()}\n\`\`\``;
    const [heading, ...rest] = r.out.trimEnd().split('\n');
    return [heading, '', `${where}, compared with ${base.slice(0, 7)}`, ...rest].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the action; the exit code is `statewise check`'s when `fail` is on, else 0. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const cwd = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const input = inputs(env);
  const rules = input.rules ? ['--rules', input.rules] : [];
  const event = eventInfo(env.GITHUB_EVENT_NAME, env.GITHUB_EVENT_PATH);
  const files = trackedFiles(cwd, input.patterns);
  const check = files.length
    ? statewise(cwd, ['check', ...files, ...(input.reviews ? ['--reviews', input.reviews] : []), ...rules])
    : { code: 0, out: 'no requirements files', err: '' };
  process.stdout.write(`${check.out}${check.err}`);
  const report: RunReport = {
    check: { exit: check.code, output: `${check.out}${check.err}`, files: files.length },
    sections: event.base ? changedFiles(cwd, event.base, input.patterns).map((f) => section(cwd, event.base!, f, rules)) : [],
    comparedWith: event.base ? `base ${event.base.slice(0, 7)}` : `no base commit in a ${env.GITHUB_EVENT_NAME ?? 'local'} event`,
  };
  const body = summaryMarkdown(report, Number.POSITIVE_INFINITY);
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, body);
  if (event.pullRequest !== undefined && input.comment) {
    if (!env.GITHUB_TOKEN || !env.GITHUB_REPOSITORY) {
      console.log('::warning::statewise: no token or repository to comment with; the job summary has the report');
    } else {
      try {
        const done = await upsertComment({ apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com', repository: env.GITHUB_REPOSITORY, pullRequest: event.pullRequest, token: env.GITHUB_TOKEN }, summaryMarkdown(report));
        console.log(`statewise: ${done.action} pull-request comment ${done.id}`);
      } catch (e) {
        // A fork's pull request gets a read-only token: the report stays in the job summary.
        console.log(`::warning::statewise: could not comment on the pull request (${e instanceof Error ? e.message : String(e)}); the job summary has the report`);
      }
    }
  }
  return input.fail ? check.code : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  run().then((code) => { process.exitCode = code; }, (e: unknown) => {
    console.log(`::error::statewise action failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 70;
  });
}
