import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BIN, ROOT, tempFiles } from '../../support/cli.ts';
import { fakeGitHub } from '../../support/fake-github.ts';

/**
 * The action (action.yml) as a runner would run it, on a scratch git repository with fixture event payloads.
 * GitHub cannot be reached from here: the pull-request comment goes to a fake GitHub API, a real HTTP server on
 * loopback (test/support/fake-github.ts). The "Install statewise" step (npm ci in the action's folder) is not run:
 * the action's folder is this checkout, whose dependencies npm ci already installed. Every other step runs with
 * bash as `shell: bash` does, its `${{ }}` expressions filled in from the inputs as the runner would.
 */
interface Step { id?: string; name: string; shell: string; run: string; env?: Record<string, string> }
interface Action { inputs: Record<string, { default?: string }>; runs: { using: string; steps: Step[] } }
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const TOKEN = 'ghs_test-token';

let dir: string;
let done: () => void;
const git = (...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
};
const example = (name: string) => readFileSync(join(ROOT, 'examples', `${name}.statewise.yaml`), 'utf8');
const review = (file: string) => {
  const r = spawnSync(process.execPath, [BIN, 'review', file, '--date', '2026-11-26'], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
};
const ORDERS = example('orders-api');

/** `${{ inputs.x }}` and `${{ github.token }}` as the runner expands them; anything else fails the test. */
function expand(value: string, inputs: Record<string, string>): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_m, expr: string) => {
    if (expr === 'github.token') return TOKEN;
    const input = /^inputs\.([\w-]+)$/.exec(expr);
    if (input && input[1]! in action.inputs) return inputs[input[1]!] ?? expand(action.inputs[input[1]!]!.default ?? '', inputs);
    throw new Error(`action.yml uses an expression this test does not expand: ${expr}`);
  });
}

/** One step's script with bash, asynchronously: the fake GitHub API in this process must keep answering meanwhile. */
function bash(script: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: dir, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

/** Runs the action's steps (all but the install step) for one event; returns the exit code, log and job summary. */
async function runAction(event: 'pull_request' | 'push', base: string, api: string, inputs: Record<string, string> = {}) {
  const payload = readFileSync(join(ROOT, 'test/fixtures/action', `${event}.json`), 'utf8').replaceAll('BASE_SHA', base).replaceAll('HEAD_SHA', git('rev-parse', 'HEAD'));
  const eventPath = join(dir, '..', `${event}-${Date.now()}.json`);
  writeFileSync(eventPath, payload);
  const summary = join(dir, '..', `summary-${Date.now()}.md`);
  writeFileSync(summary, '');
  let log = '';
  for (const step of action.runs.steps) {
    if (step.id === 'install') continue;
    expect(step.shell).toBe('bash');
    const env = {
      ...process.env, GITHUB_ACTION_PATH: ROOT, GITHUB_WORKSPACE: dir, GITHUB_EVENT_NAME: event, GITHUB_EVENT_PATH: eventPath,
      GITHUB_STEP_SUMMARY: summary, GITHUB_API_URL: api, GITHUB_REPOSITORY: 'octo/shop',
      ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(v, inputs)])),
    };
    const r = await bash(step.run, env);
    log += r.out;
    if (r.code !== 0) return { code: r.code, log, summary: readFileSync(summary, 'utf8') };
  }
  return { code: 0, log, summary: readFileSync(summary, 'utf8') };
}

beforeEach(() => {
  ({ dir, done } = tempFiles({}));
  dir = join(dir, 'repo');
  mkdirSync(join(dir, 'services'), { recursive: true });
  writeFileSync(join(dir, 'services/orders.statewise.yaml'), ORDERS);
  copyFileSync(join(ROOT, 'examples/team-chat.statewise.yaml'), join(dir, 'services/chat.statewise.yaml'));
  git('init', '-q', '-b', 'main');
  review('services/orders.statewise.yaml');
  review('services/chat.statewise.yaml');
  git('add', '.');
  git('commit', '-qm', 'base');
});
afterEach(() => done());

describe('the statewise action', () => {
  it('on a pull request: the summary and one comment come from statewise diff, and a re-run updates that comment', async () => {
    const base = git('rev-parse', 'HEAD');
    // The change: orders' peakRps doubled and its sizeKb 3 → 6, and a new service with its review.
    writeFileSync(join(dir, 'services/orders.statewise.yaml'), ORDERS.replace('peakRps: 2500', 'peakRps: 5000').replace(/sizeKb: 3$/m, 'sizeKb: 6'));
    copyFileSync(join(ROOT, 'examples/public-feed-api.statewise.yaml'), join(dir, 'services/feed.statewise.yaml'));
    review('services/feed.statewise.yaml');
    git('add', '.');
    git('commit', '-qm', 'bigger orders');
    const github = await fakeGitHub({ token: TOKEN });
    github.comments.set(7, [{ id: 1, body: 'Looks good to me' }]);
    try {
      const first = await runAction('pull_request', base, github.url);
      expect(first.code, first.log).toBe(0);
      mkdirSync(join(ROOT, 'test-results'), { recursive: true });
      writeFileSync(join(ROOT, 'test-results', 'action-summary.md'), first.summary);
      // The job summary: the check passed, and the diff of orders names its changed inputs and cost.
      expect(first.summary).toContain('<!-- statewise-action -->');
      expect(first.summary).toContain('**check** (3 requirements files): ✅');
      expect(first.summary).toContain('### orders-api: stateless (unchanged)');
      expect(first.summary).toContain('`services/orders.statewise.yaml`, compared with ' + base.slice(0, 7));
      expect(first.summary).toContain('- `traffic.peakRps` 2500 → 5000');
      expect(first.summary).toContain('- `state.orders.sizeKb` 3 → 6');
      // 6 → 12 instances at $24, plus a $162 Postgres node and its standby (99.9% ≥ 99%): +$144 on $468 is +31%.
      expect(first.summary).toContain(`$${6 * 24 + 2 * 162} → $${12 * 24 + 2 * 162} (+$${6 * 24}, +31%)`);
      expect(first.summary).toMatch(/### public-feed-api: \w+ \(new\)/);
      expect(first.summary).not.toMatch(/### team-chat/); // unchanged files get no section
      // Exactly the diff the CLI prints for the same two versions.
      writeFileSync(join(dir, '..', 'base.yaml'), ORDERS);
      const cliDiff = spawnSync(process.execPath, [BIN, 'diff', join(dir, '..', 'base.yaml'), 'services/orders.statewise.yaml', '--format', 'markdown'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      for (const line of cliDiff.stdout.split('\n').slice(1).filter(Boolean)) expect(first.summary).toContain(line);
      // One comment created, carrying the same report, after the human's comment.
      expect(github.calls.map((c) => `${c.method} ${c.path.replace(/\?.*/, '')}`)).toEqual(['GET /repos/octo/shop/issues/7/comments', 'POST /repos/octo/shop/issues/7/comments']);
      expect(github.calls.every((c) => c.authorization === `Bearer ${TOKEN}`)).toBe(true);
      const [human, mine] = github.comments.get(7)!;
      expect(human!.body).toBe('Looks good to me');
      expect(mine!.body).toBe(first.summary);

      // Another push to the pull request: the same comment is updated, not duplicated.
      writeFileSync(join(dir, 'services/orders.statewise.yaml'), ORDERS.replace('peakRps: 2500', 'peakRps: 7500'));
      git('commit', '-qam', 'even bigger');
      const second = await runAction('pull_request', base, github.url);
      expect(second.code, second.log).toBe(0);
      expect(github.calls.slice(2).map((c) => c.method)).toEqual(['GET', 'PATCH']);
      expect(github.calls[3]!.path).toBe(`/repos/octo/shop/issues/comments/${mine!.id}`);
      expect(github.comments.get(7)!.length).toBe(2);
      expect(github.comments.get(7)![1]!.body).toContain('- `traffic.peakRps` 2500 → 7500');
      expect(second.log).toContain(`updated pull-request comment ${mine!.id}`);
    } finally {
      await github.close();
    }
  }, 300_000);

  it('fails the job when an answer changed (unless fail is false), and a refused comment leaves the summary', async () => {
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(dir, 'services/orders.statewise.yaml'), ORDERS.replace('memory: session', 'memory: session\n  realtime: bidirectional'));
    git('commit', '-qam', 'websockets');
    const github = await fakeGitHub({ token: TOKEN, failWith: 403 });
    try {
      const failing = await runAction('pull_request', base, github.url);
      expect(failing.code).toBe(1);
      expect(failing.summary).toContain('❌ a design review no longer matches the answer');
      expect(failing.summary).toContain('no longer matches the answer');
      expect(failing.summary).toMatch(/### orders-api: stateless → \w+/);
      expect(failing.log).toContain('::warning::statewise: could not comment on the pull request (POST /repos/octo/shop/issues/7/comments answered 403');
      const lenient = await runAction('pull_request', base, github.url, { fail: 'false' });
      expect(lenient.code).toBe(0);
      expect(lenient.summary).toContain('❌');
    } finally {
      await github.close();
    }
  }, 300_000);

  it('on a push: a summary against the commit before, and no comment', async () => {
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(dir, 'services/orders.statewise.yaml'), ORDERS.replace('peakRps: 2500', 'peakRps: 5000'));
    git('commit', '-qam', 'double');
    const github = await fakeGitHub({ token: TOKEN });
    try {
      const r = await runAction('push', base, github.url);
      expect(r.code, r.log).toBe(0);
      expect(r.summary).toContain(`(base ${base.slice(0, 7)})`);
      expect(r.summary).toContain('- `traffic.peakRps` 2500 → 5000');
      expect(github.calls).toEqual([]);
    } finally {
      await github.close();
    }
  }, 300_000);
});
