import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createAdvicePool, type AdvicePoolOptions } from './advice-pool.ts';
import { inlineAdvisor } from './advisor.ts';
import { cachedAdvisor } from './answer-cache.ts';
import { answerCacheOptions, createApp, type AppOptions } from './app.ts';
import { allowedHostsFor, SHUTDOWN_DEADLINE_MS } from './config.ts';

/** Node's own defaults are generous (5 min request timeout); a shared service wants them tight and explicit. */
export const TIMEOUTS = {
  /** Time to receive all request headers (slowloris guard). */
  headersTimeout: 10_000,
  /** Time to receive the whole request, body included. */
  requestTimeout: 30_000,
  /**
   * Idle time a kept-alive connection is held open. Longer than common load-balancer idle timeouts (60 s): the LB
   * must be the side that closes an idle connection, or it may send a request down a socket the server is closing.
   */
  keepAliveTimeout: 65_000,
  /**
   * How often Node enforces headersTimeout/requestTimeout. Its default (30 s) let a slowloris client hold a socket
   * ~30 s despite the 10 s headersTimeout; every second enforces them within a second (test/server/slowloris-cli).
   */
  connectionsCheckingInterval: 1_000,
} as const;

export { SHUTDOWN_DEADLINE_MS } from './config.ts';

export interface ServeOptions extends AppOptions {
  port: number;
  host: string;
  /** Overrides for the timeouts above (tests shorten them); `connectionsCheckingInterval` is how often Node checks. */
  timeouts?: Partial<Record<keyof typeof TIMEOUTS, number>>;
  /**
   * Run advice on a worker-thread pool of this shape (what `statewise serve` does), started before the server
   * listens and stopped after it closes. Absent (and no `advisor`): advice runs inline on the event loop.
   */
  pool?: Omit<AdvicePoolOptions, 'rulesVersion'>;
}

export interface RunningServer {
  server: Server;
  /** `http://host:port` as bound (the real port when 0 was asked for). */
  url: string;
  port: number;
  /** Requests accepted but not yet answered. */
  inFlight(): number;
  /** Where advice runs, for the start message: `inline` or `on 2 threads, queue 32`, then `, answer cache 256` when on. */
  advice: string;
  /** Stops accepting, lets in-flight requests finish, then closes; after `deadlineMs` cuts what is left. */
  close(deadlineMs?: number): Promise<'drained' | 'deadline'>;
}

/**
 * Starts the HTTP server and resolves once it is listening (rejects on EADDRINUSE and the like).
 * @example const s = await startServer({ engine, port: 0, host: '127.0.0.1' }); await fetch(s.url + '/healthz')
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const timeouts = { ...TIMEOUTS, ...options.timeouts };
  // Before listening: "answers at all" must keep meaning "ready", advice threads included.
  const pool = options.pool && !options.advisor ? await createAdvicePool({ ...options.pool, rulesVersion: options.engine.rulesVersion }) : undefined;
  // The answer cache goes in front here rather than in createApp, so the start message can describe it; createApp
  // is told not to add a second one.
  const advisor = cachedAdvisor(options.advisor ?? pool ?? inlineAdvisor(options.engine), answerCacheOptions(options.answerCache));
  // Set (even to undefined, meaning any host) by the CLI from --allowed-host; otherwise derived from the bound address.
  const app = createApp({
    ...options, advisor, answerCache: { entries: 0 },
    allowedHosts: 'allowedHosts' in options ? options.allowedHosts : allowedHostsFor(options.host, []),
  });
  let inFlight = 0;
  let closing = false;
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port, hostname: options.host, serverOptions: { ...timeouts } }) as Server;
    s.once('error', reject);
    s.once('listening', () => { s.off('error', reject); resolve(s); });
  }).catch(async (e: unknown) => { await pool?.close(); throw e; });
  // Set again on the instance: serverOptions only covers what http.createServer accepts on this Node version.
  server.headersTimeout = timeouts.headersTimeout;
  server.requestTimeout = timeouts.requestTimeout;
  server.keepAliveTimeout = timeouts.keepAliveTimeout;
  server.on('request', (_req, res) => {
    inFlight++;
    if (closing) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight--;
      // A kept-alive connection that just finished its last response must not hold the shutdown open.
      if (closing) setImmediate(() => server.closeIdleConnections());
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let closed: Promise<'drained' | 'deadline'> | undefined;
  return {
    server,
    url: `http://${host}:${address.port}`,
    port: address.port,
    inFlight: () => inFlight,
    advice: advisor.description,
    close(deadlineMs = SHUTDOWN_DEADLINE_MS) {
      closing = true;
      return (closed ??= new Promise<'drained' | 'deadline'>((resolve) => {
        const timer = setTimeout(() => { server.closeAllConnections(); resolve('deadline'); }, deadlineMs);
        timer.unref();
        server.close(() => { clearTimeout(timer); resolve('drained'); });
        server.closeIdleConnections();
      }).then(async (how) => { await pool?.close(); return how; }));
    },
  };
}
