import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../server/cli.ts';
import { LISTENING, spawnCli, type Child } from '../support/http.ts';

const dirs: string[] = [];
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** `statewise serve --port 0 ARGS` as a child, killed when the test that started it finishes (whatever happened). */
function serve(args: string[], onTestFinished: (fn: () => void) => void): Child {
  const child = spawnCli(['serve', '--port', '0', ...args]);
  onTestFinished(() => { if (child.proc.exitCode === null && child.proc.signalCode === null) child.proc.kill('SIGKILL'); });
  return child;
}

/**
 * Starts a POST whose headers the server has certainly parsed (it answered `100 Continue`) but whose body is not
 * sent yet: a request deterministically in flight. `finish()` sends the body and resolves with the answer.
 */
async function inFlight(url: string): Promise<{ finish: () => Promise<{ status: number; body: string }> }> {
  const body = 'service: slow\ntraffic: { peakRps: 1 }\n';
  let answer!: Promise<{ status: number; body: string }>;
  const req = request(url + '/v1/recommendations', {
    method: 'POST', headers: { 'content-type': 'application/yaml', 'content-length': String(body.length), expect: '100-continue' },
  });
  answer = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d: Buffer) => { text += d.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
  });
  answer.catch(() => {}); // a request the test abandons may end in a reset; only finish() callers look at it
  await new Promise<void>((resolve) => req.on('continue', () => resolve()));
  return { finish: () => { req.end(body); return answer; } };
}

describe('statewise serve (a real process)', () => {
  it('prints its address, logs each request as JSON on stdout, and on SIGTERM finishes the request in flight, then exits 0', async ({ onTestFinished }) => {
    const child = serve([], onTestFinished);
    const [, url] = await child.waitFor(LISTENING);
    // What a person opens next, printed with the address (issue 29), and both pages answer.
    await child.waitFor(/API reference/);
    expect(child.stderr()).toContain(`\n  playground     ${url}/\n  API reference  ${url}/docs\n`);
    expect((await fetch(url + '/docs')).status).toBe(200);
    expect((await fetch(url + '/healthz')).status).toBe(200);
    const pending = await inFlight(url!);
    child.proc.kill('SIGTERM');
    await child.waitFor(/draining 1 in-flight/);
    await expect(fetch(url + '/healthz')).rejects.toThrow(); // no longer accepting
    const answer = await pending.finish();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({ service: 'slow' });
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toMatch(/stopped \(all requests finished\)/);
    const log = child.stdout().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log.map((l) => `${l.method} ${l.path} ${l.status}`)).toEqual(['GET /docs 200', 'GET /healthz 200', 'POST /v1/recommendations 200']);
  }, 60_000);

  it('exits at once on a second signal, without waiting for the deadline', async ({ onTestFinished }) => {
    const child = serve(['--quiet'], onTestFinished);
    const [, url] = await child.waitFor(LISTENING);
    await inFlight(url!); // never finished
    child.proc.kill('SIGTERM');
    await child.waitFor(/draining 1 in-flight/);
    const started = Date.now();
    child.proc.kill('SIGINT');
    expect((await child.exited).code).toBe(1);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(child.stderr()).toMatch(/second SIGINT; exiting now/);
  }, 60_000);

  it('with --workers 2 replaces a worker that dies, and drains all of them on SIGTERM', async ({ onTestFinished }) => {
    const child = serve(['--workers', '2', '--quiet'], onTestFinished);
    const first = await child.waitFor(new RegExp(`${LISTENING.source}[^]*${LISTENING.source}`));
    const [url, pidA, , pidB] = [first[1]!, first[2]!, first[3]!, first[4]!];
    expect(first[3]).toBe(url); // both workers share the port
    expect(pidA).not.toBe(pidB);
    const mark = child.stderr().length;
    process.kill(Number(pidA), 'SIGKILL');
    await child.waitFor(new RegExp(`worker pid ${pidA} exited \\(signal SIGKILL\\); starting a replacement`), 20_000, mark);
    const replaced = await child.waitFor(LISTENING, 30_000, mark);
    expect(replaced[1]).toBe(url);
    expect([pidA, pidB]).not.toContain(replaced[2]);
    expect((await fetch(url + '/healthz')).status).toBe(200);
    child.proc.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(child.stderr()).toMatch(/all workers stopped/);
    expect(child.stdout()).toBe(''); // --quiet
  }, 90_000);
});

describe('statewise serve refuses to start on bad input (exit 2)', () => {
  async function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; err: string }> {
    const saved = { ...process.env };
    Object.assign(process.env, env);
    const err: string[] = [];
    try {
      const dir = mkdtempSync(join(tmpdir(), 'statewise-serve-'));
      dirs.push(dir);
      const code = await main(['serve', ...args], { out: () => {}, err: (t) => err.push(t), cwd: dir, today: '2026-11-26' });
      return { code, err: err.join('\n') };
    } finally {
      for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    }
  }

  it('names the broken custom catalogue file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statewise-rules-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'team.yaml'), [
      'rules:',
      '  - id: svc.team-bad',
      '    kind: service',
      '    title: A rule reading a fact that does not exist',
      '    when: { fact: traffic.nonsense, gt: 1 }',
      '    effect: { stateful: 5 }',
      '    because: "nonsense"',
      '',
    ].join('\n'));
    const { code, err } = await run(['--rules', dir, '--port', '0']);
    expect(code).toBe(2);
    expect(err).toMatch(/team\.yaml:\d+(:\d+)? .*traffic\.nonsense/);
    expect(err).toMatch(/not starting/);
  });

  it('stops on a bad flag or environment value with a message naming it', async () => {
    expect(await run(['--port', '99999'])).toMatchObject({ code: 2, err: expect.stringMatching(/--port: .*65535/) });
    expect(await run([], { PORT: 'eighty' })).toMatchObject({ code: 2, err: expect.stringMatching(/PORT: must be a whole number/) });
    expect(await run(['--workers', 'many'])).toMatchObject({ code: 2, err: expect.stringMatching(/--workers: must be a number from 1 to 64, or auto/) });
    expect(await run(['--body-limit', 'huge'])).toMatchObject({ code: 2, err: expect.stringMatching(/--body-limit: must be a size/) });
    expect(await run(['--cors-origin', 'https://ok.example.com/path'])).toMatchObject({ code: 2, err: expect.stringMatching(/--cors-origin: .*no path/) });
    expect(await run(['--frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/frobnicate/) });
  });

  it('refuses a weak API key without printing it', async () => {
    const { code, err } = await run([], { STATEWISE_API_KEYS: 'short1' });
    expect(code).toBe(2);
    expect(err).toMatch(/STATEWISE_API_KEYS: each API key must be at least 16 characters/);
    expect(err).not.toContain('short1');
  });
});
