import cluster, { type Worker } from 'node:cluster';
import { SHUTDOWN_DEADLINE_MS } from './config.ts';

/** Message the primary sends a worker to start its graceful shutdown (a signal of its own would count twice). */
export const SHUTDOWN_MESSAGE = 'statewise:shutdown';

export interface PrimaryOptions {
  workers: number;
  err: (line: string) => void;
}

/**
 * Runs the cluster primary: forks `workers` copies of this same command (each binds the shared port and serves
 * independently — the app is stateless), replaces a worker that dies, and on SIGTERM/SIGINT asks every worker to
 * drain, waiting up to the shutdown deadline. A worker that dies before it ever listened means the start itself is
 * broken (port taken, …): the primary stops everything instead of forking forever. Resolves with the exit code.
 */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  const { err } = options;
  const listened = new Set<number>();
  let stopping = false;
  return new Promise((done) => {
    const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    const fork = () => cluster.fork();
    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      // A worker still starting has no requests and no handler yet: a plain SIGTERM ends it.
      for (const w of alive()) {
        if (listened.has(w.id)) w.send(SHUTDOWN_MESSAGE);
        else w.process.kill('SIGTERM');
      }
      const kill = setTimeout(() => { for (const w of alive()) w.process.kill('SIGKILL'); }, SHUTDOWN_DEADLINE_MS + 2_000);
      kill.unref();
      const check = () => {
        if (alive().length > 0) return;
        clearTimeout(kill);
        err(`statewise: primary pid ${process.pid}: all workers stopped`);
        done(code);
      };
      cluster.on('exit', check);
      check();
    };
    cluster.on('listening', (w) => listened.add(w.id));
    cluster.on('exit', (w, code, signal) => {
      if (stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!listened.has(w.id)) {
        err(`statewise: worker pid ${w.process.pid} exited (${how}) before it started listening; stopping`);
        stop(code || 1);
        return;
      }
      err(`statewise: worker pid ${w.process.pid} exited (${how}); starting a replacement`);
      fork();
    });
    let signals = 0;
    const onSignal = (sig: NodeJS.Signals) => {
      if (++signals > 1) {
        err(`statewise: second ${sig}; exiting now`);
        for (const w of alive()) w.process.kill('SIGKILL');
        process.exit(1);
      }
      err(`statewise: ${sig}; draining ${alive().length} workers (deadline ${SHUTDOWN_DEADLINE_MS / 1000} s)`);
      stop(0);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    err(`statewise: primary pid ${process.pid} starting ${options.workers} workers`);
    for (let i = 0; i < options.workers; i++) fork();
  });
}
