import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedHostsFor, resolveConfig } from '../../server/config.ts';

const dir = mkdtempSync(join(tmpdir(), 'statewise-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fixed machine (2 cores, no cgroup quota), so the defaults sized from it are known here. */
const CPUS = { cores: 2, quota: undefined, effective: 2 };
const ok = (values: Record<string, string | boolean | string[]>, env: NodeJS.ProcessEnv = {}) => {
  const r = resolveConfig(values, env, dir, CPUS);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.config;
};
const errors = (values: Record<string, string | boolean | string[]>, env: NodeJS.ProcessEnv = {}) => {
  const r = resolveConfig(values, env, dir);
  return r.ok ? [] : r.errors;
};

describe('serve configuration', () => {
  it('defaults to 127.0.0.1:8787, one worker, 256 KB bodies, no keys, no CORS, access log on, 256 cached answers', () => {
    expect(ok({})).toEqual({
      port: 8787, host: '127.0.0.1', workers: 1, apiKeys: [], bodyLimitBytes: 262144, corsOrigins: [], quiet: false,
      allowedHosts: [],
      // One process: every core runs advice threads (at least one), 64 tasks may wait, and a batch may hold any of
      // those slots (running or waiting).
      adviceThreads: 2, adviceQueue: 256, maxBatches: 2 + 256,
      answerCache: 256, cpus: CPUS,
    });
  });

  it('allowed hosts: loopback names when bound to loopback, the configured ones otherwise, * for any', () => {
    expect(ok({ 'allowed-host': ['API.example.com'] })).toMatchObject({ allowedHosts: ['api.example.com'] });
    expect(ok({}, { STATEWISE_ALLOWED_HOSTS: 'a.example, [::1]' })).toMatchObject({ allowedHosts: ['a.example', '[::1]'] });
    expect(errors({ 'allowed-host': ['http://x'] })).toEqual([expect.stringMatching(/^--allowed-host: each allowed host/)]);
    expect(allowedHostsFor('127.0.0.1', [])).toEqual(['localhost', '127.0.0.1', '[::1]']);
    expect(allowedHostsFor('::1', ['dev.local'])).toEqual(['localhost', '127.0.0.1', '[::1]', 'dev.local']);
    expect(allowedHostsFor('0.0.0.0', [])).toBeUndefined();
    expect(allowedHostsFor('0.0.0.0', ['api.example.com'])).toEqual(['api.example.com']);
    expect(allowedHostsFor('127.0.0.1', ['*'])).toBeUndefined();
    expect(ok({ 'max-batches': '4' }).maxBatches).toBe(4);
    expect(errors({ 'max-batches': '0' })).toEqual([expect.stringMatching(/^--max-batches:/)]);
  });

  it('reads environment variables, and flags win over them', () => {
    const env = { PORT: '9000', HOST: '0.0.0.0', STATEWISE_WORKERS: '3', STATEWISE_BODY_LIMIT: '1mb', STATEWISE_CORS_ORIGINS: 'https://a.example.com, https://b.example.com', STATEWISE_QUIET: '1' };
    expect(ok({}, env)).toMatchObject({ port: 9000, host: '0.0.0.0', workers: 3, bodyLimitBytes: 1 << 20, corsOrigins: ['https://a.example.com', 'https://b.example.com'], quiet: true });
    expect(ok({ port: '9100', 'cors-origin': ['http://localhost:3000'] }, env)).toMatchObject({ port: 9100, corsOrigins: ['http://localhost:3000'] });
  });

  it('understands sizes and --workers auto', () => {
    expect(ok({ 'body-limit': '64k' }).bodyLimitBytes).toBe(65536);
    expect(ok({ 'body-limit': '2048' }).bodyLimitBytes).toBe(2048);
    expect(ok({ workers: 'auto' }).workers).toBe(CPUS.effective);
  });

  it('reads API keys from a file (comments and blank lines skipped) and from STATEWISE_API_KEYS', () => {
    const file = join(dir, 'keys.txt');
    writeFileSync(file, '# team keys\nsw_portal_0123456789abcdef\n\nsw_ci_0123456789abcdef01\n');
    expect(ok({ 'api-keys-file': 'keys.txt' }, { STATEWISE_API_KEYS: 'sw_env_0123456789abcdef' }).apiKeys)
      .toEqual(['sw_env_0123456789abcdef', 'sw_portal_0123456789abcdef', 'sw_ci_0123456789abcdef01']);
  });

  it('names the flag or variable behind each bad value', () => {
    expect(errors({ port: '-1' })).toEqual(['--port: must be a whole number']);
    expect(errors({}, { PORT: '70000' })[0]).toMatch(/^PORT: /);
    expect(errors({ host: 'bad host!' })).toEqual(['--host: must be a host name or IP address']);
    expect(errors({ workers: '0' })[0]).toMatch(/^--workers: /);
    expect(errors({ 'body-limit': '10' })).toEqual(['--body-limit: must be at least 1kb']);
    expect(errors({ 'cors-origin': ['*'] })[0]).toMatch(/^--cors-origin: /);
    expect(errors({ 'api-keys-file': 'missing.txt' })).toEqual(['--api-keys-file: cannot read missing.txt (ENOENT)']);
  });

  it('never repeats a key in a message', () => {
    const errs = errors({}, { STATEWISE_API_KEYS: 'has spaces but long enough!!' });
    expect(errs.join('\n')).toMatch(/STATEWISE_API_KEYS: each API key must be a bearer token/);
    expect(errs.join('\n')).not.toContain('long enough');
  });
});
