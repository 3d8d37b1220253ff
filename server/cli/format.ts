import { nearestName } from './flag-errors.ts';
import type { Command } from './commands.ts';
import type { Io } from './io.ts';

/**
 * The `--format` a command was given (`--json` is `--format json`), or undefined after saying which formats exist.
 * @example formatOf(flags.values, ['text', 'json'], adviseCommand, io) // 'text' when neither flag is given
 */
export function formatOf<F extends string>(values: Record<string, unknown>, formats: readonly F[], command: Command, io: Io): F | undefined {
  const typed = (values.format as string | undefined) ?? (values.json ? 'json' : formats[0]!);
  if (values.json && values.format !== undefined && values.format !== 'json') {
    io.err(`statewise ${command.name}: --json and --format ${values.format} disagree; give one of them`);
    return undefined;
  }
  if ((formats as readonly string[]).includes(typed)) return typed as F;
  const meant = nearestName(typed, formats);
  io.err(`statewise ${command.name}: --format ${typed} is not one of ${formats.join(', ')}${meant ? `; did you mean ${meant}?` : ''}`);
  return undefined;
}
