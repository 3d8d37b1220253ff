/**
 * Head-of-line blocking check: one batch of N requirements documents with 200 state items each (default 20, 63 KB),
 * and a /healthz sent 200 ms later. Prints how long /healthz waited. The engine is synchronous, so unless the batch
 * route yields to the event loop by elapsed time, every other request waits for the whole batch.
 * Usage: npx tsx scripts/reliability/batch-starvation.ts [N]
 */
import { spawnServer } from '../../test/support/fuzz/server.ts';
const s = await spawnServer(['--quiet']);
const doc = { service: 'a', traffic: { peakRps: 1 }, context: { memory: 'session' }, state: Array.from({ length: 200 }, (_, i) => ({ name: `i${i}` })) };
const n = Number(process.argv[2] ?? 20);
const body = JSON.stringify({ items: Array.from({ length: n }, () => doc) });
console.log('batch bytes', body.length, 'items', n);
const t0 = performance.now();
const batch = fetch(s.url + '/v1/recommendations/batch', { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (r) => { const t = await r.text(); return [r.status, t.length, Math.round(performance.now() - t0)]; });
await new Promise((r) => setTimeout(r, 200));
const h0 = performance.now();
const health = await fetch(s.url + '/healthz').then((r) => r.status);
console.log('healthz during batch answered', health, 'after', Math.round(performance.now() - h0), 'ms');
console.log('batch', await batch);
await s.stop();
