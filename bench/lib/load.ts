import autocannon from 'autocannon';

interface Summary {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number; timeouts: number; non2xx: number;
}

export interface LoadResult { rps: number; p50: number; p99: number; errors: number; non2xx: number; requests: number }

/** One autocannon run (50 connections unless told) against `url`; req/s is the per-second average. */
export async function load(url: string, options: { seconds: number; connections?: number; method?: 'GET' | 'POST'; body?: string }): Promise<LoadResult> {
  // autocannon's bundled types describe the instance; the awaited value is the result summary.
  const r = (await autocannon({
    url,
    connections: options.connections ?? 50,
    duration: options.seconds,
    method: options.method ?? 'GET',
    ...(options.body ? { body: options.body, headers: { 'content-type': 'application/json' } } : {}),
  })) as unknown as Summary;
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    requests: r.requests.total,
  };
}
