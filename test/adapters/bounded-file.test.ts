import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBytes, readBoundedFd, readBoundedFile } from '../../adapters/index.ts';

/**
 * The one bounded reader (adapters/bounded-file.ts) on real files, links, a FIFO and a device. Nothing here may
 * block: a FIFO without a writer and /dev/zero are exactly what an unbounded read hangs or grows on.
 */
const dir = mkdtempSync(join(tmpdir(), 'statewise-bounded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (name: string) => join(dir, name);
const bounds = (maxBytes = 1000) => ({ maxBytes, within: dir });

describe('readBoundedFile', () => {
  it('reads a regular file inside the folder, and one exactly at the limit', () => {
    writeFileSync(at('a.yaml'), 'service: a\n');
    expect(readBoundedFile(at('a.yaml'), bounds())).toEqual({ ok: true, text: 'service: a\n', bytes: 11 });
    writeFileSync(at('exact.yaml'), 'x'.repeat(1000));
    const read = readBoundedFile(at('exact.yaml'), bounds(1000));
    expect(read.ok && read.bytes).toBe(1000);
  });

  it('refuses a file one byte over the limit, and a 2 GB sparse file without reading it', () => {
    writeFileSync(at('over.yaml'), 'x'.repeat(1001));
    expect(readBoundedFile(at('over.yaml'), bounds(1000))).toEqual({ ok: false, problem: 'too_big', message: 'is larger than 1000 bytes, the limit' });
    writeFileSync(at('sparse.yaml'), '');
    truncateSync(at('sparse.yaml'), 2 ** 31);
    const t = performance.now();
    expect(readBoundedFile(at('sparse.yaml'), bounds(256 * 1024))).toMatchObject({ ok: false, problem: 'too_big', message: 'is larger than 256 KB, the limit' });
    expect(performance.now() - t).toBeLessThan(100);
  });

  it('refuses a link whose target leaves the folder (/dev/zero, a file elsewhere), naming the target', () => {
    symlinkSync('/dev/zero', at('zero.yaml'));
    expect(readBoundedFile(at('zero.yaml'), bounds())).toMatchObject({ ok: false, problem: 'outside', message: expect.stringContaining('symbolic link to /dev/zero') });
    const elsewhere = mkdtempSync(join(tmpdir(), 'statewise-elsewhere-'));
    try {
      writeFileSync(join(elsewhere, 'secret'), 'password: hunter2\n');
      symlinkSync(join(elsewhere, 'secret'), at('secret.yaml'));
      const read = readBoundedFile(at('secret.yaml'), bounds());
      expect(read).toMatchObject({ ok: false, problem: 'outside' });
      expect(JSON.stringify(read)).not.toContain('hunter2');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('follows a link that stays inside the folder', () => {
    mkdirSync(at('shared'));
    writeFileSync(at('shared/b.yaml'), 'service: b\n');
    symlinkSync(join('shared', 'b.yaml'), at('b.yaml'));
    expect(readBoundedFile(at('b.yaml'), bounds())).toMatchObject({ ok: true, text: 'service: b\n' });
  });

  it('refuses a FIFO without waiting for a writer, and a device', () => {
    execFileSync('mkfifo', [at('fifo.yaml')]);
    const t = performance.now();
    expect(readBoundedFile(at('fifo.yaml'), bounds())).toEqual({ ok: false, problem: 'not_a_file', message: 'is a FIFO (named pipe), not a regular file' });
    expect(performance.now() - t).toBeLessThan(100);
    // The folder / holds /dev/zero, so the boundary lets it through and the file-type check must refuse it.
    expect(readBoundedFile('/dev/zero', { maxBytes: 1000, within: '/' })).toEqual({ ok: false, problem: 'not_a_file', message: 'is a character device, not a regular file' });
  });

  it('says what is missing or a folder', () => {
    expect(readBoundedFile(at('nope.yaml'), bounds())).toMatchObject({ ok: false, problem: 'missing' });
    mkdirSync(at('folder.yaml'));
    expect(readBoundedFile(at('folder.yaml'), bounds())).toMatchObject({ ok: false, problem: 'folder' });
  });
});

describe('readBoundedFd (standard input)', () => {
  it('stops one byte past the limit on an endless stream (/dev/zero)', () => {
    const fd = openSync('/dev/zero', 'r');
    try {
      expect(readBoundedFd(fd, 300_000)).toMatchObject({ ok: false, problem: 'too_big' });
    } finally {
      closeSync(fd);
    }
  });

  it('reads a stream to its end when it fits, however the first buffer was sized', () => {
    writeFileSync(at('stream.txt'), 'y'.repeat(5000));
    const fd = openSync(at('stream.txt'), 'r');
    try {
      expect(readBoundedFd(fd, 5000, 10)).toEqual({ ok: true, text: 'y'.repeat(5000), bytes: 5000 });
    } finally {
      closeSync(fd);
    }
  });
});

describe('formatBytes', () => {
  it('says whole KB and MB as such, anything else in bytes', () => {
    expect([formatBytes(262_144), formatBytes(4_194_304), formatBytes(1000), formatBytes(1536), formatBytes(1024 * 1024 + 1024)]).toEqual(['256 KB', '4 MB', '1000 bytes', '1536 bytes', '1025 KB']);
  });
});
