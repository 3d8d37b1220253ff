import type { DiagnosticSpec } from '../../web/render/issue-ranges.ts';

/**
 * Where and how the drift check reports a review: pure, so the placement of its diagnostics is unit-tested.
 * A stale review is flagged on its `statewise:` front-matter key (the provenance that no longer matches).
 */
export function driftDiagnostic(reviewText: string, source: string | undefined, changes: readonly string[]): DiagnosticSpec {
  const lines = reviewText.split(/\r?\n/);
  const at = Math.max(0, lines.findIndex((l) => /^statewise:/.test(l)));
  const what = changes.length > 3 ? [...changes.slice(0, 3), `and ${changes.length - 3} more`] : changes;
  return {
    range: { startLine: at, startCharacter: 0, endLine: at, endCharacter: lines[at]?.length ?? 0 },
    message: `design review is out of date${source ? ` for ${source}` : ''}: ${what.join('; ')}. Regenerate it with "Statewise: Generate Design Review".`,
    code: 'review_drift',
    severity: 'error',
  };
}

/**
 * A review that still gives the same answer (verdict, placements, risks) although its inputs changed: what
 * `statewise check` reports as a note and passes (without --strict). Information, not an error, on the same line;
 * the same quick fix regenerates it to refresh its provenance.
 */
export function staleProvenanceDiagnostic(reviewText: string, source: string | undefined, verdict: string, changes: readonly string[]): DiagnosticSpec {
  const lines = reviewText.split(/\r?\n/);
  const at = Math.max(0, lines.findIndex((l) => /^statewise:/.test(l)));
  const what = changes.length > 3 ? [...changes.slice(0, 3), `and ${changes.length - 3} more`] : changes;
  return {
    range: { startLine: at, startCharacter: 0, endLine: at, endCharacter: lines[at]?.length ?? 0 },
    message: `design review still gives the same answer (${verdict})${source ? ` for ${source}` : ''}, but its inputs changed: ${what.join('; ')}. Regenerate it when convenient to refresh its provenance.`,
    code: 'review_provenance',
    severity: 'information',
  };
}

/** A review whose requirements file cannot be found: flagged on its `source:` line. */
export function missingSourceDiagnostic(reviewText: string, service: string, source: string | undefined): DiagnosticSpec {
  const lines = reviewText.split(/\r?\n/);
  const at = Math.max(0, lines.findIndex((l) => (source ? /^\s+source:/.test(l) : /^statewise:/.test(l))));
  return {
    range: { startLine: at, startCharacter: 0, endLine: at, endCharacter: lines[at]?.length ?? 0 },
    message: source
      ? `requirements file ${source} (the review's source) does not exist`
      : `no requirements file for service "${service}" in the workspace`,
    code: 'review_source_missing',
    severity: 'warning',
  };
}
