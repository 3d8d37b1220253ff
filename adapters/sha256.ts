import { createHash } from 'node:crypto';
import type { Sha256Hex } from '../rules/index.ts';

/**
 * node:crypto's SHA-256 for the engine's input digests (`createEngine(catalog, { sha256: nodeSha256 })`): the same hex
 * as the core's pure fallback, ~2 µs instead of ~15 µs for a typical input. The CLI, the server and its advice threads
 * use it; the extension keeps the fallback, so its bundle does not depend on the host having node:crypto.
 */
export const nodeSha256: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
