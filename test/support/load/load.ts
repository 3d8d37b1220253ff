import autocannon, { type Instance, type Request, type Result } from 'autocannon';

/** The mix of requests every load run sends: valid JSON and YAML, a batch, and a client mistake (400). */
export const LOAD_REQUESTS: Request[] = [
  { method: 'POST', path: '/v1/recommendations', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service: 'checkout', traffic: { peakRps: 800 }, context: { memory: 'session', workflow: 'multi-step' },
      state: [{ name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 3 }, { name: 'orders', owner: 'user', lifetime: 'forever', lossImpact: 'critical' }] }) },
  { method: 'POST', path: '/v1/recommendations', headers: { 'content-type': 'application/yaml' },
    body: 'service: chat\ncontext: { realtime: bidirectional }\ntraffic: { peakRps: 3000 }\nstate:\n  - { name: rooms, owner: shared, lifetime: minutes }\n' },
  { method: 'POST', path: '/v1/recommendations/batch', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ service: 'a', traffic: { peakRps: 1 } }, { service: 'Bad Name', traffic: { peakRps: -1 } }] }) },
  { method: 'POST', path: '/v1/recommendations', headers: { 'content-type': 'application/json' },
    body: '{"service":"x","traffic":{"peakRps":"lots"}}' },
  { method: 'GET', path: '/healthz' },
];
/** Status each request of LOAD_REQUESTS must get. */
export const LOAD_EXPECTED = [200, 200, 200, 400, 200];

export interface LoadRun {
  instance: Instance;
  /** Responses by status code, as they arrive. */
  statuses: Map<number, number>;
  /** Request errors by code (ECONNREFUSED, ECONNRESET, timeout …). */
  errors: Map<string, number>;
  done: Promise<Result>;
}

/**
 * Starts autocannon against `url` (loopback) for `seconds`, with `connections` keep-alive connections cycling
 * through LOAD_REQUESTS. Bounded by duration; per-request timeout `timeoutS`; `rate` caps requests per second overall.
 */
export function startLoad(url: string, options: { seconds: number; connections: number; timeoutS?: number; requests?: Request[]; rate?: number }): LoadRun {
  if (!/^http:\/\/(127\.0\.0\.1|\[::1\]|localhost)[:/]/.test(url)) throw new Error(`load runs on loopback only, not ${url}`);
  const statuses = new Map<number, number>();
  const errors = new Map<string, number>();
  let resolveDone!: (r: Result) => void;
  let rejectDone!: (e: Error) => void;
  const done = new Promise<Result>((res, rej) => { resolveDone = res; rejectDone = rej; });
  const instance = autocannon({
    url, connections: options.connections, duration: options.seconds, timeout: options.timeoutS ?? 10, pipelining: 1,
    requests: options.requests ?? LOAD_REQUESTS, ...(options.rate ? { overallRate: options.rate } : {}),
  }, (err, result) => (err ? rejectDone(err) : resolveDone(result)));
  instance.on('response', (_client: unknown, status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1));
  instance.on('reqError', (e: NodeJS.ErrnoException) => {
    const code = e.code ?? e.name ?? 'error';
    errors.set(code, (errors.get(code) ?? 0) + 1);
  });
  return { instance, statuses, errors, done };
}
