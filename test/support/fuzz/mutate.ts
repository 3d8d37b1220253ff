import fc from 'fast-check';
import { asEntries, Entries, paths, Raw, update, type Tree } from './tree.ts';

/**
 * Mutations of a valid payload, as data: fast-check generates and shrinks them, `applyMutations` replays them, and a
 * saved regression fixture needs nothing but the resulting bytes. `at` picks the target node among the tree's
 * paths (modulo their number), so the same mutation applies to any document.
 */
export type Mutation =
  | { op: 'drop'; at: number }
  | { op: 'replace'; at: number; value: Tree }
  | { op: 'add'; at: number; key: string; value: Tree }
  | { op: 'duplicate'; at: number; pick: number; value: Tree | undefined }
  | { op: 'wrap'; at: number }
  | { op: 'deep'; at: number; depth: number; kind: 'array' | 'object' }
  | { op: 'long-array'; at: number; length: number };

/** Numbers outside every range of the contract, and tokens JSON does not allow. */
export const BAD_NUMBERS: readonly Tree[] = [
  -1, -0.0001, 0, 1e308, -1e308, 2 ** 53 + 1, 1e21, 5e-324, 99.99999999, 100, 89.999, 10_000_001, 1_000_000_001, 51, 201, 0.5,
  new Raw('NaN'), new Raw('Infinity'), new Raw('-Infinity'), new Raw('1e999'), new Raw('-1e999'), new Raw('-0'), new Raw('0x10'),
  new Raw('01'), new Raw('1.'), new Raw('.5'), new Raw('+1'), new Raw('1e'), new Raw('1_000'),
];

/** Strings that are awkward for parsers, validators and loggers. */
export const BAD_STRINGS: readonly string[] = [
  '', ' ', '🙂', '\u0000', '\ud800', '\udfff', '\u202e', 'Ａ', 'İ', 'a\u0301', '\n', '"\\', '\ufeff', '%s%n', '${x}', '<script>',
  '../../etc/passwd', 'CHECKOUT', 'checkout ', '-a', '.a', 'a'.repeat(65), 'statewise/v2', 'true', 'null', '1', 'redis\u0000',
];

/** Keys a hostile client adds: unknown fields, prototype names, odd spellings of real fields. */
export const BAD_KEYS: readonly string[] = [
  'extra', '__proto__', 'constructor', 'prototype', 'Service', 'service ', '', '🙂', '\u0000', 'state[]', 'traffic.peakRps', 'toString',
  'hasOwnProperty', '$ref',
];

const stringArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...BAD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  // Long strings: past every field's max length, sometimes past the body limit (→ 413).
  { weight: 1, arbitrary: fc.constantFrom(2001, 5000, 70_000, 270_000).map((n) => 'x'.repeat(n)) },
);

/** Values of the wrong type, out of range, or strange. */
export const junkArb: fc.Arbitrary<Tree> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...BAD_NUMBERS) },
  { weight: 3, arbitrary: stringArb },
  { weight: 2, arbitrary: fc.constantFrom<Tree>(null, true, false, [], {}, [null], { '': null }, ['redis', 'redis']) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Tree> },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -(2 ** 31), max: 2 ** 31 }) },
);

const at = fc.nat({ max: 10_000 });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('drop' as const), at }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), at, value: junkArb }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), at, key: fc.oneof(fc.constantFrom(...BAD_KEYS), fc.string({ maxLength: 8 })), value: junkArb }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at, pick: fc.nat({ max: 50 }), value: fc.option(junkArb, { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('deep' as const), at, depth: fc.constantFrom(1, 5, 31, 32, 33, 64, 500), kind: fc.constantFrom('array' as const, 'object' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('long-array' as const), at, length: fc.constantFrom(0, 1, 201, 999, 1000, 1001, 5000) }) },
);

/** Applies the mutations in order; a mutation whose target vanished applies to whatever `at` now picks. */
export function applyMutations(tree: Tree, mutations: readonly Mutation[]): Tree {
  let t = tree;
  for (const m of mutations) t = applyOne(t, m);
  return t;
}

function applyOne(t: Tree, m: Mutation): Tree {
  const all = paths(t);
  const path = all[m.at % all.length]!;
  const set = (fn: (node: Tree) => Tree | undefined) => update(t, path, fn) ?? new Raw('');
  switch (m.op) {
    case 'drop': return set(() => undefined);
    case 'replace': return set(() => m.value);
    case 'wrap': return set((node) => [node]);
    case 'deep': return set((node) => nest(node, m.depth, m.kind));
    // Copies of a small node; zeros otherwise (the length is what is being tested). Copying a 70 KB string a
    // thousand times made 70 MB bodies whose generation stalled the harness itself into false "no answer" reports.
    case 'long-array': return set((node) => {
      const small = m.length <= 1000 && JSON.stringify(node ?? null).length <= 256;
      return Array.from({ length: m.length }, () => (small ? node : 0));
    });
    case 'add': return set((node) => {
      const e = asEntries(node);
      return e ? new Entries([...e.entries, [m.key, m.value]]) : new Entries([[m.key, m.value]]);
    });
    case 'duplicate': return set((node) => {
      if (Array.isArray(node)) return node.length ? [...node, node[m.pick % node.length]!] : [null];
      const e = asEntries(node);
      if (!e || e.entries.length === 0) return node;
      const [k, v] = e.entries[m.pick % e.entries.length]!;
      return new Entries([...e.entries, [k, m.value === undefined ? v : m.value]]);
    });
  }
}

/** `node` inside `depth` levels of arrays or objects. */
export function nest(node: Tree, depth: number, kind: 'array' | 'object'): Tree {
  let out = node;
  for (let i = 0; i < depth; i++) out = kind === 'array' ? [out] : { a: out };
  return out;
}
