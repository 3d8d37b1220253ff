/**
 * Evidence: what a scan found in a repository, as plain records the conformance rules read. Adapters
 * (adapters/scan/) produce them from code and manifests; the core never touches a file. Positions are 1-based.
 */

export const EVIDENCE_KINDS = [
  'module-state', 'session-middleware', 'realtime-server', 'realtime-adapter', 'store-client',
  'workload', 'volume-claim', 'autoscaler', 'sticky-routing', 'store-infra',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export type FactValue = string | number | boolean | undefined;

export interface Evidence {
  kind: EvidenceKind;
  /** Repository-relative path with `/` separators. */
  file: string;
  line: number;
  column: number;
  /**
   * What was seen. Common keys: `key` (a name stable across edits, for baselines and suppressions), `workload`
   * (the workload, app label or compose service it belongs to); the rest depend on the kind (docs/design.md, "Scan").
   */
  facts: Record<string, FactValue>;
}

/** Where a piece of evidence came from: code is bound to a plan by path, manifests by workload name. */
export const CODE_KINDS: readonly EvidenceKind[] = ['module-state', 'session-middleware', 'realtime-server', 'realtime-adapter', 'store-client'];

export function isCode(e: Evidence): boolean {
  return CODE_KINDS.includes(e.kind);
}

/** A fact as text ('' when absent). */
export function fact(e: Evidence, name: string): string {
  const v = e.facts[name];
  return v === undefined ? '' : String(v);
}
