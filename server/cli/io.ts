/** What a CLI command may touch besides the file system: its output streams, its directory and today's date. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** YYYY-MM-DD, for accepted-risk expiry and review dates. */
  today: string;
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    cwd: process.cwd(),
    today: new Date().toISOString().slice(0, 10),
  };
}

/** Exit codes shared by every command: 0 ok, 1 a check failed, 2 bad input. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;
