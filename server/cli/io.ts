import pc from 'picocolors';
import { readBoundedFd, today, type FileRead } from '../../adapters/index.ts';
import type { FileLimits } from './file-limits.ts';
import { printable } from './escape.ts';

/** Colour functions (picocolors' shape); all identity when colour is off. */
export type Paint = Pick<typeof pc, 'bold' | 'dim' | 'red' | 'green' | 'yellow' | 'cyan'>;

/** What a CLI command may touch besides the file system: its output streams, its directory and today's date. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** YYYY-MM-DD, for accepted-risk expiry and review dates. */
  today: string;
  /** Colours for stdout text; absent = no colour (tests, pipes, NO_COLOR, --no-color). */
  paint?: Paint;
  /** Standard input to its end, at most `maxBytes`, for the file name `-`; absent = no stdin to read. */
  stdin?: (maxBytes: number) => FileRead;
  /** Largest requirements and review files read (default DEFAULT_FILE_LIMITS; STATEWISE_MAX_FILE_SIZE in a process). */
  fileLimits?: FileLimits;
  /** True when stdin and stdout are a terminal a person types into (interactive `init`). */
  interactive?: boolean;
}

/** The colour set for `enabled`: picocolors' functions, or identity functions. */
export function paintFor(enabled: boolean): Paint {
  return pc.createColors(enabled);
}

/**
 * Colour on stdout only when it is a terminal, and never with NO_COLOR set (https://no-color.org) or `--no-color`.
 * FORCE_COLOR is honoured so a terminal recorder or CI log viewer can ask for it.
 */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  if (noColorFlag || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

/** The SGR sequences picocolors writes: the only escapes let through on a colour terminal. */
const SGR = /\u001b\[(?:1|2|22|31|32|33|36|39)m/g;

/**
 * Text made safe for a terminal or CI log: every control character but tab and newline escaped, except — with
 * colour on — the fixed colour codes picocolors writes.
 * @example terminalSafe('\u001b[31mred\u001b[39m\u001b[2J', true) === '\u001b[31mred\u001b[39m\\x1b[2J'
 */
export function terminalSafe(text: string, color: boolean): string {
  if (!color) return printable(text);
  const codes = text.match(SGR) ?? [];
  return text.split(SGR).map((part, i) => printable(part) + (codes[i] ?? '')).join('');
}

/**
 * The process's streams. This is the one place CLI output is rendered: every line passes through `printable`, so no
 * control character from input (ESC, OSC-8 links, NUL, BEL…) reaches the terminal or CI log. With colour on, only the
 * fixed colour codes above survive (at worst an input could colour its own text, never move the cursor or link).
 */
export function processIo(options: { noColor?: boolean; fileLimits?: FileLimits } = {}): Io {
  const color = wantsColor(process.stdout, process.env, options.noColor ?? false);
  const line = (t: string, tty: boolean) => { const p = terminalSafe(t, tty); return p.endsWith('\n') ? p : p + '\n'; };
  const io: Io = {
    out: (t) => process.stdout.write(line(t, color)),
    err: (t) => process.stderr.write(line(t, false)),
    cwd: process.cwd(),
    today: today(),
    stdin: (maxBytes) => readBoundedFd(0, maxBytes),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  };
  if (options.fileLimits) io.fileLimits = options.fileLimits;
  if (color) io.paint = paintFor(true);
  return io;
}

/** Exit codes shared by every command: 0 ok, 1 a check failed, 2 bad input, 70 an internal error (EX_SOFTWARE). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70, cancelled: 130 } as const;
