import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { loadEngine } from '../../adapters/index.ts';
import { SHUTDOWN_DEADLINE_MS } from '../../server/config.ts';
import { ROOT } from '../support/cli.ts';
import { envOf, execForm, readDockerfile, stage } from './dockerfile.ts';

/**
 * deploy/kubernetes/: every manifest validates against the Kubernetes schemas (kubernetes-models), always; the base
 * and the production overlay are also rendered with `kubectl kustomize` where kubectl is installed. The figures the
 * manifests rest on (shutdown deadline, port, probes) are checked against the server's code, not restated.
 */
const KUSTOMIZE = join(ROOT, 'deploy', 'kubernetes');
const BASE = join(KUSTOMIZE, 'base');
const PRODUCTION = join(KUSTOMIZE, 'overlays', 'production');
type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const MODELS: Record<string, new (data: any) => { validate(): void }> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
  'v1/Service': Service,
  'v1/Namespace': Namespace,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
};

/** Validates one object with its kubernetes-models class; an unknown kind fails (add its model above). */
function validate(o: Obj, where: string): void {
  const Model = MODELS[`${o.apiVersion}/${o.kind}`];
  if (!Model) throw new Error(`${where}: no schema for ${o.apiVersion} ${o.kind}; add its kubernetes-models class`);
  try {
    new Model(o).validate();
  } catch (e) {
    throw new Error(`${where}: ${o.kind}/${o.metadata?.name} does not match the Kubernetes schema: ${(e as Error).message}`);
  }
}

const yamlDocs = (text: string, where: string): Obj[] => parseAllDocuments(text).map((d) => {
  if (d.errors.length) throw new Error(`${where}: ${d.errors[0]!.message}`);
  return d.toJS() as Obj;
}).filter(Boolean);

const kustomization = (dir: string): Obj => yamlDocs(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'), dir)[0]!;
const fileDocs = (path: string): Obj[] => yamlDocs(readFileSync(path, 'utf8'), relative(ROOT, path));

/**
 * A strategic merge of the overlay's patches as far as they use it: maps merge, lists of maps merge by their key
 * (name, topologyKey, mountPath), other lists are replaced. Enough to validate each patch on top of the base here;
 * `kubectl kustomize` (below) is the real renderer.
 */
function merge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(patch)) {
    const key = ['name', 'topologyKey', 'mountPath'].find((k) => patch.every((p) => p && typeof p === 'object' && k in p));
    if (!key) return patch;
    const out = base.map((b) => ({ ...b }));
    for (const p of patch) {
      const i = out.findIndex((b) => b[key] === p[key]);
      if (i >= 0) out[i] = merge(out[i], p);
      else out.unshift(p);
    }
    return out;
  }
  if (base && patch && typeof base === 'object' && typeof patch === 'object' && !Array.isArray(base)) {
    const out: Obj = { ...(base as Obj) };
    for (const [k, v] of Object.entries(patch as Obj)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return patch;
}

/** The base's resources, with each production patch merged onto the object it names. */
function productionFromSources(): Obj[] {
  const base = (kustomization(BASE).resources as string[]).flatMap((r) => fileDocs(join(BASE, r)));
  const prod = kustomization(PRODUCTION);
  return base.map((o) => {
    let out = o;
    for (const p of prod.patches as { path: string }[]) {
      for (const patch of fileDocs(join(PRODUCTION, p.path))) {
        if (patch.kind === o.kind && patch.metadata.name === o.metadata.name) out = merge(out, patch) as Obj;
      }
    }
    return out;
  });
}

const find = (objs: Obj[], kind: string): Obj => {
  const o = objs.find((x) => x.kind === kind);
  if (!o) throw new Error(`no ${kind} among ${objs.map((x) => x.kind).join(', ')}`);
  return o;
};

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;

describe('Kubernetes manifests (deploy/kubernetes)', () => {
  it('every file a kustomization lists exists, and every complete manifest matches the Kubernetes schemas', () => {
    let validated = 0;
    for (const dir of [BASE, PRODUCTION]) {
      const k = kustomization(dir);
      const listed = [...(k.resources ?? []), ...(k.patches ?? []).map((p: { path: string }) => p.path),
        ...(k.configMapGenerator ?? []).flatMap((g: { files: string[] }) => g.files)] as string[];
      for (const f of listed) expect(existsSync(join(dir, f)), `${relative(ROOT, dir)} lists ${f}`).toBe(true);
      for (const r of k.resources ?? []) {
        if (existsSync(join(dir, r, 'kustomization.yaml'))) continue;
        for (const o of fileDocs(join(dir, r))) { validate(o, relative(ROOT, join(dir, r))); validated++; }
      }
    }
    for (const o of productionFromSources()) { validate(o, 'base + production patches'); validated++; }
    expect(validated).toBeGreaterThanOrEqual(11);
  });

  // kubernetes-models' schemas allow fields they do not know, so a misspelt optional field (minReplica) passes
  // here; `kubectl apply --validate=strict` against a cluster is what catches those.
  it('the schema check itself refuses a broken manifest (a port that is not a number, a required field missing)', () => {
    const d = structuredClone(find(productionFromSources(), 'Deployment'));
    d.spec.template.spec.containers[0].ports[0].containerPort = '8787';
    expect(() => validate(d, 'mutated')).toThrow(/containerPort must be integer/);
    const h = structuredClone(find(productionFromSources(), 'HorizontalPodAutoscaler'));
    delete h.spec.maxReplicas;
    expect(() => validate(h, 'mutated')).toThrow(/maxReplicas/);
  });

  it('shutdown timings cover what the server does on SIGTERM (server/config.ts SHUTDOWN_DEADLINE_MS, cluster +2 s)', () => {
    const pod = find(productionFromSources(), 'Deployment').spec.template.spec;
    const c = pod.containers[0];
    const [cmd, seconds] = c.lifecycle.preStop.exec.command as string[];
    expect(cmd).toBe('sleep');
    const preStop = Number(seconds);
    expect(preStop).toBeGreaterThanOrEqual(3);
    // The primary of --workers N waits SHUTDOWN_DEADLINE_MS + 2 s before SIGKILL (server/cluster.ts).
    expect(pod.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(preStop + SHUTDOWN_DEADLINE_MS / 1000 + 2);
    expect(readFileSync(join(ROOT, 'server', 'cluster.ts'), 'utf8')).toContain('SHUTDOWN_DEADLINE_MS + 2_000');
  });

  it('probes /healthz on the port the server listens on; restricted securityContext; keys from the Secret', () => {
    const objs = productionFromSources();
    const d = find(objs, 'Deployment');
    const pod = d.spec.template.spec;
    const c = pod.containers[0];
    const env = Object.fromEntries((c.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    const port = c.ports.find((p: Obj) => p.name === 'http');
    expect(port.containerPort).toBe(Number(env.PORT));
    expect(env.HOST).toBe('0.0.0.0');
    for (const probe of ['startupProbe', 'readinessProbe', 'livenessProbe']) {
      expect(c[probe].httpGet, probe).toEqual({ path: '/healthz', port: 'http' });
    }
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(c.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    // V8's heap limit sits below the container's memory limit.
    const limitMi = Number(/^(\d+)Mi$/.exec(c.resources.limits.memory)![1]);
    expect(Number(/--max-old-space-size=(\d+)/.exec(env.NODE_OPTIONS!)![1])).toBeLessThan(limitMi);
    // API keys: the file the server reads lies in the mounted Secret volume, which is not optional.
    const keys = pod.volumes.find((v: Obj) => v.secret);
    const mount = c.volumeMounts.find((m: Obj) => m.name === keys.name);
    expect(env.STATEWISE_API_KEYS_FILE!.startsWith(`${mount.mountPath}/`)).toBe(true);
    expect(keys.secret.optional).toBe(false);
    // The Service, the PodDisruptionBudget and the autoscaler reach exactly these pods.
    const labels = d.spec.template.metadata.labels as Record<string, string>;
    expect(Object.keys(labels).length).toBeGreaterThan(0);
    expect(d.spec.selector.matchLabels).toEqual(labels);
    expect(find(objs, 'PodDisruptionBudget').spec.selector.matchLabels).toEqual(labels);
    const svc = find(objs, 'Service');
    for (const [k, v] of Object.entries(svc.spec.selector)) expect(labels[k]).toBe(v);
    expect(svc.spec.ports[0].targetPort).toBe('http');
    const hpa = find(objs, 'HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name });
    expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
  });

  it('NetworkPolicy: ingress to exactly these pods, only on the port the Service targets, and nothing else', () => {
    const objs = productionFromSources();
    const policy = find(objs, 'NetworkPolicy');
    const d = find(objs, 'Deployment');
    expect(policy.spec.podSelector.matchLabels).toEqual(d.spec.template.metadata.labels);
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    const ports = (policy.spec.ingress as Obj[]).flatMap((rule) => rule.ports as Obj[]);
    expect(ports).toEqual([{ port: find(objs, 'Service').spec.ports[0].targetPort, protocol: 'TCP' }]);
    expect(d.spec.template.spec.containers[0].ports.map((p: Obj) => p.name)).toContain(ports[0]!.port);
    // The schema check refuses a policy whose port is neither a number nor a name.
    const broken = structuredClone(policy);
    broken.spec.ingress[0].ports[0].port = { name: 'http' };
    expect(() => validate(broken, 'mutated')).toThrow();
  });

  it('advice threads are set for the CPU limit, and the memory limit is sized from the measurement (README, Reliability)', () => {
    const c = find(productionFromSources(), 'Deployment').spec.template.spec.containers[0];
    const env = Object.fromEntries((c.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
    // One thread per CPU of the limit, as server/cpu-quota.ts would derive from the container's quota (rounded up).
    const cpus = Number(String(c.resources.limits.cpu).replace(/m$/, '')) / (String(c.resources.limits.cpu).endsWith('m') ? 1000 : 1);
    expect(Number(env.STATEWISE_ADVICE_THREADS)).toBe(Math.ceil(cpus));
    // Measured peak with one thread: 247 MiB (scripts/reliability/serve-rss.ts); the limit keeps at least 25% over it.
    const limitMi = Number(/^(\d+)Mi$/.exec(c.resources.limits.memory)![1]);
    expect(limitMi).toBeGreaterThanOrEqual(Math.ceil(247 * 1.25));
    expect(Number(/^(\d+)Mi$/.exec(c.resources.requests.memory)![1])).toBeLessThanOrEqual(limitMi);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toMatch(/247 MiB/);
  });

  it('the custom catalogue: every ConfigMap file is mounted as a regular file (subPath) in STATEWISE_RULES and loads', () => {
    const prod = kustomization(PRODUCTION);
    const files = (prod.configMapGenerator as { name: string; files: string[] }[]).find((g) => g.name === 'statewise-rules')!.files;
    const c = find(productionFromSources(), 'Deployment').spec.template.spec.containers[0];
    const rulesDir = (c.env as { name: string; value: string }[]).find((e) => e.name === 'STATEWISE_RULES')!.value;
    for (const f of files) {
      const name = f.split('/').pop()!;
      expect(c.volumeMounts, name).toContainEqual(expect.objectContaining({ mountPath: `${rulesDir}/${name}`, subPath: name }));
    }
    const dirs = [...new Set(files.map((f) => dirname(join(PRODUCTION, f))))];
    expect(dirs).toHaveLength(1);
    expect(readdirSync(dirs[0]!).filter((f) => /\.ya?ml$/.test(f)).sort()).toEqual(files.map((f) => f.split('/').pop()).sort());
    const engine = loadEngine(dirs[0]!);
    expect(engine.ok ? engine.value.rulesVersion : engine.issues).toMatch(/\+custom\./);
  });

  it('the Dockerfile: Node 20 slim, non-root, production dependencies without scripts, compiled JavaScript, HEALTHCHECK on /healthz, Node reached by signals', () => {
    const stages = readDockerfile();
    const runtime = stage(stages, 'runtime');
    const base = stage(stages, runtime.from);
    // Pinned by digest (issue 28): a tag alone can be re-pushed under the build.
    expect(base.from).toMatch(/^node:20\.\d+\.\d+-\w+-slim@sha256:[0-9a-f]{64}$/);
    expect(stage(stages, 'build').from).toBe(base.from);
    const runs = runtime.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
    expect(runs.some((r) => /npm ci\b.*--omit=dev/.test(r) && r.includes('--ignore-scripts'))).toBe(true);
    expect(runtime.instructions.some((i) => i.op === 'COPY' && i.flags.from === 'build' && /dist\/?\s/.test(i.args))).toBe(true);
    expect(runtime.instructions.filter((i) => i.op === 'USER').at(-1)?.args).toBe('node');
    expect(envOf(stages, 'runtime')).toMatchObject({ STATEWISE_RUN: 'dist', HOST: '0.0.0.0', PORT: '8787' });
    const health = runtime.instructions.find((i) => i.op === 'HEALTHCHECK')!;
    expect(health.args).toMatch(/^CMD \[/);
    expect(health.args).toContain('/healthz');
    const entry = execForm(runtime.instructions.find((i) => i.op === 'ENTRYPOINT'));
    expect(entry?.slice(-2)).toEqual(['node', 'bin/statewise.js']);
    expect(entry?.[0]).toBe('/usr/bin/tini');
    expect(execForm(runtime.instructions.find((i) => i.op === 'CMD'))).toEqual(['serve']);
    const ignore = readFileSync(join(ROOT, '.dockerignore'), 'utf8').split('\n');
    for (const p of ['**/node_modules', 'dist', '.git']) expect(ignore).toContain(p);
  });

  it.skipIf(!kubectl)('renders with kubectl kustomize: base and production validate; production names its ConfigMap, namespace and image', () => {
    const render = (dir: string) => yamlDocs(execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', timeout: 60_000 }), `kubectl kustomize ${relative(ROOT, dir)}`);
    for (const o of render(BASE)) validate(o, 'rendered base');
    const prod = render(PRODUCTION);
    for (const o of prod) validate(o, 'rendered production');
    expect(prod.map((o) => o.kind).sort()).toEqual(['ConfigMap', 'Deployment', 'HorizontalPodAutoscaler', 'Namespace', 'NetworkPolicy', 'PodDisruptionBudget', 'Service']);
    expect(find(prod, 'NetworkPolicy').spec.podSelector.matchLabels).toEqual(find(prod, 'Deployment').spec.template.metadata.labels);
    const ns = find(prod, 'Namespace').metadata.name;
    for (const o of prod.filter((x) => x.kind !== 'Namespace')) expect(o.metadata.namespace, o.kind).toBe(ns);
    expect(find(prod, 'Namespace').metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    const cm = find(prod, 'ConfigMap');
    expect(cm.metadata.name).toMatch(/^statewise-rules-[a-z0-9]{10}$/);
    const pod = find(prod, 'Deployment').spec.template.spec;
    expect(pod.volumes.find((v: Obj) => v.configMap).configMap.name).toBe(cm.metadata.name);
    expect(cm.data['platform.yaml']).toBe(readFileSync(join(PRODUCTION, 'rules', 'platform.yaml'), 'utf8'));
    expect(pod.containers[0].image).toMatch(/^[\w.-]+\/[\w./-]+:[\w.-]+$/);
    // kustomize's own strategic merge keeps both spread constraints, like the merge the schema test uses.
    expect(pod.topologySpreadConstraints.map((t: Obj) => t.topologyKey).sort()).toEqual(['kubernetes.io/hostname', 'topology.kubernetes.io/zone']);
    const fromSources = find(productionFromSources(), 'Deployment').spec.template.spec;
    expect(pod.containers[0].env).toEqual(expect.arrayContaining(fromSources.containers[0].env));
  });
  if (!kubectl) it('kubectl kustomize: skipped, kubectl is not installed here (the schema checks above still ran)', () => { expect(kubectl).toBe(false); });
});
