import { FACTS, type Fact, type FactValue } from './facts.ts';
import { COMPARISON_OPS, type Comparison, type Condition } from './schema.ts';
import type { EvalContext, EvalItem, PlanView } from '../model/context.ts';
import type { IssueCode, PathSegment } from '../contract/issues.ts';

/** A compiled condition: a plain function, built once per rule. */
export type Predicate = (ctx: EvalContext, item: EvalItem | undefined, plan: PlanView | undefined) => boolean;

export interface CompileProblem { path: PathSegment[]; code: IssueCode; message: string }

export interface CompiledCondition {
  test: Predicate;
  /** Fact paths the condition reads, for templates, lint and tipping points. */
  reads: Set<string>;
  /** Numeric thresholds per fact path: where the condition can change its answer. */
  thresholds: Map<string, number[]>;
}

/**
 * Compiles a condition into a closure, checking every fact path and value against the fact registry.
 * `phase` says whether plan facts may be read (risk rules) and `scope` whether item facts may (placement, gate, risk).
 */
export function compileCondition(
  cond: Condition | undefined, allowItem: boolean, allowPlan: boolean, at: PathSegment[], problems: CompileProblem[],
): CompiledCondition {
  const reads = new Set<string>();
  const thresholds = new Map<string, number[]>();
  const walk = (c: Condition, path: PathSegment[]): Predicate => {
    if ('all' in c) {
      const parts = c.all.map((x, i) => walk(x, [...path, 'all', i]));
      // Plain loops, not parts.every(f => …): that would allocate a closure on every evaluation of every rule.
      return (a, b, p) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i]!(a, b, p)) return false;
        return true;
      };
    }
    if ('any' in c) {
      const parts = c.any.map((x, i) => walk(x, [...path, 'any', i]));
      return (a, b, p) => {
        for (let i = 0; i < parts.length; i++) if (parts[i]!(a, b, p)) return true;
        return false;
      };
    }
    if ('not' in c) {
      const inner = walk(c.not, [...path, 'not']);
      return (a, b, p) => !inner(a, b, p);
    }
    return comparison(c, path);
  };
  const comparison = (c: Comparison, path: PathSegment[]): Predicate => {
    const fact = FACTS.get(c.fact);
    if (!fact) {
      problems.push({ path: [...path, 'fact'], code: 'unknown_fact', message: `unknown fact "${c.fact}"${suggest(c.fact)}` });
      return () => false;
    }
    if (fact.scope === 'item' && !allowItem) {
      problems.push({ path: [...path, 'fact'], code: 'wrong_scope', message: `"${c.fact}" is a state-item fact; service rules read service facts only` });
    }
    if (fact.phase === 'plan' && !allowPlan) {
      problems.push({ path: [...path, 'fact'], code: 'wrong_phase', message: `"${c.fact}" is known only after placement; only risk rules may read it` });
    }
    reads.add(fact.path);
    const tests: ((v: FactValue) => boolean)[] = [];
    const ops: (typeof COMPARISON_OPS)[number][] = [];
    const operands: unknown[] = [];
    for (const op of COMPARISON_OPS) {
      const operand = c[op];
      if (operand === undefined) continue;
      const bad = checkOperand(fact, op, operand);
      if (bad) { problems.push({ path: [...path, op], code: 'bad_value', message: bad }); continue; }
      if (typeof operand === 'number' && fact.type === 'number') {
        const list = thresholds.get(fact.path) ?? [];
        list.push(operand);
        thresholds.set(fact.path, list);
      }
      tests.push(comparator(op, operand));
      ops.push(op);
      operands.push(operand);
    }
    const get = fact.get;
    if (tests.length === 1) return direct(ops[0]!, operands[0], get);
    return (a, b, p) => {
      const v = get(a, b, p);
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(v)) return false;
      return true;
    };
  };
  const test = cond ? walk(cond, at) : () => true;
  return { test, reads, thresholds };
}

/**
 * A single comparison as one closure that reads the fact and compares (the common case): one call per rule test
 * instead of two. Same semantics as `comparator`.
 */
function direct(op: (typeof COMPARISON_OPS)[number], operand: unknown, get: Fact['get']): Predicate {
  switch (op) {
    case 'eq': return (a, b, p) => get(a, b, p) === operand;
    case 'ne': return (a, b, p) => get(a, b, p) !== operand;
    case 'in': { const set = new Set(operand as unknown[]); return (a, b, p) => set.has(get(a, b, p)); }
    case 'notIn': { const set = new Set(operand as unknown[]); return (a, b, p) => !set.has(get(a, b, p)); }
    case 'gt': { const n = operand as number; return (a, b, p) => (get(a, b, p) as number) > n; }
    case 'gte': { const n = operand as number; return (a, b, p) => (get(a, b, p) as number) >= n; }
    case 'lt': { const n = operand as number; return (a, b, p) => (get(a, b, p) as number) < n; }
    case 'lte': { const n = operand as number; return (a, b, p) => (get(a, b, p) as number) <= n; }
    case 'includes': return (a, b, p) => (get(a, b, p) as readonly string[]).includes(operand as string);
    case 'excludes': return (a, b, p) => !(get(a, b, p) as readonly string[]).includes(operand as string);
  }
}

function comparator(op: (typeof COMPARISON_OPS)[number], operand: unknown): (v: FactValue) => boolean {
  switch (op) {
    case 'eq': return (v) => v === operand;
    case 'ne': return (v) => v !== operand;
    case 'in': { const set = new Set(operand as unknown[]); return (v) => set.has(v); }
    case 'notIn': { const set = new Set(operand as unknown[]); return (v) => !set.has(v); }
    case 'gt': { const n = operand as number; return (v) => (v as number) > n; }
    case 'gte': { const n = operand as number; return (v) => (v as number) >= n; }
    case 'lt': { const n = operand as number; return (v) => (v as number) < n; }
    case 'lte': { const n = operand as number; return (v) => (v as number) <= n; }
    case 'includes': return (v) => (v as readonly string[]).includes(operand as string);
    case 'excludes': return (v) => !(v as readonly string[]).includes(operand as string);
  }
}

/** A value of the wrong type for its fact is a load error, not a rule that silently never fires. */
function checkOperand(fact: Fact, op: string, operand: unknown): string | undefined {
  const values = Array.isArray(operand) ? operand : [operand];
  if (op === 'includes' || op === 'excludes') {
    if (fact.type !== 'set') return `"${op}" needs a list fact; ${fact.path} is a ${fact.type}`;
    return fact.values!.includes(operand as string) ? undefined : `${fact.path} never includes ${JSON.stringify(operand)}; values: ${fact.values!.join(', ')}`;
  }
  if (fact.type === 'set') return `${fact.path} is a list: compare it with includes or excludes`;
  if (['gt', 'gte', 'lt', 'lte'].includes(op) && fact.type !== 'number') return `"${op}" needs a number fact; ${fact.path} is a ${fact.type}`;
  for (const v of values) {
    if (fact.type === 'number' && typeof v !== 'number') return `${fact.path} is a number; got ${JSON.stringify(v)}`;
    if (fact.type === 'boolean' && typeof v !== 'boolean') return `${fact.path} is true or false; got ${JSON.stringify(v)}`;
    if (fact.type === 'enum' && !fact.values!.includes(v as string)) {
      return `${fact.path} is never ${JSON.stringify(v)}; values: ${fact.values!.join(', ')}`;
    }
  }
  return undefined;
}

function suggest(path: string): string {
  const tail = path.split('.').pop()!;
  const near = [...FACTS.keys()].filter((k) => k.endsWith('.' + tail) || k.split('.').pop()!.toLowerCase() === tail.toLowerCase());
  return near.length ? ` (did you mean ${near.join(' or ')}?)` : '';
}
