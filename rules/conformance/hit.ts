import type { Evidence } from './evidence.ts';
import type { Plan, PlanItem } from './plan.ts';

/** One place where a check found the implementation contradicting the plan, before the catalogue words it. */
export interface Hit {
  /** The evidence (its file and position); absent when the finding is about the plan itself (it sits at the item). */
  evidence?: Evidence;
  /** Stable within the file: baselines and suppressions match on rule, file and key, never on a line. */
  key: string;
  item?: PlanItem;
  /** Values for the catalogue's message placeholders beyond the evidence facts. */
  vars: Record<string, string | number>;
}

/** A check: the hits of one rule for one plan and the evidence bound to it. */
export type Check = (plan: Plan, bound: readonly Evidence[]) => Hit[];
