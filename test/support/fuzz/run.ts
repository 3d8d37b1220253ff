import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { caseArb, DEFAULT_WEIGHTS, storeCase, type CaseWeights, type FuzzCase } from './cases.ts';
import { DEFAULT_BODY_LIMIT } from '../../../server/app.ts';
import { check, exchange, retries } from './oracle.ts';

export interface FuzzOptions {
  url: string;
  /** Requests to send in the generation phase (shrinking adds a few more on failure). */
  total: number;
  /** fast-check seed; lane k uses seed + k, so a run is reproducible. */
  seed: number;
  /** Concurrent property runs (each is sequential), to keep the server busy. */
  lanes?: number;
  timeoutMs?: number;
  /** Where minimal failing cases are written (one JSON file each). */
  fixtureDir?: string;
  /** Stop generating after this long (the run then reports how many it sent). */
  timeLimitMs?: number;
  weights?: CaseWeights;
  bodyLimit?: number;
}

export interface FuzzReport {
  sent: number;
  /** Requests sent again after a stale keep-alive socket error (see `exchange`). */
  retried: number;
  byStatus: Record<string, number>;
  byKind: Record<string, number>;
  /** The slowest exchanges seen (ms, kind, route, body bytes, status). */
  slowest: Array<{ ms: number; kind: string; route: string; bytes: number; contentType: string | undefined; status: string }>;
  failures: Array<{ lane: number; seed: number; violations: string[]; fixture?: string; counterexample: FuzzCase }>;
  ms: number;
}

/**
 * Fuzzes a running server: `lanes` fast-check properties in parallel, each sending one generated case per run and
 * checking the answer with the oracle. A failing lane shrinks to a minimal case, which is saved as a regression
 * fixture. Every request has a timeout, and the whole run is bounded by `total` and `timeLimitMs`.
 */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const lanes = options.lanes ?? 4;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const arb = caseArb(options.weights ?? DEFAULT_WEIGHTS);
  const report: FuzzReport = { sent: 0, retried: 0, byStatus: {}, byKind: {}, slowest: [], failures: [], ms: 0 };
  const start = performance.now();
  const retriedBefore = retries.count;
  const runLane = async (lane: number) => {
    const seed = options.seed + lane;
    const numRuns = Math.floor(options.total / lanes) + (lane < options.total % lanes ? 1 : 0);
    if (numRuns === 0) return;
    let lastViolations: string[] = [];
    const result = await fc.check(fc.asyncProperty(arb, async (c) => {
      const t = performance.now();
      const outcome = await exchange(options.url, c, timeoutMs);
      const ms = Math.round(performance.now() - t);
      report.sent++;
      // An oversized body may be cut off by the server's 413 before the client reads it: not a missing answer.
      const key = outcome.ok ? String(outcome.answer.status) : c.body.length > (options.bodyLimit ?? DEFAULT_BODY_LIMIT) ? 'closed-oversized' : 'no-answer';
      if (report.slowest.length < 5 || ms > report.slowest[report.slowest.length - 1]!.ms) {
        report.slowest.push({ ms, kind: c.kind, route: c.route, bytes: c.body.length, contentType: c.contentType, status: key });
        report.slowest.sort((a, b) => b.ms - a.ms).splice(5);
      }
      report.byStatus[key] = (report.byStatus[key] ?? 0) + 1;
      report.byKind[c.kind] = (report.byKind[c.kind] ?? 0) + 1;
      const violations = check(c, outcome, options.bodyLimit);
      if (violations.length) { lastViolations = violations; return false; }
      return true;
    }), {
      seed, numRuns, endOnFailure: false, maxSkipsPerRun: 0,
      ...(options.timeLimitMs ? { interruptAfterTimeLimit: options.timeLimitMs, markInterruptAsFailure: false } : {}),
    });
    if (!result.failed || !result.counterexample) return;
    const counterexample = result.counterexample[0];
    // Re-run the minimal case once so the saved violations are the minimal case's own.
    const violations = check(counterexample, await exchange(options.url, counterexample, timeoutMs), options.bodyLimit);
    const failure = { lane, seed, violations: violations.length ? violations : lastViolations, counterexample, fixture: undefined as string | undefined };
    if (options.fixtureDir) failure.fixture = saveFixture(options.fixtureDir, counterexample, `seed ${seed}, path ${result.counterexamplePath}`, failure.violations);
    report.failures.push(failure);
  };
  await Promise.all(Array.from({ length: lanes }, (_, lane) => runLane(lane)));
  report.ms = Math.round(performance.now() - start);
  report.retried = retries.count - retriedBefore;
  return report;
}

/** Writes a minimal failing case as `<sha>.json` (idempotent: the same case gets the same name). */
export function saveFixture(dir: string, c: FuzzCase, found: string, violations: string[]): string {
  mkdirSync(dir, { recursive: true });
  const stored = storeCase(c, { found, violations });
  const name = createHash('sha256').update(stored.route + '\0' + (stored.contentType ?? '') + '\0' + stored.bodyBase64).digest('hex').slice(0, 16) + '.json';
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(stored, null, 2) + '\n');
  return file;
}
