// Minimal types for the parts of autocannon 9 the reliability suite uses (the package ships none).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Request {
    method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer;
    /** Called before each request; returns the request to send (the benchmarks vary the body). */
    setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
  }
  interface Options {
    url: string; connections?: number; duration?: number; amount?: number; timeout?: number; pipelining?: number;
    requests?: Request[]; overallRate?: number; headers?: Record<string, string>; method?: string; body?: string; reconnectRate?: number;
  }
  interface Histogram { average: number; mean: number; stddev: number; min: number; max: number; total: number; p50: number; p90: number; p99: number; p97_5: number; p2_5: number }
  interface Result {
    requests: Histogram; latency: Histogram; throughput: Histogram; errors: number; timeouts: number; resets: number;
    non2xx: number; mismatches: number; duration: number; '1xx': number; '2xx': number; '3xx': number; '4xx': number; '5xx': number;
    statusCodeStats: Record<string, { count: number }>;
  }
  interface Instance extends EventEmitter { stop(): void }
  /** With a callback: the running instance. Without: the instance is also a promise of the result. */
  function autocannon(options: Options, callback: (err: Error | null, result: Result) => void): Instance;
  function autocannon(options: Options): Instance & PromiseLike<Result>;
  export default autocannon;
  export type { Options, Result, Instance, Request };
}
