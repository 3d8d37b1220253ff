import cluster from 'node:cluster';
import { engineFor } from './engine.ts';
import { readCatalogDir } from '../../adapters/index.ts';
import { allowedHostsFor, resolveConfig, SERVE_FLAGS, SHUTDOWN_DEADLINE_MS } from '../config.ts';
import { describeCpus } from '../cpu-quota.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the HTTP API (stateless; scale out with --workers or replicas)',
  usage: `Usage: statewise serve [options]

Serves the HTTP API: POST /v1/recommendations, /v1/recommendations/batch, GET /v1/rules,
/v1/schemas/requirements, /openapi.json, /docs (API reference), /healthz.

Options (flag, then environment variable, then default):
  --port N              PORT                     8787 (0 = any free port)
  --host H              HOST                     127.0.0.1
  --rules DIR           STATEWISE_RULES          layer a custom rule catalogue folder on the built-in rules
  --workers N|auto      STATEWISE_WORKERS        1 (processes via node:cluster; auto = one per core)
  --api-keys-file FILE  STATEWISE_API_KEYS_FILE  one key per line; STATEWISE_API_KEYS adds comma-separated keys
  --body-limit SIZE     STATEWISE_BODY_LIMIT     256kb
  --cors-origin ORIGIN  STATEWISE_CORS_ORIGINS   allow a browser origin (repeatable; comma-separated in env)
  --allowed-host NAME   STATEWISE_ALLOWED_HOSTS  answer requests for this Host (repeatable; * = any). Default:
                                                 loopback names when bound to loopback, else any host
  --max-batches N       STATEWISE_MAX_BATCHES    batches answered at once (default: advice threads + queue, or
                                                 cores, at least 2, with --advice-threads 0); more: 503
  --advice-threads N|auto                        threads that run advice, per process (STATEWISE_ADVICE_THREADS;
                                                 default auto = cores ÷ workers, at least 1; cores = the cgroup
                                                 CPU quota rounded up when lower), so the event loop stays
                                                 free for probes; 0 = advice on the event loop
  --advice-queue N      STATEWISE_ADVICE_QUEUE   advice tasks that may wait per process (default 256);
                                                 one more gets 503 with Retry-After
  --answer-cache N      STATEWISE_ANSWER_CACHE   answers kept per process for repeated requests (default 256,
                                                 at most 32 MB; 0 = off); header X-Statewise-Cache: hit or miss
  --quiet               STATEWISE_QUIET=1        no access log on stdout

Prints "listening on URL" on stderr once ready. SIGTERM/SIGINT drains in-flight requests (10 s), then exits 0;
a second signal exits at once. Exit code 2: bad configuration or a broken rule catalogue (FILE:LINE messages).`,
  async run(args, io) {
    const flags = parseFlags(args, SERVE_FLAGS, serveCommand, io);
    if (!flags) return EXIT.badInput;
    if (flags.positionals.length) {
      io.err(`statewise serve: unexpected argument "${flags.positionals[0]}"\n\n${serveCommand.usage}`);
      return EXIT.badInput;
    }
    const resolved = resolveConfig(flags.values, process.env, io.cwd);
    if (!resolved.ok) {
      io.err(resolved.errors.map((e) => `statewise serve: ${e}`).join('\n'));
      return EXIT.badInput;
    }
    const config = resolved.config;
    // Once per server (the primary of a cluster): what the defaults were sized from, quota included.
    if (cluster.isPrimary) io.err(`statewise: CPUs: ${describeCpus(config.cpus)}; ${config.workers} process${config.workers === 1 ? '' : 'es'} × ${config.adviceThreads} advice thread${config.adviceThreads === 1 ? '' : 's'}`);
    const engine = engineFor(config.rules, io);
    if (!engine) {
      io.err('statewise serve: the rule catalogue is broken; not starting');
      return EXIT.badInput;
    }
    // The workers of the advice pool compile the same catalogue text (checked by version before listening).
    const custom = config.rules ? readCatalogDir(config.rules, io.cwd) : { ok: true as const, value: [] };
    if (!custom.ok) {
      io.err(`statewise serve: cannot read ${config.rules} again for the advice threads; not starting`);
      return EXIT.badInput;
    }
    // Loaded here, not at the top: every other command would otherwise pay for Hono and the OpenAPI generator.
    const { runPrimary, SHUTDOWN_MESSAGE } = await import('../cluster.ts');
    if (config.workers > 1 && cluster.isPrimary) return runPrimary({ workers: config.workers, err: io.err });
    const { startServer } = await import('../serve.ts');

    let running;
    try {
      running = await startServer({
        engine, port: config.port, host: config.host, apiKeys: config.apiKeys,
        bodyLimitBytes: config.bodyLimitBytes, corsOrigins: config.corsOrigins,
        allowedHosts: allowedHostsFor(config.host, config.allowedHosts), maxConcurrentBatches: config.maxBatches,
        answerCache: { entries: config.answerCache },
        ...(config.adviceThreads > 0 ? { pool: { threads: config.adviceThreads, maxQueue: config.adviceQueue, custom: custom.value } } : {}),
        accessLog: config.quiet ? false : (line) => io.out(line),
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // No code: the advice threads did not start, which is a bug (exit 70 from main), not a configuration mistake.
      if (!code) throw e;
      io.err(`statewise serve: cannot listen on ${config.host}:${config.port} (${code})`);
      return EXIT.badInput;
    }
    const server = running;
    io.err(`statewise: listening on ${server.url} (pid ${process.pid}, rules ${engine.rulesVersion}, advice ${server.advice}${config.apiKeys.length ? ', API keys required' : ''})`);
    return new Promise<number>((done) => {
      let signals = 0;
      const drain = async (why: string) => {
        io.err(`statewise: ${why}; pid ${process.pid} draining ${server.inFlight()} in-flight requests (deadline ${SHUTDOWN_DEADLINE_MS / 1000} s)`);
        const how = await server.close(SHUTDOWN_DEADLINE_MS);
        io.err(`statewise: pid ${process.pid} stopped (${how === 'drained' ? 'all requests finished' : 'deadline reached; cut remaining connections'})`);
        if (cluster.isWorker) process.disconnect();
        done(EXIT.ok);
      };
      const onSignal = (sig: NodeJS.Signals) => {
        if (++signals > 1) {
          io.err(`statewise: second ${sig}; exiting now`);
          process.exit(1);
        }
        void drain(sig);
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
      // In a cluster the primary asks by message, so a terminal's SIGINT reaching both does not count as two.
      process.on('message', (m) => { if (m === SHUTDOWN_MESSAGE && signals++ === 0) void drain('shutdown requested by primary'); });
    });
  },
};
