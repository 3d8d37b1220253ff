import { describe, expect, it } from 'vitest';
import { paintFor, terminalSafe, wantsColor } from '../../../server/cli/io.ts';

const ESC = '\u001b';

describe('terminalSafe', () => {
  it('keeps only the colour codes statewise writes, and only with colour on', () => {
    const paint = paintFor(true);
    const coloured = `${paint.red('high')} ${paint.bold('x')} ${paint.dim('y')}`;
    expect(terminalSafe(coloured, true)).toBe(coloured);
    expect(terminalSafe(coloured, false)).not.toContain(ESC);
  });

  it('escapes every other sequence even with colour on: clear screen, cursor moves, OSC-8 links, BEL, C1', () => {
    for (const hostile of [`${ESC}[2J`, `${ESC}[1;1H`, `${ESC}]8;;https://x${ESC}\\link${ESC}]8;;${ESC}\\`, '\u0007', '\u009b31m', `${ESC}[38;5;1m`]) {
      const out = terminalSafe(`a${hostile}b`, true);
      expect(out, JSON.stringify(hostile)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }
  });
});

describe('wantsColor', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('a terminal yes, a pipe no; NO_COLOR and --no-color beat everything; FORCE_COLOR asks for it', () => {
    expect(wantsColor(tty, {}, false)).toBe(true);
    expect(wantsColor(pipe, {}, false)).toBe(false);
    expect(wantsColor(tty, { TERM: 'dumb' }, false)).toBe(false);
    expect(wantsColor(tty, { NO_COLOR: '1' }, false)).toBe(false);
    expect(wantsColor(tty, {}, true)).toBe(false);
    expect(wantsColor(pipe, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(wantsColor(pipe, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(false);
    expect(wantsColor(pipe, { FORCE_COLOR: '0' }, false)).toBe(false);
    expect(wantsColor(tty, { NO_COLOR: '' }, false)).toBe(true); // an empty NO_COLOR is unset (no-color.org)
  });
});
