import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../server/config.ts';
import { cgroupCpuQuota, cpuInfo, describeCpus } from '../../server/cpu-quota.ts';

/**
 * The cgroup CPU quota (issue 28), read from quota files a test writes into a folder of its own laid out like
 * /sys/fs/cgroup, with its own /proc/self/cgroup. Expected figures are quota ÷ period worked out by hand.
 */
let root: string;
const write = (path: string, text: string) => { mkdirSync(dirname(join(root, path)), { recursive: true }); writeFileSync(join(root, path), text); };
const self = (text: string) => { write('self-cgroup', text); return { root, selfCgroup: join(root, 'self-cgroup') }; };

beforeEach(() => { root = mkdtempSync(join(tmpdir(), 'statewise-cgroup-')); });
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('cgroup v2 cpu.max', () => {
  it('100000 100000 is 1 CPU; max is no quota', () => {
    const options = self('0::/\n');
    write('cpu.max', '100000 100000\n');
    expect(cgroupCpuQuota(options)).toEqual({ cpus: 1, file: join(root, 'cpu.max') });
    write('cpu.max', 'max 100000\n');
    expect(cgroupCpuQuota(options)).toBeUndefined();
  });

  it('the lowest quota of the process cgroup and its ancestors wins: 150000/100000 = 1.5 below 200000/100000 = 2', () => {
    const options = self('0::/kubepods/pod1/ctr\n');
    write('kubepods/pod1/ctr/cpu.max', '200000 100000\n');
    write('kubepods/pod1/cpu.max', '150000 100000\n');
    write('kubepods/cpu.max', 'max 100000\n');
    expect(cgroupCpuQuota(options)).toEqual({ cpus: 1.5, file: join(root, 'kubepods/pod1/cpu.max') });
  });
});

describe('cgroup v1 cpu.cfs_quota_us / cpu.cfs_period_us', () => {
  it('50000 / 100000 is half a CPU; -1 is no quota', () => {
    const options = self('12:memory:/x\n4:cpu,cpuacct:/docker/abc\n');
    write('cpu,cpuacct/docker/abc/cpu.cfs_quota_us', '50000\n');
    write('cpu,cpuacct/docker/abc/cpu.cfs_period_us', '100000\n');
    expect(cgroupCpuQuota(options)).toEqual({ cpus: 0.5, file: join(root, 'cpu,cpuacct/docker/abc/cpu.cfs_quota_us') });
    write('cpu,cpuacct/docker/abc/cpu.cfs_quota_us', '-1\n');
    expect(cgroupCpuQuota(options)).toBeUndefined();
  });
});

describe('the thread default follows the quota', () => {
  it('16 cores with a 1-CPU quota: sized for 1, so auto gives 1 advice thread (it gave 16); without the file: 16', () => {
    const options = self('0::/\n');
    write('cpu.max', '100000 100000\n');
    const limited = cpuInfo({ ...options, cores: 16 });
    expect(limited).toEqual({ cores: 16, quota: { cpus: 1, file: join(root, 'cpu.max') }, effective: 1 });
    const config = resolveConfig({}, {}, '/', limited);
    expect(config.ok && [config.config.adviceThreads, config.config.workers]).toEqual([1, 1]);
    const auto = resolveConfig({ workers: 'auto' }, {}, '/', limited);
    expect(auto.ok && [auto.config.workers, auto.config.adviceThreads]).toEqual([1, 1]);
    expect(describeCpus(limited)).toBe(`16 cores, cgroup CPU quota 1 (${join(root, 'cpu.max')}) → sized for 1`);

    rmSync(join(root, 'cpu.max'));
    const free = cpuInfo({ ...options, cores: 16 });
    expect(free).toEqual({ cores: 16, quota: undefined, effective: 16 });
    const unlimited = resolveConfig({}, {}, '/', free);
    expect(unlimited.ok && unlimited.config.adviceThreads).toBe(16);
    expect(describeCpus(free)).toBe('16 cores, no cgroup CPU quota');
  });

  it('a fractional quota rounds up (1.5 → 2, 2.0 → 2, 0.25 → 1), never above the cores', () => {
    const options = self('0::/\n');
    for (const [quota, cores, effective] of [['150000 100000', 16, 2], ['200000 100000', 16, 2], ['25000 100000', 16, 1], ['800000 100000', 4, 4]] as const) {
      write('cpu.max', `${quota}\n`);
      expect(cpuInfo({ ...options, cores }).effective, quota).toBe(effective);
    }
  });

  it('an explicit --advice-threads still wins over the quota; --max-batches on the event loop follows it', () => {
    const options = self('0::/\n');
    write('cpu.max', '100000 100000\n');
    const limited = cpuInfo({ ...options, cores: 16 });
    const explicit = resolveConfig({ 'advice-threads': '4' }, {}, '/', limited);
    expect(explicit.ok && explicit.config.adviceThreads).toBe(4);
    const inline = resolveConfig({ 'advice-threads': '0' }, {}, '/', limited);
    expect(inline.ok && inline.config.maxBatches).toBe(2);
  });
});
