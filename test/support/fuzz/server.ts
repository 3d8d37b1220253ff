import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * Runs the real `statewise serve` as a child process on an ephemeral loopback port — the same binary and flags an
 * operator uses — and collects its stdout (access log) and stderr (start, shutdown and error reports).
 */

export const BIN = fileURLToPath(new URL('../../../bin/statewise.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerChild {
  child: ChildProcess;
  url: string;
  pid: number;
  stdout: string[];
  stderr: string[];
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with the exit code. */
  stop(graceMs?: number): Promise<number | string>;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Extra node flags before the script (e.g. a preload with --import). */
  nodeArgs?: string[];
  /** How long to wait for "listening on". */
  startTimeoutMs?: number;
  cwd?: string;
}

/** Starts `statewise serve --host 127.0.0.1 --port 0 …args` and resolves once it prints its address. */
export function spawnServer(args: string[] = [], options: SpawnOptions = {}): Promise<ServerChild> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BIN, 'serve', '--host', '127.0.0.1', '--port', '0', ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, PORT: undefined, HOST: undefined, STATEWISE_API_KEYS: undefined, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = (into: string[]) => {
    let rest = '';
    return (chunk: Buffer) => {
      rest += chunk.toString('utf8');
      const parts = rest.split('\n');
      rest = parts.pop()!;
      into.push(...parts);
    };
  };
  child.stdout!.on('data', lines(stdout));
  child.stderr!.on('data', lines(stderr));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`server did not start:\n${stderr.join('\n')}`)); }, options.startTimeoutMs ?? 30_000);
    const poll = setInterval(() => {
      const line = stderr.find((l) => /listening on http:\/\//.test(l));
      if (!line) return;
      clearInterval(poll); clearTimeout(timer);
      const url = /listening on (http:\/\/[^\s]+)/.exec(line)![1]!;
      resolve({
        child, url, pid: child.pid!, stdout, stderr, exited,
        stop(graceMs = 15_000) {
          if (child.exitCode === null && child.signalCode === null) {
            child.kill('SIGTERM');
            const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
            void exited.then(() => clearTimeout(kill));
          }
          return exited;
        },
      });
    }, 20);
    void exited.then((code) => {
      clearInterval(poll); clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${stderr.join('\n')}`));
    });
  });
}

/** Runs `statewise ARGS` to completion (bounded by `timeoutMs`) and returns its exit code and output. */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<{ code: number | string; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.once('exit', (code, signal) => { clearTimeout(timer); resolve({ code: code ?? signal ?? -1, stdout, stderr }); });
  });
}
