import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_CATALOG_RULES } from '../../rules/catalog/load.ts';
import { runCli } from '../support/fuzz/server.ts';

/**
 * A broken custom catalogue stops the real server process before it listens: exit 2, a FILE:LINE message, no
 * "listening" line — also in cluster mode, where the primary must not fork workers that would die one by one.
 */

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'statewise-broken-')); mkdirSync(join(dir, 'rules')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const serve = (extra: string[] = []) => runCli(['serve', '--rules', 'rules', '--port', '0', '--host', '127.0.0.1', '--quiet', ...extra], { cwd: dir, timeoutMs: 60_000 });

describe('statewise serve with a broken custom catalogue (real process)', () => {
  for (const workers of ['1', '2']) {
    it(`YAML syntax error → exit 2 naming file and line (--workers ${workers})`, async () => {
      writeFileSync(join(dir, 'rules', 'team.yaml'), 'rules:\n  - id: team.x\n    kind: service\n    title: [unclosed\n');
      const { code, stderr } = await serve(['--workers', workers]);
      expect(code).toBe(2);
      expect(stderr).toMatch(new RegExp(`${join('rules', 'team.yaml').replace('.', '\\.')}:\\d+`));
      expect(stderr).toMatch(/not starting/);
      expect(stderr).not.toMatch(/listening|starting \d+ workers/);
    }, 90_000);
  }

  it(`more than ${MAX_CATALOG_RULES} rules in total → exit 2 naming the first rule past the limit`, async () => {
    const files = Math.ceil(MAX_CATALOG_RULES / 500);
    for (let f = 0; f < files; f++) {
      const lines = ['rules:'];
      for (let i = 0; i < 500; i++) lines.push(`  - { id: team.r-${f}-${i}, kind: service, title: Rule, when: { fact: traffic.peakRps, gte: 1 }, effect: { stateless: 1 }, because: many }`);
      writeFileSync(join(dir, 'rules', `part-${f}.yaml`), lines.join('\n') + '\n');
    }
    const { code, stderr } = await serve();
    expect(code).toBe(2);
    expect(stderr).toMatch(/part-\d\.yaml:\d+.*more than 1000 rules/);
  }, 90_000);
});
