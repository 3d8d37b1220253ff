import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, posix } from 'node:path';

/**
 * The CPUs this process may really use. availableParallelism() counts the CPUs it may run on, not its cgroup CPU
 * quota: a pod limited to one CPU on a 16-core node saw 16 and started 16 advice threads (idle RSS ~510 MB against
 * ~120 MB with 2). The quota is read from cgroup v2 `cpu.max` or v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`, in
 * this process's cgroup (from /proc/self/cgroup) and its ancestors, the lowest one winning.
 */

export interface CpuQuotaOptions {
  /** Where the cgroup file systems are mounted (default /sys/fs/cgroup; a test gives a folder of its own). */
  root?: string;
  /** This process's cgroup membership (default /proc/self/cgroup). */
  selfCgroup?: string;
}

export interface CpuQuota {
  /** quota ÷ period, e.g. 1.5 for `150000 100000`. */
  cpus: number;
  /** The file the quota was read from. */
  file: string;
}

export interface CpuInfo {
  /** availableParallelism(): the CPUs the process may run on. */
  cores: number;
  /** The cgroup CPU quota, when one is set. */
  quota: CpuQuota | undefined;
  /** What defaults are sized from: the cores, or the quota rounded up (at least 1) when it is lower. */
  effective: number;
}

/**
 * The lowest cgroup CPU quota over this process's cgroups (v2 and v1), or undefined when none is set or readable.
 * @example cgroupCpuQuota({ root: dir, selfCgroup: join(dir, 'self') }) → { cpus: 1, file: `${dir}/cpu.max` }
 */
export function cgroupCpuQuota(options: CpuQuotaOptions = {}): CpuQuota | undefined {
  const root = options.root ?? '/sys/fs/cgroup';
  const membership = readSmall(options.selfCgroup ?? '/proc/self/cgroup') ?? '0::/\n';
  const found: CpuQuota[] = [];
  for (const line of membership.split('\n')) {
    const m = /^(\d+):([^:]*):(.*)$/.exec(line.trim());
    if (!m) continue;
    const [, , controllers, path] = m as unknown as [string, string, string, string];
    if (controllers === '') {
      // v2: one unified hierarchy mounted at root.
      for (const dir of ancestors(path)) {
        const file = join(root, dir, 'cpu.max');
        const q = parseV2(readSmall(file), file);
        if (q) found.push(q);
      }
    } else if (controllers.split(',').includes('cpu')) {
      // v1: the cpu controller's own hierarchy, mounted as cpu, cpu,cpuacct or cpuacct,cpu.
      for (const mount of new Set(['cpu', controllers, 'cpu,cpuacct', 'cpuacct,cpu'])) {
        for (const dir of ancestors(path)) {
          const base = join(root, mount, dir);
          const q = parseV1(readSmall(join(base, 'cpu.cfs_quota_us')), readSmall(join(base, 'cpu.cfs_period_us')), join(base, 'cpu.cfs_quota_us'));
          if (q) found.push(q);
        }
      }
    }
  }
  return found.reduce<CpuQuota | undefined>((low, q) => (low === undefined || q.cpus < low.cpus ? q : low), undefined);
}

/**
 * The cores and the quota, and the CPU count defaults are sized from: the quota rounded up (as Go and the JVM do:
 * 1.5 CPUs → 2) when it is lower than the cores, at least 1.
 */
export function cpuInfo(options: CpuQuotaOptions & { cores?: number } = {}): CpuInfo {
  const cores = options.cores ?? availableParallelism();
  const quota = cgroupCpuQuota(options);
  const effective = quota ? Math.max(1, Math.min(cores, Math.ceil(quota.cpus - 1e-9))) : cores;
  return { cores, quota, effective };
}

/** For the start-up line: `16 cores, cgroup CPU quota 1 (/sys/fs/cgroup/cpu.max) → sized for 1`. */
export function describeCpus(info: CpuInfo): string {
  const cores = `${info.cores} core${info.cores === 1 ? '' : 's'}`;
  if (!info.quota) return `${cores}, no cgroup CPU quota`;
  return `${cores}, cgroup CPU quota ${Math.round(info.quota.cpus * 100) / 100} (${info.quota.file}) → sized for ${info.effective}`;
}

/** `/a/b` → `/a/b`, `/a`, `/`. */
function ancestors(path: string): string[] {
  const out: string[] = [];
  let p = posix.normalize(path.startsWith('/') ? path : `/${path}`);
  for (;;) {
    out.push(p);
    if (p === '/') return out;
    p = posix.dirname(p);
  }
}

/** `max 100000` → none; `150000 100000` → 1.5. */
function parseV2(text: string | undefined, file: string): CpuQuota | undefined {
  const m = text && /^(max|\d+)(?:\s+(\d+))?\s*$/.exec(text.trim());
  if (!m || m[1] === 'max') return undefined;
  const period = Number(m[2] ?? 100_000);
  return period > 0 && Number(m[1]) > 0 ? { cpus: Number(m[1]) / period, file } : undefined;
}

/** quota -1 → none; 100000 / 100000 → 1. */
function parseV1(quota: string | undefined, period: string | undefined, file: string): CpuQuota | undefined {
  const q = Number(quota?.trim());
  const p = Number(period?.trim());
  return Number.isFinite(q) && q > 0 && Number.isFinite(p) && p > 0 ? { cpus: q / p, file } : undefined;
}

/** A pseudo-file of a few bytes, or undefined when absent or unreadable (no cgroup, another OS). */
function readSmall(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').slice(0, 4096);
  } catch {
    return undefined;
  }
}
