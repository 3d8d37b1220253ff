import type { ConformanceSeverity } from './schema.ts';

/** One contradiction between a repository and its plan, as every front end reports it. */
export interface ConformanceFinding {
  /** `rule:file:key`: what baselines record and what `accept` (a suppression) names. */
  id: string;
  rule: string;
  title: string;
  severity: ConformanceSeverity;
  /** Where the implementation says it (a code or manifest line; the requirements item for an absent store). */
  file: string;
  line: number;
  column: number;
  key: string;
  service: string;
  /** The requirements file and the plan item the finding contradicts, with the item's line there. */
  requirements: { file: string; item: string; store: string; line: number; column: number };
  message: string;
  fixes: { code: string; requirements: string };
}

/** A finding an `accept` entry in the requirements suppresses (until its date). */
export interface SuppressedFinding extends ConformanceFinding { reason: string; until: string }

export const SEVERITY_RANK: Record<ConformanceSeverity, number> = { info: 0, warning: 1, error: 2 };
