import { readFileSync } from 'node:fs';
import { load } from './lib/load.ts';
import { startStatewise, type Spawned } from './lib/server.ts';
import { TYPICAL, variants } from './lib/inputs.ts';
import { fmt } from './lib/stats.ts';
import { table } from './lib/table.ts';
import type { BenchOptions, BenchResult } from './lib/result.ts';

/**
 * Benchmark 6: the server's memory. `statewise serve` as production runs it (defaults: advice threads, answer
 * cache) is measured idle, after a warm-up, and then while 100,000 requests (40,000 with --quick) go through it,
 * each a POST /v1/recommendations of one of 1,000 distinct bodies — more than the answer cache holds, so the cache
 * keeps evicting and a leak in it, in the pool or in the engine would show as growth.
 * RSS is the process's resident set (threads included) from /proc/PID/status: Linux only, said when missing.
 */
export const GOAL_GROWTH = 1.1;
const BODIES = variants(TYPICAL, 1000, 16).map((d) => JSON.stringify(d));

function rssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function runMemory(options: BenchOptions): Promise<BenchResult> {
  const total = options.quick ? 40_000 : 100_000;
  // V8 grows its heaps (one per advice thread, one for the event loop) lazily, to sizes it picks as the load goes
  // on: measured on this VM, RSS rose for ~25,000 requests (134 → 375 MB) and then stayed within ±5% up to 80,000.
  // So the first 20,000 (30,000) requests are warm-up, and growth is measured from there to the end.
  const warmup = options.quick ? 20_000 : 30_000;
  const steps = options.quick ? 2 : 7;
  const server: Spawned = await startStatewise();
  try {
    const pid = server.child.pid;
    await new Promise((r) => setTimeout(r, 1000));
    const idle = rssMb(pid);
    if (idle === undefined) {
      return { name: 'memory', text: '6. Memory: /proc/PID/status is not readable here (Linux only): not measured', ratios: {}, goals: [] };
    }
    const url = `${server.url}/v1/recommendations`;
    let sent = 0;
    let bad = 0;
    const run = async (amount: number) => {
      const r = await load(url, { method: 'POST', bodies: BODIES, amount, connections: 50 });
      sent += r.requests;
      bad += r.errors + r.non2xx;
    };
    await run(warmup);
    const warm = rssMb(pid)!;
    const rows: string[][] = [['idle (started, before any request)', '0', fmt(idle, 1)], ['after warm-up', String(sent), fmt(warm, 1)]];
    let last = warm;
    let peak = warm;
    for (let s = 0; s < steps; s++) {
      await run((total - warmup) / steps);
      last = rssMb(pid)!;
      peak = Math.max(peak, last);
      rows.push([`after ${fmt(sent, 0)} requests`, String(sent), fmt(last, 1)]);
    }
    const growth = last / warm;
    const met = growth <= GOAL_GROWTH && bad === 0;
    return {
      name: 'memory',
      text: table(`6. Server memory: statewise serve with its defaults, ${fmt(total, 0)} POST /v1/recommendations over ${BODIES.length} distinct bodies, 50 connections`,
        ['moment', 'requests', 'RSS MB'], rows)
        + `\nerrors + non-2xx: ${bad}; peak ${fmt(peak, 1)} MB; after / warm-up = ${fmt(growth, 3)} (goal ≤ ${GOAL_GROWTH}: ${met ? 'met' : 'MISSED'})`,
      ratios: { 'memory.rss.end/warm': growth },
      goals: [{ goal: `RSS after ${fmt(total, 0)} requests ≤ ${GOAL_GROWTH}× RSS after warm-up, no errors`, met, figure: `idle ${fmt(idle, 0)} MB, warm ${fmt(warm, 0)} MB, end ${fmt(last, 0)} MB (${fmt(growth, 3)}×)` }],
    };
  } finally {
    await server.stop();
  }
}
