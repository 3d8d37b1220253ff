import { toDotted, type Issue } from '../../rules/index.ts';

/** A zero-based editor range: what `vscode.Range` is built from. */
export interface ZeroRange { startLine: number; startCharacter: number; endLine: number; endCharacter: number }

/** An editor diagnostic, without the vscode types, so that the mapping is unit-testable. */
export interface DiagnosticSpec {
  range: ZeroRange;
  message: string;
  /** The core's stable issue code (`unknown_field`, `invalid_value`, `syntax`, …). */
  code: string;
  /**
   * Unknown fields are typos far more often than intent, but they are still errors: the engine rejects them.
   * `information`: nothing is wrong, something is worth doing (a review whose answer stands but whose inputs moved).
   */
  severity: 'error' | 'warning' | 'information';
}

/**
 * Core issues → diagnostics at their exact source ranges. The core gives 1-based line/column and an exclusive end;
 * editors want 0-based positions. A node spanning several lines (a map missing a required field) is underlined on
 * its first line only, so one issue does not paint a whole block red. An issue without an end (a YAML syntax error)
 * is underlined from its start to the end of its line, and one without a line on the document's first line.
 * @example toDiagnosticSpecs('traffic:\n  peakRps: -1\n', issues)[0].range.startLine === 1
 */
export function toDiagnosticSpecs(text: string, issues: readonly Issue[]): DiagnosticSpec[] {
  const lines = text.split(/\r?\n/);
  const lineLength = (line: number) => lines[line]?.length ?? 0;
  return issues.map((i) => ({
    range: rangeOf(i, lineLength, lines.length),
    message: i.path.length ? `${toDotted(i.path)}: ${i.message}` : i.message,
    code: i.code,
    severity: 'error',
  }));
}

function rangeOf(i: Issue, lineLength: (line: number) => number, lineCount: number): ZeroRange {
  if (i.line === undefined) return { startLine: 0, startCharacter: 0, endLine: 0, endCharacter: lineLength(0) };
  const startLine = clamp(i.line - 1, 0, Math.max(0, lineCount - 1));
  const startCharacter = clamp((i.column ?? 1) - 1, 0, lineLength(startLine));
  const wholeLine = { startLine, startCharacter, endLine: startLine, endCharacter: Math.max(lineLength(startLine), startCharacter) };
  if (i.endLine === undefined || i.endColumn === undefined) return wholeLine;
  const endLine = i.endLine - 1;
  if (endLine !== startLine) return trimmedEnd(wholeLine);
  const endCharacter = clamp(i.endColumn - 1, startCharacter, lineLength(startLine));
  // An empty range (a null value `peakRps:`) is invisible: show the rest of the line instead.
  return endCharacter > startCharacter ? { startLine, startCharacter, endLine, endCharacter } : wholeLine;
}

/** A multi-line node ends on its first line; keep at least one character so the squiggle shows. */
function trimmedEnd(r: ZeroRange): ZeroRange {
  return r.endCharacter > r.startCharacter ? r : { ...r, endCharacter: r.startCharacter + 1 };
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(Math.max(n, lo), hi);
}
