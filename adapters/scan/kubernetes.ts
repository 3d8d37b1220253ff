import type { Evidence } from '../../rules/index.ts';
import { asArray, asNumber, asRecord, asString, get, type YamlDoc } from './yaml-docs.ts';
import { redisPersistenceOff, storeOfImage } from './stores.ts';

const WORKLOADS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'DaemonSet', 'DeploymentConfig', 'Rollout'];

/** A Kubernetes Service's name → the app its selector picks (ingresses and routes name Services, plans name apps). */
export type ServiceApps = Map<string, string>;

/** The evidence in the Kubernetes objects of one file; Service selectors are recorded in `services`. */
export function extractKubernetes(file: string, docs: readonly YamlDoc[], services: ServiceApps): Evidence[] {
  const out: Evidence[] = [];
  for (const { data, at } of docs) {
    const kind = asString(data.kind);
    const name = asString(get(data, 'metadata', 'name')) ?? '';
    if (!kind || typeof data.apiVersion !== 'string') continue;
    const emit = (k: Evidence['kind'], path: (string | number)[], facts: Evidence['facts']) => out.push({ kind: k, file, ...at(path), facts });
    if (WORKLOADS.includes(kind)) workload(kind, name, data, at, emit);
    else if (kind === 'PersistentVolumeClaim') {
      const app = appLabel(asRecord(get(data, 'metadata', 'labels')));
      if (app) emit('volume-claim', ['kind'], { key: name, workload: app, what: `PersistentVolumeClaim ${name}` });
    } else if (kind === 'Service') {
      const selector = asRecord(get(data, 'spec', 'selector'));
      const app = appLabel(selector) ?? name;
      services.set(name, app);
      if (get(data, 'spec', 'sessionAffinity') === 'ClientIP') emit('sticky-routing', ['spec', 'sessionAffinity'], { key: name, workload: app, mechanism: `Service ${name} sessionAffinity: ClientIP` });
    } else if (kind === 'Ingress') ingress(name, data, at, emit);
    else if (kind === 'DestinationRule') {
      const lb = get(data, 'spec', 'trafficPolicy', 'loadBalancer', 'consistentHash');
      const host = asString(get(data, 'spec', 'host'))?.split('.')[0];
      if (lb && host) emit('sticky-routing', ['spec', 'trafficPolicy', 'loadBalancer', 'consistentHash'], { key: name, workload: host, service: host, mechanism: `Istio DestinationRule ${name} consistentHash` });
    } else if (kind === 'HTTPRoute' || kind === 'GRPCRoute') {
      asArray(get(data, 'spec', 'rules')).forEach((rule, i) => {
        if (!get(rule, 'sessionPersistence')) return;
        for (const ref of asArray(get(rule, 'backendRefs'))) {
          const backend = asString(get(ref, 'name'));
          if (backend) emit('sticky-routing', ['spec', 'rules', i, 'sessionPersistence'], { key: `${name}:${backend}`, workload: backend, service: backend, mechanism: `Gateway API ${kind} ${name} sessionPersistence` });
        }
      });
    } else if (kind === 'HorizontalPodAutoscaler') {
      const target = asString(get(data, 'spec', 'scaleTargetRef', 'name'));
      if (!target) continue;
      const min = asNumber(get(data, 'spec', 'minReplicas')) ?? 1;
      emit('autoscaler', get(data, 'spec', 'minReplicas') === undefined ? ['metadata', 'name'] : ['spec', 'minReplicas'], {
        key: name, name, workload: target, minReplicas: min, maxReplicas: asNumber(get(data, 'spec', 'maxReplicas')),
        scaleDownWindow: asNumber(get(data, 'spec', 'behavior', 'scaleDown', 'stabilizationWindowSeconds')),
      });
    }
  }
  return out;
}

type Emit = (k: Evidence['kind'], path: (string | number)[], facts: Evidence['facts']) => void;

function appLabel(labels: Record<string, unknown>): string | undefined {
  return asString(labels.app) ?? asString(labels['app.kubernetes.io/name']);
}

function workload(kind: string, name: string, data: Record<string, unknown>, at: YamlDoc['at'], emit: Emit): void {
  const app = appLabel(asRecord(get(data, 'spec', 'template', 'metadata', 'labels'))) ?? appLabel(asRecord(get(data, 'metadata', 'labels')));
  const containers = asArray(get(data, 'spec', 'template', 'spec', 'containers'));
  const store = containers.map((c) => storeOfImage(asString(get(c, 'image')))).find(Boolean);
  const claims = asArray(get(data, 'spec', 'volumeClaimTemplates'));
  const podClaims = asArray(get(data, 'spec', 'template', 'spec', 'volumes')).map((v, i) => ({ v, i })).filter(({ v }) => get(v, 'persistentVolumeClaim'));
  const explicit = asNumber(get(data, 'spec', 'replicas'));
  const replicas = kind === 'DaemonSet' ? undefined : explicit ?? 1;
  const base = { workload: name, ...(app && app !== name ? { app } : {}) };
  if (store) {
    const args = containers.flatMap((c) => [...asArray(get(c, 'args')), ...asArray(get(c, 'command'))]).map(String).join(' ');
    const persistent = (claims.length > 0 || podClaims.length > 0) && !(store === 'redis' || store === 'valkey' ? redisPersistenceOff(args) : false);
    const loses = !persistent && (replicas ?? 1) <= 1 ? `${kind} ${name}: no volume claim and ${replicas ?? 1} replica` : undefined;
    emit('store-infra', ['kind'], { key: name, name, technology: store, persistent, replicas, ...(loses ? { loses, lossClass: 'no-persistence', advice: 'a volume claim, or a replica' } : {}) });
    return;
  }
  emit('workload', explicit === undefined ? ['kind'] : ['spec', 'replicas'], { key: name, ...base, kind, replicas });
  if (kind === 'StatefulSet') emit('volume-claim', claims.length ? ['spec', 'volumeClaimTemplates'] : ['kind'], { key: `StatefulSet ${name}`, ...base, what: `StatefulSet ${name}` });
  for (const { v, i } of podClaims) {
    const claim = asString(get(v, 'persistentVolumeClaim', 'claimName')) ?? '';
    emit('volume-claim', ['spec', 'template', 'spec', 'volumes', i], { key: `claim ${claim}`, ...base, what: `the volume claim ${claim} of ${kind} ${name}` });
  }
}

function ingress(name: string, data: Record<string, unknown>, at: YamlDoc['at'], emit: Emit): void {
  const notes = asRecord(get(data, 'metadata', 'annotations'));
  const backends = [...new Set([
    ...asArray(get(data, 'spec', 'rules')).flatMap((r) => asArray(get(r, 'http', 'paths')).map((p) => asString(get(p, 'backend', 'service', 'name')) ?? asString(get(p, 'backend', 'serviceName')))),
    asString(get(data, 'spec', 'defaultBackend', 'service', 'name')),
  ].filter((b): b is string => Boolean(b)))];
  const sticky: [string, string][] = [];
  if (notes['nginx.ingress.kubernetes.io/affinity'] === 'cookie') sticky.push(['nginx.ingress.kubernetes.io/affinity', 'ingress-nginx cookie affinity']);
  if (notes['nginx.ingress.kubernetes.io/upstream-hash-by']) sticky.push(['nginx.ingress.kubernetes.io/upstream-hash-by', 'ingress-nginx upstream-hash-by']);
  if (/stickiness\.enabled=true/.test(asString(notes['alb.ingress.kubernetes.io/target-group-attributes']) ?? '')) sticky.push(['alb.ingress.kubernetes.io/target-group-attributes', 'ALB stickiness']);
  for (const [annotation, mechanism] of sticky) {
    for (const backend of backends) emit('sticky-routing', ['metadata', 'annotations', annotation], { key: `${name}:${backend}`, workload: backend, service: backend, mechanism: `Ingress ${name} ${mechanism}` });
  }
}
