/**
 * Measures the resident memory of `statewise serve` as the container runs it (compiled dist/, NODE_OPTIONS as in
 * deploy/kubernetes/base): idle after start, after 300 distinct recommendations (the answer cache full), and at its
 * peak (VmHWM) through two rounds of 8 concurrent batches of 6 worst-case 200-item documents (each body < 256 KB).
 * Sizes the memory limit of the kustomize base (README, "Reliability"). Linux only (/proc). Build first: npm run build.
 * Usage: npx tsx scripts/reliability/serve-rss.ts [--threads 1] [--old-space 256]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { largestRequirements } from '../../test/support/fuzz/large.ts';

const { values } = parseArgs({ options: { threads: { type: 'string', default: '1' }, 'old-space': { type: 'string', default: '256' } } });
const child = spawn(process.execPath, ['bin/statewise.js', 'serve', '--port', '0', '--quiet', '--advice-threads', values.threads], {
  env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${values['old-space']}`, STATEWISE_RUN: 'dist' }, stdio: ['ignore', 'ignore', 'pipe'],
});
let err = '';
const url = await new Promise<string>((resolve, reject) => {
  child.stderr.on('data', (d: Buffer) => { err += d.toString(); const m = /listening on (\S+)/.exec(err); if (m) resolve(m[1]!); });
  child.on('exit', (code) => reject(new Error(`statewise serve exited (${code}): ${err}`)));
});
const mb = (field: string) => Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024);
const report = (what: string) => console.log(JSON.stringify({ threads: Number(values.threads), what, rssMb: mb('VmRSS'), peakMb: mb('VmHWM') }));

await new Promise((r) => setTimeout(r, 3000));
report('idle');
const shop = readFileSync('examples/online-shop.statewise.yaml', 'utf8');
for (let i = 0; i < 300; i += 10) {
  await Promise.all(Array.from({ length: 10 }, (_, k) => fetch(`${url}/v1/recommendations`, {
    method: 'POST', body: shop.replace(/peakRps: \d+/, `peakRps: ${100 + i + k}`), headers: { 'content-type': 'application/yaml' },
  }).then((r) => r.arrayBuffer())));
}
report('300 distinct recommendations');
for (let round = 0; round < 2; round++) {
  const statuses = await Promise.all(Array.from({ length: 8 }, (_, b) => fetch(`${url}/v1/recommendations/batch`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: Array.from({ length: 6 }, (_, i) => largestRequirements(200, round * 100 + b * 6 + i)) }),
  }).then(async (r) => { await r.arrayBuffer(); return r.status; })));
  if (statuses.some((s) => s !== 200)) throw new Error(`batch statuses ${statuses.join(', ')}`);
  report(`8 concurrent worst-case batches, round ${round + 1}`);
}
console.log(err.split('\n')[0]);
child.kill('SIGTERM');
