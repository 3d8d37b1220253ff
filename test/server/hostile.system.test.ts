import { connect } from 'node:net';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJson, parseRequirementsBody, validateData } from '../../server/http/body.ts';
import { ProblemSchema, type Problem } from '../../server/http/problem.ts';
import { rawRequest, testServer, type TestServer } from '../support/http.ts';

/**
 * Hostile inputs against a real server on loopback (in this process, so Object.prototype and the in-flight count
 * can be inspected directly), one test per attack. Every test also shows the server still answers afterwards.
 */

let server: TestServer;
/** Same server with short timeouts, checked every 100 ms, so the slowloris test takes about a second. */
let strict: TestServer;
beforeAll(async () => {
  [server, strict] = await Promise.all([
    testServer(),
    testServer({ timeouts: { headersTimeout: 800, requestTimeout: 1500, connectionsCheckingInterval: 100 } }),
  ]);
});
afterAll(async () => { await Promise.all([server.close(1000), strict.close(1000)]); });

const VALID = '{"service":"checkout","traffic":{"peakRps":100},"state":[{"name":"cart","owner":"session","lifetime":"hours"}]}';

async function post(body: string | Uint8Array, type = 'application/json', path = '/v1/recommendations'): Promise<{ status: number; type: string; text: string; ms: number }> {
  const t = performance.now();
  const res = await fetch(server.url + path, { method: 'POST', body, headers: { 'content-type': type }, signal: AbortSignal.timeout(20_000) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), ms: Math.round(performance.now() - t) };
}

function problemOf(r: { status: number; type: string; text: string }): Problem {
  expect(r.type).toBe('application/problem+json');
  const p = ProblemSchema.parse(JSON.parse(r.text));
  expect(p.status).toBe(r.status);
  return p;
}

const pointers = (p: Problem) => (p.errors ?? []).map((e) => e.pointer);

async function healthy(s: TestServer = server): Promise<void> {
  const res = await fetch(s.url + '/healthz', { signal: AbortSignal.timeout(5000) });
  expect(res.status).toBe(200);
  expect(s.reports).toEqual([]);
}

describe('body size', () => {
  it('oversized body by Content-Length → 413, the connection is closed, the next connection works', async () => {
    const body = JSON.stringify({ service: 'a', traffic: { peakRps: 1 }, description: 'x'.repeat(300_000) });
    const res = await rawRequest(server.url + '/v1/recommendations', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, chunks: [body] });
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
    expect(ProblemSchema.parse(JSON.parse(res.body)).type).toMatch(/body-too-large$/);
    await healthy();
  });

  it('oversized chunked body → 413 as soon as it streams past the limit', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    const res = await rawRequest(server.url + '/v1/recommendations', {
      method: 'POST', headers: { 'content-type': 'application/yaml', 'transfer-encoding': 'chunked' }, chunks: ['service: a\n#', chunk, chunk, chunk, chunk, chunk],
    });
    expect(res.status).toBe(413);
    await healthy();
  });

  it('a keep-alive client is not left with a dead socket after a 413 (fetch reuses connections)', async () => {
    const big = JSON.stringify({ service: 'a'.repeat(300_000) });
    for (let i = 0; i < 5; i++) {
      expect((await post(big)).status).toBe(413);
      expect((await post(VALID)).status).toBe(200);
    }
  });
});

describe('nesting and size of structures', () => {
  it('100,000-deep JSON arrays → 400 too_deep, no stack overflow', async () => {
    const r = await post('['.repeat(100_000) + ']'.repeat(100_000));
    expect(r.status).toBe(400);
    expect(problemOf(r).detail).toMatch(/nests 100000 levels deep/);
    await healthy();
  });

  it('40,000-deep JSON objects → 400 too_deep (batch route too)', async () => {
    const deep = '{"a":'.repeat(40_000) + '1' + '}'.repeat(40_000);
    for (const path of ['/v1/recommendations', '/v1/recommendations/batch']) {
      const r = await post(deep, 'application/json', path);
      expect(r.status, path).toBe(400);
      expect(problemOf(r).detail).toMatch(/levels deep/);
    }
    await healthy();
  });

  it('100,000-deep YAML (block sequences and flow collections) → 400, no stack overflow', async () => {
    for (const text of ['- '.repeat(100_000) + 'x\n', 'a: ' + '['.repeat(100_000) + ']'.repeat(100_000) + '\n', 'a: ' + '{b: '.repeat(40_000) + '1' + '}'.repeat(40_000)]) {
      const r = await post(text, 'application/yaml');
      expect(r.status).toBe(400);
      expect(problemOf(r).detail).toMatch(/levels deep/);
    }
    await healthy();
  });

  it('deep YAML by indentation alone → 400', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    const r = await post(lines, 'application/yaml');
    expect(r.status).toBe(400);
    expect(problemOf(r).detail).toMatch(/levels deep/);
  });

  it('a million-element array is refused: 413 over HTTP at the default limit, and by the array guard in-process', async () => {
    const million = `{"service":"a","traffic":{"peakRps":1},"state":[${'0,'.repeat(999_999)}0]}`;
    const r = await post(million);
    expect(r.status).toBe(413);
    // Past the body limit, the JSON guard itself refuses the array before zod walks a million items.
    const t = performance.now();
    const parsed = parseJson(million);
    const ms = performance.now() - t;
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]).toMatchObject({ code: 'too_big', pointer: '/state' });
    console.log(`million-element array refused in-process in ${ms.toFixed(0)} ms`);
  });

  it('an array just past the guard (1001 items) fits in the body limit and → 400 with its pointer', async () => {
    const r = await post(`{"service":"a","traffic":{"peakRps":1},"state":[${Array(1001).fill('{}').join(',')}]}`);
    expect(r.status).toBe(400);
    expect(pointers(problemOf(r))).toEqual(['/state']);
  });
});

describe('YAML specifics', () => {
  it('a billion-laughs alias bomb → 400 without expanding', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = await post(levels.join('\n') + '\nservice: x\n', 'application/yaml');
    expect(r.status).toBe(400);
    expect(problemOf(r).detail).toMatch(/alias/i);
    await healthy();
  });

  it('aliases used within bounds are fine, merge keys cannot smuggle unknown fields', async () => {
    const r = await post('t: &t { peakRps: 1 }\nservice: a\ntraffic: *t\n', 'application/yaml');
    expect(r.status).toBe(400);
    expect(pointers(problemOf(r))).toEqual(['/t']);
  });
});

describe('encodings and numbers', () => {
  it('invalid UTF-8 → 400 at the field, never a 500', async () => {
    const enc = new TextEncoder();
    for (const type of ['application/json', 'application/yaml']) {
      const body = Uint8Array.from([...enc.encode('{"service":"che'), 0xff, 0xc0, 0xed, 0xa0, 0x80, ...enc.encode('ckout","traffic":{"peakRps":1}}')]);
      const r = await post(body, type);
      expect(r.status, type).toBe(400);
      expect(pointers(problemOf(r)), type).toEqual(['/service']);
    }
    await healthy();
  });

  it('NaN, Infinity, -Infinity and 1e999 → 400 (JSON: malformed or not finite; YAML: .nan/.inf)', async () => {
    for (const v of ['NaN', 'Infinity', '-Infinity']) {
      const r = await post(`{"service":"a","traffic":{"peakRps":${v}}}`);
      expect(r.status, v).toBe(400);
      expect(problemOf(r).type, v).toMatch(/malformed-body$/);
    }
    const huge = await post('{"service":"a","traffic":{"peakRps":1e999}}');
    expect(huge.status).toBe(400);
    expect(pointers(problemOf(huge))).toEqual(['/traffic/peakRps']);
    for (const v of ['.nan', '.inf', '-.inf', '1e999']) {
      const r = await post(`service: a\ntraffic:\n  peakRps: ${v}\n`, 'application/yaml');
      expect(r.status, v).toBe(400);
      expect(pointers(problemOf(r)), v).toEqual(['/traffic/peakRps']);
    }
  });

  it('duplicate state names → 400 pointing at the second one', async () => {
    const r = await post('{"service":"a","traffic":{"peakRps":1},"state":[{"name":"cart"},{"name":"x"},{"name":"cart"}]}');
    expect(r.status).toBe(400);
    const p = problemOf(r);
    expect(pointers(p).some((x) => x.startsWith('/state'))).toBe(true);
    expect(p.detail).toMatch(/duplicate/i);
  });
});

describe('prototype pollution', () => {
  const hostile = [
    '{"service":"a","traffic":{"peakRps":1},"__proto__":{"polluted":"yes","spiky":true,"hotPath":true}}',
    '{"service":"a","traffic":{"peakRps":1,"__proto__":{"polluted":"yes","spiky":true}}}',
    '{"service":"a","traffic":{"peakRps":1},"constructor":{"prototype":{"polluted":"yes","hotPath":true}}}',
    '{"service":"a","traffic":{"peakRps":1},"state":[{"name":"s","__proto__":{"polluted":"yes","sizeKb":9999}}]}',
  ];
  const hostileYaml = [
    'service: a\ntraffic: { peakRps: 1 }\n__proto__: { polluted: yes, spiky: true }\n',
    'service: a\ntraffic: { peakRps: 1 }\nconstructor: { prototype: { polluted: yes } }\n',
  ];
  const untouched = () => {
    const probe = {} as Record<string, unknown>;
    expect(probe.polluted).toBeUndefined();
    expect(probe.spiky).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  };

  it('the parse and validate functions reject __proto__ / constructor.prototype and leave Object.prototype alone', () => {
    for (const text of hostile) {
      const r = parseRequirementsBody(text, 'json');
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.issues.some((i) => i.code === 'unknown_field'), text).toBe(true);
      const data = parseJson(text);
      if (data.ok) expect(validateData(data.value).ok).toBe(false);
    }
    for (const text of hostileYaml) expect(parseRequirementsBody(text, 'yaml').ok, text).toBe(false);
    untouched();
  });

  it('over HTTP: 400 with a pointer at the key, and later answers are byte-identical to answers before the attack', async () => {
    const before = await post(VALID);
    expect(before.status).toBe(200);
    for (const text of hostile) {
      const r = await post(text);
      expect(r.status, text).toBe(400);
      expect(pointers(problemOf(r)).some((p) => /__proto__|constructor/.test(p)), text).toBe(true);
      const b = await post(`{"items":[${text}]}`, 'application/json', '/v1/recommendations/batch');
      expect(b.status).toBe(200);
      expect(JSON.parse(b.text).failed).toBe(1);
    }
    for (const text of hostileYaml) expect((await post(text, 'application/yaml')).status).toBe(400);
    // The same document in other bytes: advised afresh after the attack, not given back by the answer cache.
    const after = await post(`${VALID} `);
    expect(after.text).toBe(before.text);
    untouched();
  });
});

describe('expensive requests', () => {
  it('a batch of large documents does not hold /healthz until it finishes (the batch yields by CPU time)', async () => {
    const doc = { service: 'a', traffic: { peakRps: 1 }, context: { memory: 'session' }, state: Array.from({ length: 200 }, (_, i) => ({ name: `i${i}` })) };
    const order: string[] = [];
    // 40 documents of 200 items take seconds of CPU even on a quiet machine, so the probe sent 100 ms in cannot
    // arrive after the batch has finished: the order depends on yielding, not on how fast the machine is.
    // 8000 state items: past the default cap of 2000 per batch, so this server allows more to make the batch slow.
    const roomy = await testServer({ maxBatchStateItems: 10_000 });
    const batch = fetch(roomy.url + '/v1/recommendations/batch', {
      method: 'POST', body: JSON.stringify({ items: Array.from({ length: 40 }, () => doc) }), headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(60_000),
    }).then(async (r) => { await r.arrayBuffer(); order.push('batch'); return r; });
    await new Promise((r) => setTimeout(r, 100));
    const health = fetch(roomy.url + '/healthz', { signal: AbortSignal.timeout(20_000) }).then((r) => { order.push('healthz'); return r.status; });
    expect(await health).toBe(200);
    expect((await batch).status).toBe(200);
    await roomy.close(1000);
    // The probe must get in between the documents, not after the last.
    expect(order).toEqual(['healthz', 'batch']);
  });
});

describe('slow and broken clients', () => {
  it('slow headers (slowloris) are cut by headersTimeout with a 408', async () => {
    const port = Number(new URL(strict.url).port);
    const t = performance.now();
    const socket = connect(port, '127.0.0.1');
    socket.write('POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    let sent = 0;
    const drip = setInterval(() => { if (sent++ < 50) socket.write(`X-Drip-${sent}: 1\r\n`); }, 100);
    let answer = '';
    socket.on('data', (d: Buffer) => { answer += d.toString(); });
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(drip);
    const ms = performance.now() - t;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // Cut long before the 50 drips (5 s) were sent.
    expect(sent).toBeLessThan(50);
    console.log(`slowloris cut after ${ms.toFixed(0)} ms (headersTimeout 800 ms, checked every 100 ms)`);
    await healthy(strict);
  });

  it('a body that never finishes is cut by requestTimeout', async () => {
    const port = Number(new URL(strict.url).port);
    const socket = connect(port, '127.0.0.1');
    socket.write('POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"service":');
    let answer = '';
    socket.on('data', (d: Buffer) => { answer += d.toString(); });
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    await healthy(strict);
    expect(strict.inFlight()).toBe(0);
  });

  it('a client that disconnects mid-body leaves the server healthy with nothing in flight', async () => {
    const port = Number(new URL(server.url).port);
    for (const framing of ['Content-Length: 100000\r\n', 'Transfer-Encoding: chunked\r\n']) {
      const socket = connect(port, '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      socket.write(`POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${framing}\r\n`);
      socket.write(framing.startsWith('Transfer') ? '10\r\n{"service":"abc",\r\n' : '{"service":"abc",');
      await new Promise((r) => setTimeout(r, 100));
      socket.destroy();
    }
    // Also through node:http, aborting while the request body is streaming.
    await new Promise<void>((resolve) => {
      const req = httpRequest(server.url + '/v1/recommendations', { method: 'POST', headers: { 'content-type': 'application/json' } });
      req.on('error', () => resolve());
      req.write('{"service":');
      setTimeout(() => { req.destroy(); resolve(); }, 100);
    });
    for (let i = 0; i < 50 && server.inFlight() > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(server.inFlight()).toBe(0);
    expect((await post(VALID)).status).toBe(200);
    await healthy();
  });
});
