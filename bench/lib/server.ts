import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root, for spawning `bin/statewise.js` and the echo server. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

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
export async function spawnServer(args: readonly string[], port: number, cpus?: string): Promise<Spawned> {
  const [cmd, argv] = cpus ? ['taskset', ['-c', cpus, process.execPath, ...args]] : [process.execPath, [...args]];
  const child = spawn(cmd, argv, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
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
 * The real API: `node bin/statewise.js serve --port P --quiet --answer-cache 0 [...]`. The answer cache is off: the
 * load repeats one body, which would otherwise measure the cache (a map lookup) instead of advice.
 */
export async function startStatewise(extra: readonly string[] = [], cpus?: string): Promise<Spawned> {
  const port = await freePort();
  return spawnServer(['bin/statewise.js', 'serve', '--port', String(port), '--quiet', '--answer-cache', '0', ...extra], port, cpus);
}

/** The bare Hono echo server (bench/echo-server.ts), started the same way. */
export async function startEcho(cpus?: string): Promise<Spawned> {
  const port = await freePort();
  return spawnServer(['--import', 'tsx', 'bench/echo-server.ts', String(port)], port, cpus);
}

/** Pins this process (all its threads) to `cpus`, so the load generator and the server do not share a core. */
export function pinSelf(cpus: string): Promise<boolean> {
  return new Promise((resolve) => {
    const p = spawn('taskset', ['-a', '-p', '-c', cpus, String(process.pid)], { stdio: 'ignore' });
    p.once('error', () => resolve(false));
    p.once('exit', (code) => resolve(code === 0));
  });
}
