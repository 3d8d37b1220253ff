import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli.ts';
import type { Io } from '../../../server/cli/io.ts';
import { lineOf } from '../../support/catalog-dir.ts';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'statewise-serve-rules-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function serve(files: Record<string, string>): Promise<{ code: number; out: string[]; err: string[] }> {
  mkdirSync(join(dir, 'team'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'team', name), text);
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today: '2026-11-26' };
  // Port 0 on loopback: if the catalogue were accepted the server would start, and this test would hang, not pass.
  const code = await main(['serve', '--rules', 'team', '--port', '0', '--host', '127.0.0.1', '--quiet'], io);
  return { code, out, err };
}

describe('statewise serve with a broken custom catalogue', () => {
  it('refuses to start, naming file and line of an unknown fact', async () => {
    const text = `rules:
  - id: team.busy
    kind: service
    title: Busy services
    when: { fact: traffic.rps, gte: 1000 }
    effect: { stateless: 5 }
    because: "busy"
    source: "Platform team handbook"
`;
    const { code, err, out } = await serve({ 'rules.yaml': text });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(`${join('team', 'rules.yaml')}:${lineOf(text, 'traffic.rps')}`);
    expect(err.join('\n')).toContain('unknown fact "traffic.rps"');
    expect(err.join('\n')).toContain('not starting');
    expect(err.join('\n')).not.toContain('listening');
    expect(out).toEqual([]);
  });

  it('refuses to start when a custom file disables an invariant gate', async () => {
    const text = 'disable:\n  - gate.critical-survives-instance-loss\n';
    const { code, err } = await serve({ 'rules.yaml': text });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`${join('team', 'rules.yaml').replace('.', '\\.')}:2 .*enforces invariant 3 and cannot be disabled`));
  });
});
