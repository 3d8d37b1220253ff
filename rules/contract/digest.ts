import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Requirements } from './requirements.ts';

/** SHA-256 of a text's UTF-8 bytes as 64 lowercase hex digits. */
export type Sha256Hex = (text: string) => string;

/**
 * The pure JavaScript SHA-256 the core uses when its host gives none (browsers, the VS Code extension). Node hosts pass
 * node:crypto's through `createEngine(catalog, { sha256 })`: the same digest in ~2 µs instead of ~15 µs per answer.
 */
export const sha256Hex: Sha256Hex = (text) => bytesToHex(sha256(utf8ToBytes(text)));

/**
 * `sha256:` of the canonical normalized input: keys sorted, state items sorted by name, so neither key order nor
 * item order changes it.
 */
export function inputDigest(req: Requirements, hash: Sha256Hex = sha256Hex): string {
  // What was defaulted is said in the answer but is not input: the same document digests the same either way.
  const { defaultsApplied: _, ...doc } = req;
  const canonical = { ...doc, state: [...doc.state].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  return 'sha256:' + hash(canonicalJson(canonical));
}

/** JSON with object keys sorted at every level and `undefined` fields dropped. */
export function canonicalJson(value: unknown): string {
  // Loops and one string: this runs on every advice (map/filter/join chains cost twice the time for a 1 KB input).
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    out += (out.length > 1 ? ',' : '') + JSON.stringify(k) + ':' + canonicalJson(v);
  }
  return out + '}';
}
