import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, for spawning `bin/statewise.js` and the echo server. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let built = false;

/**
 * Builds dist/ once per benchmark run (scripts/build.ts), so every server measured runs the compiled bundle as
 * production does — never the sources through tsx, which bin/ falls back to when dist/ is older than a source.
 */
export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
  built = true;
}

export interface Spawned { url: string; child: ChildProcess; stop(): Promise<void> }

/** A free loopback port (bind to 0, read it, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/**
 * Starts a server process, pinned with `taskset -c CPUS` when given, and resolves once GET /healthz answers.
 * Loopback only: every URL is http://127.0.0.1.
 */
export async function spawnServer(args: readonly string[], port: number, cpus?: string, env: NodeJS.ProcessEnv = process.env): Promise<Spawned> {
  const [cmd, argv] = cpus ? ['taskset', ['-c', cpus, process.execPath, ...args]] : [process.execPath, [...args]];
  const child = spawn(cmd, argv, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += String(d); });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}): ${args.join(' ')}\n${stderr}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server did not start in 60 s: ${args.join(' ')}\n${stderr}`); }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      child.kill('SIGTERM');
    }),
  };
}

/**
 * The real API, compiled: `node bin/statewise.js serve --port P --quiet [...]` with dist/ built first. Its answer
 * cache is on unless `extra` says `--answer-cache 0`: the benchmarks of advice turn it off (and send distinct bodies
 * anyway); the memory benchmark measures the defaults production runs.
 */
export async function startStatewise(extra: readonly string[] = [], cpus?: string): Promise<Spawned> {
  buildOnce();
  const port = await freePort();
  return spawnServer(['bin/statewise.js', 'serve', '--port', String(port), '--quiet', ...extra], port, cpus, { ...process.env, STATEWISE_RUN: 'dist' });
}

/** The bare Hono echo server (bench/echo-server.ts), started the same way; `answerFile` is what POST /answer sends. */
export async function startEcho(cpus?: string, answerFile?: string): Promise<Spawned> {
  const port = await freePort();
  return spawnServer(['--import', 'tsx', 'bench/echo-server.ts', String(port), ...(answerFile ? [answerFile] : [])], port, cpus);
}

/** Pins this process (all its threads) to `cpus`, so the load generator and the server do not share a core. */
export function pinSelf(cpus: string): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}
