import type { Io } from './io.ts';

/** A CLI command: its usage text and a function from arguments to an exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: Io): Promise<number> | number;
}
