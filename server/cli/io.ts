import { today } from '../../adapters/index.ts';
import { printable } from './escape.ts';

/** What a CLI command may touch besides the file system: its output streams, its directory and today's date. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** YYYY-MM-DD, for accepted-risk expiry and review dates. */
  today: string;
}

/**
 * The process's streams. This is the one place CLI output is rendered: every line passes through `printable`, so no
 * control character from input (ESC, OSC-8 links, NUL, BEL…) reaches the terminal or CI log.
 */
export function processIo(): Io {
  const line = (t: string) => { const p = printable(t); return p.endsWith('\n') ? p : p + '\n'; };
  return {
    out: (t) => process.stdout.write(line(t)),
    err: (t) => process.stderr.write(line(t)),
    cwd: process.cwd(),
    today: today(),
  };
}

/** Exit codes shared by every command: 0 ok, 1 a check failed, 2 bad input, 70 an internal error (EX_SOFTWARE). */
export const EXIT = { ok: 0, failed: 1, badInput: 2, internal: 70 } as const;
