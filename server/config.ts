import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import * as z from 'zod';
import { statewiseError } from '../rules/index.ts';
import { cpuInfo, type CpuInfo } from './cpu-quota.ts';

/**
 * `statewise serve` configuration: flags first, then environment variables, then defaults, validated with zod
 * before anything starts. Messages name the flag or variable that supplied the bad value, never a key's value.
 */

/** How long in-flight requests may take to finish after SIGTERM/SIGINT before connections are cut. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Concurrent batches per process when advice runs on the event loop (and for createApp): one per core, at least
 * two, so one slow client cannot block the route. With advice threads the default is threads + advice queue: a
 * waiting batch costs no CPU, only its slot in the queue, which bounds it like any other advice.
 */
export const DEFAULT_MAX_BATCHES = Math.max(2, availableParallelism());

/**
 * Advice threads per process when not set: the cores shared out among the cluster's processes, at least one each.
 * `statewise serve` passes the CPUs the cgroup quota allows when it is lower (server/cpu-quota.ts), not the node's.
 * `--workers 1` on 4 cores → 4 threads; `--workers auto` → 1 thread per process; so processes × threads ≤ cores
 * (never oversubscribed, except the minimum of one thread when there are more processes than cores). Each
 * process's event-loop thread is not counted: it only reads and writes sockets.
 */
export function defaultAdviceThreads(workers: number, cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / workers));
}

/**
 * Advice tasks that may wait per process before the next is refused with 503. Per process, not per thread: what
 * waits is one request per open connection, however few threads there are. Each holds one body (≤ the body limit),
 * so the default bounds waiting work to ~256 × 256 KB of text plus its parsed form. 64 was too few: the CI soak's
 * 100 connections at 100 req/s (well within two threads' capacity) got 13% 503s because every connection had a
 * request waiting at once.
 */
export const DEFAULT_ADVICE_QUEUE = 256;

/**
 * Answers kept per process for repeated requests (server/answer-cache.ts) when --answer-cache is not given: room for
 * the requirements files of a repository with many services, through both routes, for one day (the date is part of
 * the key, so yesterday's answers age out).
 */
export const DEFAULT_ANSWER_CACHE_ENTRIES = 256;

/**
 * Most bytes the answer cache holds per process (a constant, not a flag: --answer-cache 0 turns it off, and the
 * entry count is the knob). A typical answer is 10–30 K characters kept as two-byte strings plus its ~1 KB body:
 * ~50 KB, so 256 typical entries fit in ~13 MB; 32 MB leaves room for larger documents and still stops 256 bodies
 * at the 256 KB limit (64 MB of keys alone) from outgrowing the rest of the server (RSS ~130 MB in the soak).
 */
export const ANSWER_CACHE_MAX_BYTES = 32 << 20;

/** Host names a server bound to a loopback address answers for (DNS rebinding guard), besides --allowed-host. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/**
 * The Host names the server answers for: the configured ones, plus the loopback names when it is bound to a loopback
 * address. Bound elsewhere with none configured: any host (undefined), since clients reach it under names it cannot know.
 */
export function allowedHostsFor(bindHost: string, configured: readonly string[]): string[] | undefined {
  if (configured.includes('*')) return undefined;
  const loopback = /^(127\.\d+\.\d+\.\d+|::1|\[::1\]|localhost)$/i.test(bindHost);
  if (loopback) return [...new Set([...LOOPBACK_HOSTS, ...configured.map((h) => h.toLowerCase())])];
  return configured.length ? configured.map((h) => h.toLowerCase()) : undefined;
}
export const SERVE_FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  rules: { type: 'string' },
  workers: { type: 'string' },
  'api-keys-file': { type: 'string' },
  'body-limit': { type: 'string' },
  'cors-origin': { type: 'string', multiple: true },
  'allowed-host': { type: 'string', multiple: true },
  'max-batches': { type: 'string' },
  'advice-threads': { type: 'string' },
  'advice-queue': { type: 'string' },
  'answer-cache': { type: 'string' },
  quiet: { type: 'boolean' },
} as const;

const digits = (min: number, max: number) => z.string().trim().regex(/^\d+$/, 'must be a whole number')
  .transform(Number).pipe(z.number().int().min(min).max(max));

const THREADS_MESSAGE = 'must be a number from 0 (advice on the event loop) to 64, or auto';

const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib)?$/i;
const UNITS: Record<string, number> = { b: 1, k: 1024, kb: 1024, kib: 1024, m: 1 << 20, mb: 1 << 20, mib: 1 << 20 };

/**
 * A size as people write it (`256kb`, `1mb`, `65536`; k/m are 1024-based) in bytes; undefined when it is not one.
 * @example parseSize('1.5mb') === 1572864
 */
export function parseSize(text: string): number | undefined {
  const m = SIZE.exec(text.trim());
  return m ? Math.floor(Number(m[1]) * UNITS[(m[2] ?? 'b').toLowerCase()]!) : undefined;
}

const ConfigSchema = z.object({
  port: digits(0, 65535),
  host: z.string().trim().min(1, 'must not be empty').max(253).regex(/^[A-Za-z0-9.:\-[\]]+$/, 'must be a host name or IP address'),
  rules: z.string().min(1, 'must name a folder').optional(),
  workers: z.union([z.literal('auto'), digits(1, 64)], { error: 'must be a number from 1 to 64, or auto' }),
  apiKeys: z.array(z.string()
    .min(16, 'each API key must be at least 16 characters')
    .max(512, 'each API key must be at most 512 characters')
    .regex(/^[A-Za-z0-9\-._~+/]+=*$/, 'each API key must be a bearer token (letters, digits, - . _ ~ + /)')).max(1000),
  bodyLimitBytes: z.string().trim().regex(SIZE, 'must be a size like 256kb, 1mb or 65536').transform((s) => parseSize(s)!).pipe(z.number().min(1024, 'must be at least 1kb').max(64 << 20, 'must be at most 64mb')),
  corsOrigins: z.array(z.url({ protocol: /^https?$/, error: 'each CORS origin must be like https://portal.example.com' })
    .refine((u) => URL.canParse(u) && new URL(u).origin === u, 'each CORS origin must be scheme://host[:port] with no path or trailing slash')),
  allowedHosts: z.array(z.string().trim().toLowerCase().regex(/^(\*|[a-z0-9.-]+|\[[0-9a-f:.]+\])$/, 'each allowed host must be a host name, an IP address ([::1] for IPv6) or *')).max(100),
  maxBatches: digits(1, 1000).optional(),
  adviceThreads: z.string().trim().regex(/^(auto|\d{1,3})$/, THREADS_MESSAGE).transform((s) => (s === 'auto' ? 'auto' as const : Number(s)))
    .refine((n) => n === 'auto' || n <= 64, THREADS_MESSAGE),
  adviceQueue: digits(0, 100_000).optional(),
  answerCache: digits(0, 100_000),
  quiet: z.boolean(),
});

/**
 * The validated configuration; `adviceThreads` 0 means advice runs inline on the event loop (no pool); `answerCache`
 * is the answer cache's entry count (0 = off).
 */
export type ServeConfig = Omit<z.output<typeof ConfigSchema>, 'workers' | 'adviceThreads' | 'adviceQueue' | 'maxBatches'>
  & { workers: number; adviceThreads: number; adviceQueue: number; maxBatches: number; cpus: CpuInfo };
export type ConfigResult = { ok: true; config: ServeConfig } | { ok: false; errors: string[] };

type Values = Record<string, string | boolean | string[] | undefined>;

/**
 * Resolves the serve configuration from parsed flags and the environment. `cpus` sizes the defaults (`--workers auto`,
 * `--advice-threads auto`, `--max-batches` with advice on the event loop): by default the cores or, when lower,
 * the cgroup CPU quota.
 * @example resolveConfig({ port: '0' }, {}).ok === true
 */
export function resolveConfig(values: Values, env: NodeJS.ProcessEnv, cwd = process.cwd(), cpus: CpuInfo = cpuInfo()): ConfigResult {
  const source: Record<string, string> = {};
  const pick = (key: string, flag: string, envName: string | undefined, fallback?: string) => {
    const v = values[flag];
    if (typeof v === 'string') { source[key] = `--${flag}`; return v; }
    if (envName && env[envName] !== undefined) { source[key] = envName; return env[envName]; }
    source[key] = `--${flag}`;
    return fallback;
  };
  const errors: string[] = [];
  const keys: string[] = [];
  if (env.STATEWISE_API_KEYS !== undefined) keys.push(...splitList(env.STATEWISE_API_KEYS));
  const keysFile = pick('keysFile', 'api-keys-file', 'STATEWISE_API_KEYS_FILE');
  if (keysFile) {
    try {
      keys.push(...readFileSync(resolve(cwd, keysFile), 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
    } catch (e) {
      errors.push(`${source.keysFile}: cannot read ${keysFile} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
  source.apiKeys = keysFile ? `${source.keysFile} / STATEWISE_API_KEYS` : 'STATEWISE_API_KEYS';
  const flagOrigins = values['cors-origin'];
  const origins = Array.isArray(flagOrigins) && flagOrigins.length ? flagOrigins : splitList(env.STATEWISE_CORS_ORIGINS ?? '');
  source.corsOrigins = Array.isArray(flagOrigins) && flagOrigins.length ? '--cors-origin' : 'STATEWISE_CORS_ORIGINS';
  const flagHosts = values['allowed-host'];
  const allowedHosts = Array.isArray(flagHosts) && flagHosts.length ? flagHosts : splitList(env.STATEWISE_ALLOWED_HOSTS ?? '');
  source.allowedHosts = Array.isArray(flagHosts) && flagHosts.length ? '--allowed-host' : 'STATEWISE_ALLOWED_HOSTS';
  const quietEnv = env.STATEWISE_QUIET;
  const raw = {
    port: pick('port', 'port', 'PORT', '8787'),
    host: pick('host', 'host', 'HOST', '127.0.0.1'),
    rules: pick('rules', 'rules', 'STATEWISE_RULES'),
    workers: pick('workers', 'workers', 'STATEWISE_WORKERS', '1'),
    apiKeys: keys,
    bodyLimitBytes: pick('bodyLimitBytes', 'body-limit', 'STATEWISE_BODY_LIMIT', '256kb'),
    corsOrigins: origins,
    allowedHosts,
    maxBatches: pick('maxBatches', 'max-batches', 'STATEWISE_MAX_BATCHES'),
    adviceThreads: pick('adviceThreads', 'advice-threads', 'STATEWISE_ADVICE_THREADS', 'auto'),
    adviceQueue: pick('adviceQueue', 'advice-queue', 'STATEWISE_ADVICE_QUEUE'),
    answerCache: pick('answerCache', 'answer-cache', 'STATEWISE_ANSWER_CACHE', String(DEFAULT_ANSWER_CACHE_ENTRIES)),
    quiet: values.quiet === true || quietEnv === '1' || quietEnv === 'true',
  };
  const parsed = ConfigSchema.safeParse(raw, { error: statewiseError });
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? '');
      errors.push(`${source[key] ?? key}: ${i.message}`);
    }
  }
  if (errors.length || !parsed.success) return { ok: false, errors: [...new Set(errors)] };
  const { adviceThreads, adviceQueue, maxBatches, workers: workersAsked, ...rest } = parsed.data;
  const workers = workersAsked === 'auto' ? Math.min(64, cpus.effective) : workersAsked;
  const threads = adviceThreads === 'auto' ? defaultAdviceThreads(workers, cpus.effective) : adviceThreads;
  const queue = adviceQueue ?? DEFAULT_ADVICE_QUEUE;
  const batches = maxBatches ?? (threads > 0 ? Math.min(1000, threads + queue) : Math.max(2, cpus.effective));
  return { ok: true, config: { ...rest, workers, adviceThreads: threads, adviceQueue: queue, maxBatches: batches, cpus } };
}

function splitList(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter(Boolean);
}
