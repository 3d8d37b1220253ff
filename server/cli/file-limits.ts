import { DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_REVIEW_BYTES, type RequirementsReadOptions } from '../../adapters/index.ts';
import { parseSize } from '../config.ts';
import type { Io } from './io.ts';

/** The variable that raises (or lowers) the largest requirements or review file the CLI reads. */
export const MAX_FILE_SIZE_VAR = 'STATEWISE_MAX_FILE_SIZE';

/** Largest files the CLI reads, in bytes. */
export interface FileLimits { requirements: number; reviews: number }

export const DEFAULT_FILE_LIMITS: FileLimits = { requirements: DEFAULT_MAX_FILE_BYTES, reviews: DEFAULT_MAX_REVIEW_BYTES };

/**
 * The limits from the environment, read once at start: STATEWISE_MAX_FILE_SIZE sets both (1 KB to 1 GB); unset,
 * the defaults (requirements 256 KB like the server's body limit, reviews 4 MB).
 * @example fileLimitsFrom({ STATEWISE_MAX_FILE_SIZE: '1mb' }) → { ok: true, value: { requirements: 1048576, reviews: 1048576 } }
 */
export function fileLimitsFrom(env: NodeJS.ProcessEnv): { ok: true; value: FileLimits } | { ok: false; message: string } {
  const raw = env[MAX_FILE_SIZE_VAR];
  if (raw === undefined || raw.trim() === '') return { ok: true, value: DEFAULT_FILE_LIMITS };
  const n = parseSize(raw);
  if (n === undefined || n < 1024 || n > 1 << 30) return { ok: false, message: `${MAX_FILE_SIZE_VAR} must be a size from 1kb to 1024mb, like 256kb or 2mb` };
  return { ok: true, value: { requirements: n, reviews: n } };
}

/** How a command reads requirements files: standard input when it accepts `-`, the limit, and how to raise it. */
export function requirementsReading(io: Io, stdin = true): RequirementsReadOptions {
  return { maxBytes: (io.fileLimits ?? DEFAULT_FILE_LIMITS).requirements, raiseHint: `${MAX_FILE_SIZE_VAR} raises it`, ...(stdin && io.stdin ? { stdin: io.stdin } : {}) };
}
