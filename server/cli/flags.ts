import { parseArgs } from 'node:util';
import type { Command } from './commands.ts';
import type { Io } from './io.ts';

/** Parses a command's flags; an unknown flag or a missing value is bad input with the command's usage. */
export function parseFlags<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: string[], options: T, command: Command, io: Io,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } | undefined {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    io.err(`statewise ${command.name}: ${(e as Error).message}\n\n${command.usage}`);
    return undefined;
  }
}
