/**
 * Load generator in its own process, so the process that times /healthz does nothing else (receiving 150 MB of
 * answers would otherwise busy the very event loop that measures the probes). Sends every body file at once to
 * URL/v1/recommendations/batch, `copies` times each, and prints one JSON line per answer when all are in:
 * `{ "i", "file", "status", "bytes", "sha256" }`. Writes `sending` to stderr just before the first request.
 * Usage: node --import tsx test/support/load/batch-load.ts URL COPIES BODY.json...
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const [url, copies, ...files] = process.argv.slice(2);
const bodies = files.map((f) => readFileSync(f, 'utf8'));
const total = Number(copies) * bodies.length;
// Tells the prober that the load starts now (probes before this measure an idle server).
process.stderr.write('sending\n');
const answers = await Promise.all(Array.from({ length: total }, async (_, i) => {
  const res = await fetch(`${url}/v1/recommendations/batch`, {
    method: 'POST', body: bodies[i % bodies.length], headers: { 'content-type': 'application/json' }, signal: AbortSignal.timeout(600_000),
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { i, file: i % bodies.length, status: res.status, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}));
for (const a of answers) process.stdout.write(JSON.stringify(a) + '\n');
