import { toDotted, type Issue } from '../../rules/index.ts';

/**
 * The one place that turns core issues into CLI messages: `FILE:LINE:COL field: message`, one per line.
 * @example formatIssues('a.statewise.yaml', issues) // a.statewise.yaml:4:14 traffic.peakRps: must be >= 0
 */
export function formatIssues(file: string, issues: readonly Issue[]): string {
  return issues.map((i) => {
    const where = [i.file ?? file, i.line, i.column].filter((x) => x !== undefined).join(':');
    const field = i.path.length ? `${toDotted(i.path)}: ` : '';
    return `${where} ${field}${i.message}`;
  }).join('\n');
}
