import autocannon, { type Options } from 'autocannon';

interface Summary {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number; timeouts: number; non2xx: number;
}

export interface LoadResult { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

export interface LoadOptions {
  seconds?: number;
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
  connections?: number;
  method?: 'GET' | 'POST';
  body?: string;
  /** Distinct JSON bodies sent in turn (one per request, across all connections): nothing keyed by input can answer. */
  bodies?: readonly string[];
}

/** One autocannon run (50 connections unless told) against `url`; req/s is the per-second average. */
export async function load(url: string, options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const bodies = options.bodies;
  // autocannon's bundled types describe the instance; the awaited value is the result summary.
  const r = (await autocannon({
    url,
    connections: options.connections ?? 50,
    ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
    method: options.method ?? 'GET',
    ...(options.body || bodies ? { headers: { 'content-type': 'application/json' } } : {}),
    ...(options.body ? { body: options.body } : {}),
    ...(bodies ? {
      requests: [{
        method: options.method ?? 'POST',
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      }],
    } : {}),
  } as Options)) as unknown as Summary;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}
