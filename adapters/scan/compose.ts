import type { Evidence } from '../../rules/index.ts';
import { asArray, asNumber, asRecord, asString, get, type YamlDoc } from './yaml-docs.ts';
import { redisPersistenceOff, storeOfImage } from './stores.ts';

export const COMPOSE_FILE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;

/** The evidence in a compose file: each service is a workload (its key), or a store when its image is one. */
export function extractCompose(file: string, docs: readonly YamlDoc[]): Evidence[] {
  const out: Evidence[] = [];
  for (const { data, at } of docs) {
    for (const [key, svc] of Object.entries(asRecord(data.services))) {
      const store = storeOfImage(asString(get(svc, 'image')));
      const replicas = asNumber(get(svc, 'deploy', 'replicas'));
      if (store) {
        const command = [get(svc, 'command')].flat().map((c) => (c === undefined ? '' : String(c))).join(' ');
        const persistent = asArray(get(svc, 'volumes')).length > 0 && !((store === 'redis' || store === 'valkey') && redisPersistenceOff(command));
        const loses = !persistent && (replicas ?? 1) <= 1 ? `compose service ${key}: no volume and one replica` : undefined;
        out.push({ kind: 'store-infra', file, ...at(['services', key]), facts: { key, name: key, technology: store, persistent, ...(loses ? { loses, lossClass: 'no-persistence', advice: 'a volume for its data, or a replica' } : {}) } });
      } else {
        out.push({ kind: 'workload', file, ...at(replicas === undefined ? ['services', key] : ['services', key, 'deploy', 'replicas']), facts: { key, workload: key, kind: 'compose service', ...(replicas === undefined ? {} : { replicas }) } });
      }
    }
  }
  return out;
}
