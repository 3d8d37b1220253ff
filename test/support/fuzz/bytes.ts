import fc from 'fast-check';

/** Raw byte mutations of a body: what a broken client, proxy or attacker puts on the wire. */
export type ByteMutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'insert'; at: number; bytes: number[] }
  | { op: 'delete'; at: number; length: number }
  | { op: 'truncate'; at: number }
  | { op: 'repeat'; at: number; length: number; times: number };

/** Byte sequences that are not UTF-8 (lone continuation, overlong, surrogate, past U+10FFFF), NUL, BOM, CR. */
export const BAD_BYTES: readonly number[][] = [
  [0xff], [0xfe], [0x80], [0xc0, 0x80], [0xc3], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80], [0x00], [0xef, 0xbb, 0xbf], [0x0d], [0x22], [0x5c], [0x7b], [0x5d], [0x3a, 0x20],
  [0x26, 0x61], [0x2a, 0x61], [0x21, 0x21, 0x6a, 0x73], [0x09],
];

const at = fc.nat({ max: 100_000 });
export const byteMutationArb: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('insert' as const), at, bytes: fc.oneof(fc.constantFrom(...BAD_BYTES), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 })) }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at, length: fc.integer({ min: 1, max: 16 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at, length: fc.integer({ min: 1, max: 32 }), times: fc.integer({ min: 2, max: 50 }) }) },
);

/** Applies byte mutations in order; positions are taken modulo the current length. */
export function applyByteMutations(input: Uint8Array, mutations: readonly ByteMutation[]): Uint8Array {
  let b = Array.from(input);
  for (const m of mutations) {
    const i = b.length ? m.at % b.length : 0;
    switch (m.op) {
      case 'flip': if (b.length) b[i] = (b[i]! ^ m.mask) & 0xff; break;
      case 'insert': b.splice(i, 0, ...m.bytes); break;
      case 'delete': b.splice(i, m.length); break;
      case 'truncate': b = b.slice(0, i); break;
      case 'repeat': { const part = b.slice(i, i + m.length); b.splice(i, 0, ...Array.from({ length: m.times - 1 }, () => part).flat()); break; }
    }
  }
  return Uint8Array.from(b);
}
