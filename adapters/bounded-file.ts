import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, isAbsolute, relative } from 'node:path';

/**
 * The one way the CLI and the editor read a requirements, review or catalogue file: a regular file only, whose real
 * path stays inside a folder, read with a byte bound. A committed symbolic link to /dev/zero, a FIFO in the reviews
 * folder or a 2 GB sparse file is refused at once, naming the file, instead of growing memory or hanging.
 */

/** Largest requirements file read by default: the server's default body limit, so both front ends agree. */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024;

/**
 * Largest design review read by default. A review of the largest valid document (200 items) is ~330 KB; a review
 * also repeats the requirements' free text, so the requirements limit would be too tight. Same bound as a catalogue folder.
 */
export const DEFAULT_MAX_REVIEW_BYTES = 4 << 20;

export type FileProblem = 'missing' | 'folder' | 'not_a_file' | 'outside' | 'too_big' | 'unreadable';

export type FileRead = { ok: true; text: string; bytes: number } | { ok: false; problem: FileProblem; message: string };

export interface ReadBounds {
  /** Most bytes read; one more and the file is refused. */
  maxBytes: number;
  /** The folder whose inside the file's real path must stay in (a link out of it is refused). */
  within: string;
}

// O_NOFOLLOW: the real path is opened, so a link swapped in after realpath fails (ELOOP) instead of being followed.
// O_NONBLOCK: opening a FIFO without a writer returns at once (then fstat refuses it) instead of blocking forever.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * Reads `path` (absolute) as UTF-8 within `bounds`; every refusal is data whose message completes "FILE …".
 * @example readBoundedFile('/w/a.statewise.yaml', { maxBytes: 262144, within: '/w' })
 */
export function readBoundedFile(path: string, bounds: ReadBounds): FileRead {
  let real: string;
  try {
    real = realpathSync.native(path);
    const folder = realpathSync.native(bounds.within);
    if (real !== folder && !isInside(real, folder)) {
      return { ok: false, problem: 'outside', message: `is a symbolic link to ${real}, outside ${folder}; statewise reads only files inside the folder` };
    }
  } catch (e) {
    return fromError(e);
  }
  let fd: number;
  try {
    fd = openSync(real, OPEN_FLAGS);
  } catch (e) {
    return fromError(e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return st.isDirectory() ? { ok: false, problem: 'folder', message: 'is a folder, not a file' } : { ok: false, problem: 'not_a_file', message: `is ${kind(st)}, not a regular file` };
    if (st.size > bounds.maxBytes) return tooBig(bounds.maxBytes);
    return readFd(fd, bounds.maxBytes, st.size);
  } catch (e) {
    return fromError(e);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an open descriptor (standard input) to its end, at most `maxBytes`: a pipe from /dev/zero stops one byte
 * past the limit. A non-blocking descriptor that has nothing yet is waited for (EAGAIN), 5 ms at a time.
 */
export function readBoundedFd(fd: number, maxBytes: number, sizeHint = 64 * 1024): FileRead {
  try {
    return readFd(fd, maxBytes, sizeHint);
  } catch (e) {
    return fromError(e);
  }
}

/** The folder a file given on the command line may not leave through a link: cwd when it lies inside, else its own. */
export function boundaryFor(path: string, cwd: string): string {
  return isInside(path, cwd) ? cwd : dirname(path);
}

export function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

function readFd(fd: number, maxBytes: number, sizeHint: number): FileRead {
  // One byte more than the limit is enough to know the file is too big; the size only sizes the first buffer.
  let buffer = Buffer.allocUnsafe(Math.min(maxBytes, Math.max(sizeHint, 0)) + 1);
  let total = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    if (total === buffer.length) {
      if (total > maxBytes) return tooBig(maxBytes);
      const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(bigger, 0, 0, total);
      buffer = bigger;
    }
    let n: number;
    try {
      n = readSync(fd, buffer, total, buffer.length - total, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (n === 0) break;
    total += n;
  }
  if (total > maxBytes) return tooBig(maxBytes);
  return { ok: true, text: buffer.toString('utf8', 0, total), bytes: total };
}

function tooBig(maxBytes: number): FileRead {
  return { ok: false, problem: 'too_big', message: `is larger than ${formatBytes(maxBytes)}, the limit` };
}

/** 262144 → `256 KB`; 4194304 → `4 MB`; 1000 → `1000 bytes`. */
export function formatBytes(n: number): string {
  if (n >= 1 << 20 && n % (1 << 20) === 0) return `${n / (1 << 20)} MB`;
  if (n >= 1024 && n % 1024 === 0) return `${n / 1024} KB`;
  return `${n} bytes`;
}

function kind(st: Stats): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function fromError(e: unknown): FileRead {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing', message: 'no such file' };
  if (code === 'EISDIR') return { ok: false, problem: 'folder', message: 'is a folder, not a file' };
  if (code === 'ELOOP') return { ok: false, problem: 'outside', message: 'became a symbolic link while being read' };
  return { ok: false, problem: 'unreadable', message: `cannot be read (${code ?? String(e)})` };
}
