import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer, type ServeOptions } from '../../server/serve.ts';
import { builtinEngine } from './engine.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/statewise.js', import.meta.url));
export const TODAY = '2026-11-26';

export interface TestServer extends RunningServer {
  /** Access-log lines written so far. */
  log: string[];
  /** Unexpected-failure reports written so far. */
  reports: string[];
}

/**
 * A real statewise server on an ephemeral loopback port, built-in catalogue, fixed date; access log captured.
 * @example const s = await testServer({ apiKeys: ['k'.repeat(20)] }); await fetch(s.url + '/healthz'); await s.close()
 */
export async function testServer(options: Partial<ServeOptions> = {}): Promise<TestServer> {
  const log: string[] = [];
  const reports: string[] = [];
  const running = await startServer({
    engine: builtinEngine(), port: 0, host: '127.0.0.1', today: () => TODAY,
    accessLog: (l) => log.push(l), report: (l) => reports.push(l), ...options,
  });
  return Object.assign(running, { log, reports });
}

export interface RawResponse { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** A request through node:http, for what fetch hides: chunked bodies, lying Content-Length, odd headers. */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }));
    });
    req.on('error', reject);
    for (const c of options.chunks ?? []) req.write(c);
    req.end();
  });
}

export interface Child {
  proc: ChildProcessWithoutNullStreams;
  stderr: () => string;
  stdout: () => string;
  /** Resolves with the first stderr match of `pattern` at or after `from` characters (waits up to `ms`; a busy 2-core CI box can take 10 s+ to start tsx). */
  waitFor(pattern: RegExp, ms?: number, from?: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `node bin/statewise.js ARGS` as a child process with its output captured. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const proc = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' });
  let err = '';
  let out = '';
  const waiters: Array<() => void> = [];
  proc.stderr.on('data', (d: Buffer) => { err += d.toString(); waiters.forEach((w) => w()); });
  proc.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return {
    proc,
    stderr: () => err,
    stdout: () => out,
    exited,
    waitFor(pattern, ms = 45_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = err.slice(from).match(pattern);
          if (m) { clearTimeout(timer); resolve(m); return true; }
          return false;
        };
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; stderr so far:\n${err}`)), ms);
        if (!check()) waiters.push(check);
        void exited.then(() => setTimeout(() => { if (!check()) { clearTimeout(timer); reject(new Error(`exited before ${pattern}; stderr:\n${err}`)); } }, 50));
      });
    },
  };
}

export const LISTENING = /listening on (http:\/\/[\d.]+:\d+) \(pid (\d+)/;
