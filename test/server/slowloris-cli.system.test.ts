import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { TIMEOUTS } from '../../server/serve.ts';
import { spawnServer, type ServerChild } from '../support/fuzz/server.ts';

/**
 * The production defaults, not test overrides: `statewise serve` as shipped cuts a slowloris client shortly after
 * headersTimeout (10 s). Node only checks that timeout every connectionsCheckingInterval (30 s unless set), so
 * without the explicit interval the same client would hold its socket about three times as long.
 */

let server: ServerChild;
beforeAll(async () => { server = await spawnServer(['--quiet']); });
afterAll(async () => { await server?.stop(); });

it('a slowloris client is answered 408 and cut within headersTimeout + one check interval', async () => {
  const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
  socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
  let drips = 0;
  // One header line per second: never finishing, always active (an idle-socket timeout would not catch it).
  const drip = setInterval(() => { drips++; socket.write(`X-Drip-${drips}: 1\r\n`); }, 1000);
  let answer = '';
  socket.on('data', (d: Buffer) => { answer += d.toString(); });
  socket.on('error', () => {});
  await new Promise<void>((resolve) => {
    socket.on('close', () => resolve());
    // Bounded: give up (and fail below) after Node's 30 s default interval would have passed.
    setTimeout(() => { socket.destroy(); resolve(); }, 29_000);
  });
  clearInterval(drip);
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
  const limitS = (TIMEOUTS.headersTimeout + TIMEOUTS.connectionsCheckingInterval) / 1000;
  // Drips count seconds; +3 absorbs timer jitter on a busy machine, far below the 30 s of Node's default.
  expect(drips).toBeLessThanOrEqual(limitS + 3);
}, 60_000);
