import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Requirements } from './requirements.ts';

/**
 * `sha256:` of the canonical normalized input: keys sorted, state items sorted by name, so neither key order nor
 * item order changes it.
 */
export function inputDigest(req: Requirements): string {
  // What was defaulted is said in the answer but is not input: the same document digests the same either way.
  const { defaultsApplied: _, ...doc } = req;
  const canonical = { ...doc, state: [...doc.state].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) };
  return 'sha256:' + bytesToHex(sha256(utf8ToBytes(canonicalJson(canonical))));
}

/** JSON with object keys sorted at every level and `undefined` fields dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson((value as Record<string, unknown>)[k])).join(',') + '}';
}
