import { describe, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanRepository } from '../../../adapters/scan/index.ts';
import type { Requirements } from '../../../rules/index.ts';
import { builtinEngine } from '../../support/engine.ts';
import { placeOf, placesOf, scanFixture, SCAN_FIXTURES } from '../../support/scan.ts';

const engine = builtinEngine();

/**
 * One fixture repository per conformance rule (test/fixtures/scan/RULE/bad) with its violation at a known place, and
 * a clean twin (RULE/clean) that differs only in what the rule is about. Each expected place is found by searching
 * the fixture's text for the line that holds the contradiction, never taken from the scanner's output.
 */
const CASES: [rule: string, file: string, snippet: string][][] = [
  [['module-state', 'src/server.ts', 'recentlyViewed = new Map']],
  [['session-memory-store', 'src/app.js', "session({ secret"]],
  [['realtime-undeclared', 'src/live.ts', 'new WebSocketServer']],
  [['socketio-no-adapter', 'src/realtime.ts', 'new Server(httpServer']],
  [['store-missing', 'shop.statewise.yaml', 'login-session']],
  [['sticky-unplanned', 'k8s/api.yaml', 'sessionAffinity: ClientIP']],
  [['sticky-missing', 'deploy/deployment.yaml', 'replicas: 5']],
  [['stateful-workload', 'k8s/api.yaml', 'volumeClaimTemplates']],
  [['hpa-no-stabilisation', 'deploy/hpa.yaml', 'minReplicas: 3']],
  [['replicas-below-plan', 'k8s/api.yaml', 'replicas: 1']],
  [['store-loses-items', 'infra/main.tf', 'snapshot_retention_limit = 0'], ['store-loses-items', 'infra/main.tf', 'multi_az       = false']],
];

describe('scan fixtures: exactly the expected findings', () => {
  for (const expected of CASES) {
    const rule = expected[0]![0];
    it(`${rule}: the violation at its line, and nothing else`, async () => {
      const report = await scanFixture(`${rule}/bad`);
      expect(report.issues).toEqual([]);
      expect(placesOf(report)).toEqual(expected.map(([r, file, snippet]) => `conformance.${r} ${placeOf(`${rule}/bad`, file, snippet)}`));
    });
    it(`${rule}: the clean twin has no finding`, async () => {
      const report = await scanFixture(`${rule}/clean`);
      expect(report.issues).toEqual([]);
      expect(report.evidence.length).toBeGreaterThan(0);
      expect(placesOf(report)).toEqual([]);
    });
  }

  it('every finding names its plan item and store, and both fixes', async () => {
    const [f] = (await scanFixture('session-memory-store/bad')).findings;
    expect(f).toMatchObject({
      severity: 'error', service: 'shop', key: 'express-session', id: 'conformance.session-memory-store:src/app.js:express-session',
      requirements: { file: 'shop.statewise.yaml', item: 'login-session', store: 'distributed-cache', ...lineOf('shop.statewise.yaml', 'name: login-session') },
    });
    expect(f!.message).toBe('express-session keeps sessions in memory (no store option, so the default MemoryStore), but the plan for shop puts login-session in distributed-cache: sessions are lost on restart and not shared between instances');
    expect(f!.fixes.code).toBe('Keep login-session where the plan does (distributed-cache, redis): give express-session a store there (connect-redis for redis), or a signed cookie for a client token');
    expect(f!.fixes.requirements).toContain('state item login-session');
  });

  it('an accept entry naming the finding suppresses it until its date, then the finding is back and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statewise-scan-'));
    try {
      cpSync(join(SCAN_FIXTURES, 'session-memory-store/bad'), dir, { recursive: true });
      appendFileSync(join(dir, 'shop.statewise.yaml'), 'accept:\n  - risk: conformance.session-memory-store:src/app.js:express-session\n    reason: one instance until the Redis migration\n    until: 2026-12-31\n');
      const advise = (r: Requirements) => engine.advise(r, { today: '2026-11-26' });
      const before = await scanRepository(dir, { advise, today: '2026-12-31' });
      expect(before.findings).toEqual([]);
      expect(before.suppressed.map((f) => [f.id, f.reason, f.until])).toEqual([['conformance.session-memory-store:src/app.js:express-session', 'one instance until the Redis migration', '2026-12-31']]);
      const after = await scanRepository(dir, { advise, today: '2027-01-01' });
      expect(after.suppressed).toEqual([]);
      expect(after.findings.map((f) => f.message.endsWith('(acceptance expired 2026-12-31: one instance until the Redis migration)'))).toEqual([true]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function lineOf(file: string, snippet: string): { line: number; column: number } {
  const [, line, column] = placeOf('session-memory-store/bad', file, snippet).split(':');
  return { line: Number(line), column: Number(column) + 'name: '.length };
}
