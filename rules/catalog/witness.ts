import { FACTS } from './facts.ts';
import { admits, satisfiable, toDnf, type Literal, type Term } from './logic.ts';
import type { Condition } from './schema.ts';

/**
 * Concrete points that tell conditions apart without the decision procedure, so `rules lint` compares only the
 * pairs of rules that might be equivalent. Sound: two conditions the procedure calls equivalent are true at exactly
 * the same in-domain points (a point where one holds and the other does not is a term of one and of the other's
 * negation that the point satisfies together, which the procedure would have found). Only rules whose facts all
 * take single values (enums, booleans, numbers) are indexed; a rule reading a set (`constraints.stores`) is compared
 * the old way.
 */

export type Point = ReadonlyMap<string, unknown>;

/** A condition compiled for evaluation at points; undefined when it reads a fact that takes no single value. */
export type Evaluator = (p: Point) => boolean;

const CONCRETE = new Set(['enum', 'boolean', 'number']);

/** The facts a condition's literals are about (after the procedure's rewrites: `state[].scope` → `state[].lifetime`). */
function literalsOf(c: Condition): Literal[] | undefined {
  if ('not' in c) return literalsOf(c.not);
  if ('all' in c || 'any' in c) {
    const out: Literal[] = [];
    for (const x of 'all' in c ? c.all : c.any) {
      const lits = literalsOf(x);
      if (!lits) return undefined;
      out.push(...lits);
    }
    return out;
  }
  return toDnf(c)?.[0] as Literal[] | undefined;
}

/** The facts `c` reads, when each takes single values; undefined otherwise. */
export function concreteFacts(c: Condition | undefined): Set<string> | undefined {
  if (!c) return new Set();
  const lits = literalsOf(c);
  if (!lits || lits.some((l) => !CONCRETE.has(FACTS.get(l.fact)?.type ?? ''))) return undefined;
  return new Set(lits.map((l) => l.fact));
}

/** `c` as a function of a point that assigns every fact it reads; the same leaf semantics as the procedure. */
export function evaluator(c: Condition | undefined): Evaluator {
  if (!c) return () => true;
  if ('not' in c) { const inner = evaluator(c.not); return (p) => !inner(p); }
  if ('all' in c) { const parts = c.all.map(evaluator); return (p) => parts.every((f) => f(p)); }
  if ('any' in c) { const parts = c.any.map(evaluator); return (p) => parts.some((f) => f(p)); }
  const lits = toDnf(c)![0]!;
  return (p) => lits.every((l) => admits(l, p.get(l.fact)));
}

/**
 * A point where `c` holds, from the first of its DNF terms that can hold, with every fact of `facts` given a value
 * in its domain; undefined when none is found (too large a DNF, or no term the candidates satisfy).
 */
export function witness(c: Condition | undefined, facts: ReadonlySet<string>, dnf: Term[] | undefined = toDnf(c)): Point | undefined {
  if (!dnf) return undefined;
  for (const term of dnf) {
    if (!satisfiable(term)) continue;
    const point = new Map<string, unknown>();
    let ok = true;
    for (const fact of facts) {
      const lits = term.filter((l) => l.fact === fact);
      const value = candidates(fact, lits).find((v) => satisfiable([...lits, { fact, op: 'eq', value: v, path: [] }]));
      if (value === undefined) { ok = false; break; }
      point.set(fact, value);
    }
    if (ok) return point;
  }
  return undefined;
}

/** Values to try for `fact`: its enum values, both booleans, or numbers at and around the constants it is compared with. */
function candidates(fact: string, lits: Literal[]): unknown[] {
  const f = FACTS.get(fact);
  if (f?.type === 'enum') return [...(f.values ?? [])];
  if (f?.type === 'boolean') return [false, true];
  const constants = lits.flatMap((l) => (Array.isArray(l.value) ? l.value : [l.value])).filter((v): v is number => typeof v === 'number');
  return [...constants.flatMap((n) => [n, n + 1, n - 1, n + 0.5, n - 0.5, Math.floor(n) + 1, Math.ceil(n) - 1]), 1, 0, 2, 50, 99.9, 1e9];
}
