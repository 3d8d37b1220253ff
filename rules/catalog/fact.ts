import type { EvalContext, EvalItem, PlanView } from '../model/context.ts';

/** One fact a rule may read: its path, type, scope, when it is known, and how to read it. */
export type FactType = 'number' | 'boolean' | 'enum' | 'set';
export type FactValue = number | boolean | string | readonly string[];
export type FactScope = 'service' | 'item';
export type FactPhase = 'input' | 'plan';

export interface Fact {
  path: string;
  type: FactType;
  scope: FactScope;
  phase: FactPhase;
  /** Allowed values of an enum or the members of a set. */
  values?: readonly string[];
  description: string;
  get: (ctx: EvalContext, item: EvalItem | undefined, plan: PlanView | undefined) => FactValue;
}
