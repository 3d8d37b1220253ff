import { toDotted, type Issue } from '../../rules/index.ts';
import { oneLine } from './escape.ts';
import { count } from './plural.ts';

/**
 * The one place that turns core issues into CLI messages: `FILE:LINE:COL field: message`, one per line.
 * @example formatIssues('a.statewise.yaml', issues) // a.statewise.yaml:4:14 traffic.peakRps: must be >= 0
 */
export function formatIssues(file: string, issues: readonly Issue[]): string {
  const shown = issues.slice(0, MAX_PRINTED).map((i) => {
    const where = [oneLine(i.file ?? file), i.line, i.column].filter((x) => x !== undefined).join(':');
    const field = i.path.length ? `${oneLine(excerpt(toDotted(i.path)))}: ` : '';
    // `FILE:LINE:COL field: message`; with no line, `FILE: message` (never `nope.yaml no such file`).
    return i.line === undefined && !field ? `${where}: ${oneLine(i.message)}` : `${where} ${field}${oneLine(i.message)}`;
  });
  if (issues.length > MAX_PRINTED) shown.push(`… and ${count(issues.length - MAX_PRINTED, 'more problem', 'more problems')} in ${oneLine(file)}`);
  return shown.join('\n');
}

/** Issues printed per file: a hostile file cannot flood the terminal or the CI log. */
export const MAX_PRINTED = 100;

/** A field path made of input keys, cut to a readable length. */
function excerpt(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
