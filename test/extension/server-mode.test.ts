import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callServer, endpoint, type ServerFailure } from '../../extension/src/server-client.ts';
import { serverFailureMessage } from '../../extension/src/server-errors.ts';

/** A real loopback HTTP server whose answer each test chooses by path. */
let server: Server;
let base: string;
const seen: { method?: string; url?: string; headers?: IncomingMessage['headers']; body?: string }[] = [];

const routes: Record<string, (req: IncomingMessage, res: ServerResponse, body: string) => void> = {
  '/ok/v1/recommendations': (_q, res) => { res.setHeader('content-type', 'application/json'); res.end('{"verdict":"stateless"}'); },
  '/problem/v1/recommendations': (_q, res) => {
    res.statusCode = 400;
    res.setHeader('content-type', 'application/problem+json');
    res.end(JSON.stringify({
      type: 'https://statewise.dev/problems/invalid-requirements', title: 'The requirements are not valid', status: 400,
      detail: '4 problems; see errors',
      errors: [
        { pointer: '/traffic/peakRps', detail: 'must be >= 0', line: 3, column: 12 },
        { pointer: '/state/0/lifetime', detail: 'must be one of "request", "minutes"' },
        { pointer: '/x', detail: 'unknown field "x"' },
        { pointer: '/y', detail: 'unknown field "y"' },
      ],
    }));
  },
  '/auth/v1/recommendations': (_q, res) => {
    res.statusCode = 401;
    res.setHeader('content-type', 'application/problem+json');
    res.setHeader('www-authenticate', 'Bearer');
    res.end(JSON.stringify({ type: 'https://statewise.dev/problems/unauthorized', title: 'Authentication required', status: 401, detail: 'missing bearer token' }));
  },
  '/crash/v1/recommendations': (_q, res) => {
    res.statusCode = 500;
    res.setHeader('content-type', 'application/problem+json');
    res.end(JSON.stringify({ type: 'x', title: 'Internal server error', status: 500, detail: 'unexpected', requestId: 'req-42' }));
  },
  '/html/v1/recommendations': (_q, res) => { res.statusCode = 502; res.statusMessage = 'Bad Gateway'; res.setHeader('content-type', 'text/html'); res.end('<h1>nginx</h1>'); },
  '/redirect/v1/recommendations': (_q, res) => { res.statusCode = 301; res.setHeader('location', 'http://127.0.0.1:1/elsewhere'); res.end(); },
  '/slow/v1/recommendations': (_q, res) => { setTimeout(() => { res.end('{}'); }, 2_000); },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const route = routes[req.url!.split('?')[0]!];
      if (route) route(req, res, body);
      else { res.statusCode = 404; res.end(); }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }));

const call = (prefix: string, extra: Partial<Parameters<typeof callServer>[0]> = {}) => callServer({
  baseUrl: `${base}${prefix}`, path: '/v1/recommendations', body: 'service: a\ntraffic: { peakRps: 1 }\n',
  contentType: 'application/yaml', accept: 'application/json', timeoutMs: 5_000, ...extra,
});

async function failure(prefix: string, extra: Partial<Parameters<typeof callServer>[0]> = {}): Promise<ServerFailure> {
  const result = await call(prefix, extra);
  if (result.ok) throw new Error(`expected a failure, got ${result.body}`);
  return result.failure;
}

describe('server mode: requests', () => {
  it('POSTs the file text with its content type and the API key as a bearer token', async () => {
    const result = await call('/ok/', { apiKey: 'k-123' });
    expect(result).toEqual({ ok: true, body: '{"verdict":"stateless"}', contentType: 'application/json' });
    const req = seen.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/ok/v1/recommendations');
    expect(req.headers!['content-type']).toBe('application/yaml');
    expect(req.headers!.authorization).toBe('Bearer k-123');
    expect(req.headers!.accept).toBe('application/json, application/problem+json');
    expect(req.body).toBe('service: a\ntraffic: { peakRps: 1 }\n');
  });

  it('sends no authorization header without a key', async () => {
    await call('/ok');
    expect(seen.at(-1)!.headers!.authorization).toBeUndefined();
  });

  it('joins base URL and path whatever the trailing slashes', () => {
    expect(endpoint('https://h.example/api/', '/v1/x')).toBe('https://h.example/api/v1/x');
    expect(endpoint('https://h.example', '/v1/x')).toBe('https://h.example/v1/x');
    expect(endpoint('ftp://h.example', '/v1/x')).toBeUndefined();
    expect(endpoint('not a url', '/v1/x')).toBeUndefined();
  });
});

describe('server mode: errors → messages', () => {
  it('problem+json with field errors lists pointers (and lines), at most three', async () => {
    const f = await failure('/problem');
    expect(f).toMatchObject({ kind: 'problem', status: 400 });
    expect(serverFailureMessage(f)).toBe(
      'The statewise server rejected the request (400 The requirements are not valid): /traffic/peakRps (line 3): must be >= 0; '
      + '/state/0/lifetime: must be one of "request", "minutes"; /x: unknown field "x"; and 1 more.',
    );
  });

  it('401 tells how to set the API key', async () => {
    const message = serverFailureMessage(await failure('/auth'));
    expect(message).toBe('The statewise server rejected the request (401 Authentication required): missing bearer token. Set the API key with "Statewise: Set Server API Key".');
  });

  it('500 quotes the request id', async () => {
    expect(serverFailureMessage(await failure('/crash'))).toBe('The statewise server rejected the request (500 Internal server error): unexpected. Request id: req-42.');
  });

  it('a non-problem error page is reported by status', async () => {
    expect(serverFailureMessage(await failure('/html'))).toBe('The statewise server answered 502 Bad Gateway for /html/v1/recommendations.');
  });

  it('404 suggests the URL is not a statewise server', async () => {
    expect(serverFailureMessage(await failure('/nothing-here'))).toMatch(/answered 404 .*Is statewise\.server\.url the base URL of a statewise server\?/);
  });

  it('redirects are not followed (the bearer token stays with the configured server)', async () => {
    const f = await failure('/redirect', { apiKey: 'k' });
    expect(f).toMatchObject({ kind: 'http', status: 301 });
    expect(serverFailureMessage(f)).toMatch(/Redirects are not followed/);
  });

  it('a closed port is unreachable, naming the cause', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const f = await callServer({ baseUrl: `http://127.0.0.1:${port}`, path: '/v1/recommendations', body: '', contentType: 'application/yaml', accept: 'application/json', timeoutMs: 5_000 });
    expect(f.ok).toBe(false);
    expect(!f.ok && serverFailureMessage(f.failure)).toBe(`The statewise server at http://127.0.0.1:${port} is unreachable (ECONNREFUSED). Check statewise.server.url, or clear it to use the built-in engine.`);
  });

  it('a slow server times out with the configured limit', async () => {
    const f = await failure('/slow', { timeoutMs: 300 });
    expect(f).toMatchObject({ kind: 'timeout', seconds: 0.3 });
    expect(serverFailureMessage(f)).toBe(`The statewise server at ${base} did not answer within 0.3 s (statewise.server.timeoutSeconds).`);
  });

  it('cancelling reports cancelled, not a timeout', async () => {
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    expect(await failure('/slow', { signal: abort.signal })).toMatchObject({ kind: 'cancelled' });
  });

  it('a setting that is not an http(s) URL says so', async () => {
    const f = await callServer({ baseUrl: 'statewise.internal', path: '/v1/recommendations', body: '', contentType: 'application/yaml', accept: 'application/json', timeoutMs: 1_000 });
    expect(!f.ok && serverFailureMessage(f.failure)).toBe('statewise.server.url "statewise.internal" is not an http(s) URL. Fix the setting, or clear it to use the built-in engine.');
  });

  it('an answer of the wrong shape is explained', () => {
    expect(serverFailureMessage({ kind: 'bad-response', url: 'http://h:1/v1/recommendations', reason: 'not a statewise/v1 recommendation' }))
      .toBe('The statewise server at http://h:1 sent an answer this extension does not understand (not a statewise/v1 recommendation). Is statewise.server.url a statewise server of a compatible version?');
  });
});
