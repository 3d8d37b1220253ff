import { parseArgs } from 'node:util';
import type { Command } from './commands.ts';
import type { Io } from './io.ts';
import { describeFlagError } from './flag-errors.ts';

/** Parses a command's flags; an unknown flag or a missing value is bad input, said in statewise's words with the nearest flag. */
export function parseFlags<T extends NonNullable<Parameters<typeof parseArgs>[0]>['options']>(
  args: string[], options: T, command: Command, io: Io,
): { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] } | undefined {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    // statewise's own words and the nearest flag, then where to read more: never Node's parser text.
    io.err(`statewise ${command.name}: ${describeFlagError(e, options as Record<string, { type: 'string' | 'boolean'; short?: string }>)}\nRun \`statewise ${command.name} --help\` for its options.`);
    return undefined;
  }
}
