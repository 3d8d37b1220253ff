// Loaded with `node --expose-gc --import THIS bin/statewise.js serve` by the soak script: when STATEWISE_STATS_MS is
// set, the server process prints its own memory on stderr every STATEWISE_STATS_MS ms as one line
// `statewise-stats {"t":…,"rss":…,"heapUsed":…}` (bytes). Heap is measured after a full GC when --expose-gc is on,
// so the series shows retained memory, not garbage waiting to be collected. Nothing is changed in the server.
const every = Number(process.env.STATEWISE_STATS_MS ?? 0);
if (every > 0) {
  const sample = () => {
    if (typeof globalThis.gc === 'function') globalThis.gc();
    const m = process.memoryUsage();
    process.stderr.write(`statewise-stats ${JSON.stringify({ t: Date.now(), pid: process.pid, rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external })}\n`);
  };
  setInterval(sample, every).unref();
}
