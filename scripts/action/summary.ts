/** The hidden line that marks the action's own pull-request comment, so a re-run updates it instead of adding one. */
export const MARKER = '<!-- statewise-action -->';

/** GitHub refuses comment bodies over 65,536 characters; the job summary allows 1 MiB. */
export const MAX_COMMENT = 65_000;

/** What one run found: `statewise check`'s result and a section per changed requirements file. */
export interface RunReport {
  check: { exit: number; output: string; files: number };
  /** Markdown sections, one per changed file (from `statewise diff --format markdown`, or a line for an added or deleted file). */
  sections: string[];
  /** A line saying what the files were compared with (`base a1b2c3d`), or why nothing was compared. */
  comparedWith: string;
}

/**
 * The Markdown written to the job summary and the pull-request comment: the marker, the check's verdict and its
 * output, then each changed file's comparison. Cut (with a note) to fit a comment.
 * @example summaryMarkdown({ check: { exit: 0, output: '…', files: 2 }, sections: ['### cart: …'], comparedWith: 'base a1b2c3d' })
 */
export function summaryMarkdown(report: RunReport, limit = MAX_COMMENT): string {
  const { check } = report;
  const status = check.exit === 0 ? '✅ every design review matches its requirements'
    : check.exit === 1 ? '❌ a design review no longer matches the answer for its requirements'
      : '⚠️ statewise could not check every file (invalid input or a missing review)';
  const parts = [
    MARKER,
    '## statewise',
    '',
    `**check** (${check.files} requirements file${check.files === 1 ? '' : 's'}): ${status}`,
    '',
    '<details><summary>statewise check output</summary>',
    '',
    fence(check.output.trim() || '(no output)'),
    '',
    '</details>',
    '',
    `**What the change does to the answers** (${report.comparedWith}):`,
    '',
    ...(report.sections.length ? report.sections.flatMap((s) => [s, '']) : ['No requirements file changed.', '']),
  ];
  const body = parts.join('\n').trimEnd() + '\n';
  if (body.length <= limit) return body;
  const note = '\n\n… cut to fit a comment; the job summary has the rest.\n';
  return body.slice(0, limit - note.length) + note;
}

/** A fenced code block whose fence is longer than any backtick run inside. */
function fence(text: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const f = '`'.repeat(longest + 1);
  return `${f}text\n${text}\n${f}`;
}
