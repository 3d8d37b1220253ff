import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../../support/cli.ts';

/**
 * The text answer in a real terminal (tmux, 100 columns, colour on): what a person sees, captured from the pane.
 * Every line fits, so the terminal wraps none (a wrapped line would split one output line over two pane rows).
 */
describe('statewise advise in a real terminal (tmux, issue 29)', () => {
  it('fits a 100-column terminal, leads with the verdict and keeps its order', async () => {
    const session = `statewise-${process.pid}`;
    const file = 'examples/shop-with-live-support.statewise.yaml';
    const plain = execFileSync(process.execPath, [BIN, 'advise', file], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }).trimEnd();
    const tmux = (...args: string[]) => execFileSync('tmux', ['-L', session, ...args], { encoding: 'utf8' });
    tmux('new-session', '-d', '-s', session, '-x', '100', '-y', '200', '-c', ROOT,
      `TERM=xterm-256color FORCE_COLOR=1 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} advise ${file}; echo __DONE__; sleep 60`);
    try {
      let screen = '';
      for (let i = 0; i < 120 && !screen.includes('__DONE__'); i++) {
        await new Promise((r) => setTimeout(r, 500));
        screen = tmux('capture-pane', '-p', '-t', session, '-S', '0', '-E', '199');
      }
      const rows = screen.slice(0, screen.indexOf('__DONE__')).trimEnd().split('\n').map((l) => l.trimEnd());
      mkdirSync(join(ROOT, 'test-results/cli'), { recursive: true });
      writeFileSync(join(ROOT, 'test-results/cli/advise-terminal.txt'), rows.join('\n') + '\n');
      // Row for row the plain output: the terminal wrapped nothing.
      expect(rows).toEqual(plain.split('\n'));
      expect(rows[0]).toBe(`${file}: shop-frontend → HYBRID (confidence 73%)`);
      const order = ['Placements', 'Plans', 'Capacity', 'Risks', 'Tipping points', 'Strongest factors', 'Assumptions']
        .map((h) => rows.findIndex((r) => r === h || r.startsWith(`${h} (`)));
      expect(order.every((i) => i > 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    } finally {
      try { tmux('kill-server'); } catch { /* already gone */ }
    }
  }, 90_000);
});
