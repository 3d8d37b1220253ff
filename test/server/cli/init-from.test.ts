import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { cli } from '../../support/cli.ts';
import { builtinEngine } from '../../support/engine.ts';
import { SCAN_FIXTURES } from '../../support/scan.ts';

const engine = builtinEngine();
const verdictOf = (text: string) => {
  const parsed = parseRequirements(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return engine.advise(parsed.value, { today: '2026-11-26' }).verdict;
};

describe('statewise init --from DIR', () => {
  // Each fixture's hand-written requirements file against the draft from its code and manifests alone.
  for (const [fixture, file] of [
    ['socketio-no-adapter/bad', 'chat.statewise.yaml'], ['sticky-missing/bad', 'chat.statewise.yaml'], ['session-memory-store/bad', 'shop.statewise.yaml'],
    ['module-state/bad', 'shop.statewise.yaml'], ['replicas-below-plan/bad', 'api.statewise.yaml'], ['store-loses-items/bad', 'shop.statewise.yaml'],
  ] as const) {
    it(`${fixture}: the draft parses and gets the verdict of the hand-written ${file}`, async () => {
      const dir = join(SCAN_FIXTURES, fixture);
      const name = file.split('.')[0]!;
      const { code, out } = await cli(dir, 'init', name, '--from', '.', '--print');
      expect(code).toBe(0);
      expect(verdictOf(out)).toBe(verdictOf(readFileSync(join(dir, file), 'utf8')));
    });
  }

  it('every guessed field says where it came from, at a line that holds it', async () => {
    const dir = join(SCAN_FIXTURES, 'sticky-missing/bad');
    const { out } = await cli(dir, 'init', '--from', '.', '--print');
    expect(out).toContain('service: chat\n'); // the one workload the manifests declare
    const sources = [...out.matchAll(/guessed from ([\w./-]+):(\d+) \(([^)]+)\)/g)].map((m) => [m[1]!, Number(m[2]), m[3]!] as const);
    expect(sources.map(([f, , what]) => `${f} ${what}`)).toEqual(['src/realtime.ts socket.io server', 'deploy/deployment.yaml replicas 5', 'src/stores.ts uses redis', 'src/stores.ts uses pg', 'src/stores.ts uses redis', 'src/stores.ts uses pg']);
    for (const [f, line, what] of sources) {
      const text = readFileSync(join(dir, f), 'utf8').split('\n')[line - 1]!;
      expect(text).toContain(what.includes('socket.io') ? 'new Server' : what.startsWith('replicas') ? 'replicas: 5' : `'${what.split(' ')[1]}'`);
    }
  });

  it('session middleware and state written by handlers become state items with their sources', async () => {
    const { out } = await cli(join(SCAN_FIXTURES, 'module-state/bad'), 'init', 'shop', '--from', '.', '--print');
    expect(out).toContain('  - name: recently-viewed # guessed from src/server.ts:4 (Map written by a request handler)');
    const session = await cli(join(SCAN_FIXTURES, 'session-memory-store/bad'), 'init', 'shop', '--from', '.', '--print');
    expect(session.out).toContain('  memory: session # guessed from src/app.js:5 (express-session)');
    expect(session.out).toContain('  - name: session # guessed from src/app.js:5 (express-session, no store option, so the default MemoryStore)');
  });

  it('a folder that is not there is bad input', async () => {
    const { code, err } = await cli(SCAN_FIXTURES, 'init', '--from', 'nope', '--print');
    expect([code, err]).toEqual([2, 'nope: not a folder (statewise init --from reads a repository folder)']);
  });
});
