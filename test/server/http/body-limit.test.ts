import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ProblemSchema } from '../../../server/http/problem.ts';
import { parse } from 'yaml';
import { ROOT, rawRequest, testServer, type RawResponse, type TestServer } from '../../support/http.ts';

/**
 * The body limit decides from Content-Length without touching the web-stream body. @hono/node-server builds a web
 * body with `Readable.toWeb(incoming)` only when something reads `c.req.raw.body`; counting its calls over real HTTP
 * (the server runs in this process) shows which path a request took. The chunked case is the control: it must read
 * the stream, so a count of 0 elsewhere means the spy works and the stream was not built.
 */

const TYPICAL_JSON = JSON.stringify(parse(readFileSync(join(ROOT, 'examples/online-shop.statewise.yaml'), 'utf8')));
const SMALL = 4096;
let server: TestServer;
const toWeb = vi.spyOn(Readable, 'toWeb');

beforeAll(async () => { server = await testServer({ bodyLimitBytes: SMALL, answerCache: { entries: 0 } }); });
afterAll(async () => { await server.close(1000); toWeb.mockRestore(); });
afterEach(() => { toWeb.mockClear(); });

const url = () => `${server.url}/v1/recommendations`;

/** Sends only the headers of a POST that announces `length` bytes, and waits for the answer without sending any. */
function headersOnly(length: number): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(length) } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (d: Buffer) => parts.push(d));
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts).toString('utf8') }); req.destroy(); });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('body limit by Content-Length', () => {
  it('answers a body with Content-Length without building a web stream', async () => {
    expect(Buffer.byteLength(TYPICAL_JSON)).toBeLessThan(SMALL);
    const res = await rawRequest(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(TYPICAL_JSON)) }, chunks: [TYPICAL_JSON] });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).verdict).toMatch(/^(stateless|stateful|hybrid)$/);
    expect(toWeb).not.toHaveBeenCalled();
  });

  it('answers 413 problem+json from the header alone, before any of the body is sent', async () => {
    const res = await headersOnly(SMALL + 1);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.headers.connection).toBe('close');
    expect(ProblemSchema.parse(JSON.parse(res.body)).detail).toBe(`the body is larger than ${SMALL} bytes`);
    expect(toWeb).not.toHaveBeenCalled();
  });

  it('lets exactly the limit through (the body is then refused as JSON, not for its size)', async () => {
    const body = '"' + 'x'.repeat(SMALL - 2) + '"';
    const res = await rawRequest(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(SMALL) }, chunks: [body] });
    expect(res.status).toBe(400);
    expect(toWeb).not.toHaveBeenCalled();
  });
});

describe('body limit while streaming (no Content-Length)', () => {
  it('answers 413 for a chunked body once it passes the limit, counting the streamed bytes', async () => {
    const pad = 'x'.repeat(SMALL);
    const res = await rawRequest(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks: ['{"service":"', pad, pad, '"}'] });
    expect(res.status).toBe(413);
    expect(ProblemSchema.parse(JSON.parse(res.body)).type).toMatch(/body-too-large$/);
    expect(toWeb).toHaveBeenCalled();
  });

  it('answers a chunked body under the limit', async () => {
    const res = await rawRequest(url(), { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, chunks: [TYPICAL_JSON.slice(0, 100), TYPICAL_JSON.slice(100)] });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).service).toBe(JSON.parse(TYPICAL_JSON).service);
  });
});
