import { didYouMean } from '../../rules/index.ts';

/**
 * The nearest of a few names (commands, flags, formats): the core's `didYouMean`, and also a swap of two adjacent
 * letters (`chekc` → `check`, `breif` → `brief`), the commonest typo in a short word, which edit distance counts as two.
 * @example nearestName('chekc', ['advise', 'check']) === 'check'
 */
export function nearestName(typed: string, names: readonly string[]): string | undefined {
  return didYouMean(typed, names) ?? names.find((n) => isSwap(typed.toLowerCase(), n.toLowerCase()));
}

function isSwap(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** A flag a command accepts, as node:util parseArgs describes it. */
interface FlagSpec { type: 'string' | 'boolean'; short?: string }

/**
 * Node's parseArgs error, said in statewise's words with the nearest accepted flag: `unknown option --jsn; did you
 * mean --json?` instead of Node's advice about `--` and positionals. Falls back to Node's first sentence for any
 * other parse error.
 * @example describeFlagError(e, { json: { type: 'boolean' } }) // 'unknown option --jsn; did you mean --json?'
 */
export function describeFlagError(error: unknown, options: Record<string, FlagSpec>): string {
  const e = error as { code?: string; message?: string };
  const message = String(e.message ?? error);
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = quoted.replace(/=.*$/, '');
    const names = Object.keys(options);
    const bare = typed.replace(/^-+/, '');
    const meant = typed.startsWith('--') || bare.length > 1
      ? nearestName(bare, [...names, 'help'])
      : Object.entries(options).find(([, o]) => o.short?.toLowerCase() === bare.toLowerCase())?.[0];
    return `unknown option ${typed}${meant ? `; did you mean --${meant}?` : ''}`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = quoted.split(' ')[0] ?? quoted;
    const spec = options[flag.replace(/^-+/, '')];
    if (/argument missing/.test(message)) return `${flag} needs a value${spec?.type === 'string' ? ` (${flag} VALUE)` : ''}`;
    if (/does not take an argument/.test(message)) return `${flag} takes no value (it is a switch: write ${flag} alone)`;
  }
  return message.split(/\. |\n/)[0]!;
}
