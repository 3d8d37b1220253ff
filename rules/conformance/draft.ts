import { KNOWN_STORES } from '../contract/requirements.ts';
import { fact, type Evidence } from './evidence.ts';

/** A drafted value and where it came from (`file:line (what)`), or why it is only a default. */
interface Guess<T> { value: T; from: string }

const where = (e: Evidence, what: string) => `${e.file}:${e.line} (${what})`;
const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 64) || 'state';

/** How a store's item is drafted: a cache holds per-session data for hours, a database records that last. */
const ITEM_SHAPE: Record<string, string[]> = {
  redis: ['owner: session', 'lifetime: hours', 'lossImpact: annoying # default'],
  valkey: ['owner: session', 'lifetime: hours', 'lossImpact: annoying # default'],
  memcached: ['owner: session', 'lifetime: hours', 'lossImpact: none # a cache'],
  ...Object.fromEntries(['postgres', 'mysql', 'mongodb', 'dynamodb', 'cassandra'].map((t) => [t, ['owner: user', 'lifetime: forever', 'kind: record', 'lossImpact: costly # default']])),
};

/**
 * A first requirements file for `service`, drafted from a repository's evidence: realtime servers, session middleware
 * and stores in use, replicas and autoscaler bounds, stores declared in compose, Terraform or Kubernetes, and
 * module-level state written by handlers. Every guessed field carries a comment saying where it came from; what the
 * repository cannot tell (traffic) is marked as a default to replace.
 */
export function draftRequirements(service: string, evidence: readonly Evidence[]): string {
  const of = (kind: Evidence['kind']) => evidence.filter((e) => e.kind === kind);
  const realtime = of('realtime-server')[0];
  const sessions = of('session-middleware');
  const serverSession = sessions.find((e) => e.facts.keeps !== 'client');
  const clientSession = sessions.find((e) => e.facts.keeps === 'client');
  const stores = new Map<string, string>();
  for (const e of [...of('store-client'), ...of('store-infra')]) {
    const tech = fact(e, 'technology');
    if ((KNOWN_STORES as readonly string[]).includes(tech) && !stores.has(tech)) stores.set(tech, where(e, e.kind === 'store-client' ? `uses ${fact(e, 'package')}` : `declares ${fact(e, 'name')}`));
  }
  const own = (e: Evidence) => e.facts.workload === service || e.facts.app === service;
  const replicas = [...of('autoscaler').filter(own).map((e) => ({ e, n: Number(e.facts.minReplicas), what: `minReplicas ${fact(e, 'minReplicas')}` })),
    ...of('workload').filter((e) => own(e) && e.facts.replicas !== undefined).map((e) => ({ e, n: Number(e.facts.replicas), what: `replicas ${fact(e, 'replicas')}` }))][0];
  const availability: Guess<number> = replicas
    ? { value: replicas.n >= 3 ? 99.95 : replicas.n >= 2 ? 99.9 : 99, from: `guessed from ${where(replicas.e, replicas.what)}: the availability that many instances survive a loss at` }
    : { value: 99.9, from: 'default: no replicas found for this service' };
  const lines: string[] = [
    `# Drafted by statewise init --from: every guessed field says where it came from. Check each one, and replace the`,
    `# defaults the repository cannot tell (traffic above all) with your own figures.`,
    'apiVersion: statewise/v1',
    `service: ${service}`,
    'context:',
    serverSession || clientSession ? `  memory: session # guessed from ${where((serverSession ?? clientSession)!, fact((serverSession ?? clientSession)!, 'library'))}` : '  memory: none # no session middleware found',
    realtime ? `  realtime: bidirectional # guessed from ${where(realtime, `${fact(realtime, 'library')} server`)}` : '  realtime: none # no socket.io or ws server found',
    'traffic:',
    '  peakRps: 100 # default: a repository does not say its traffic; put your measured peak here',
    'failure:',
    `  availability: ${availability.value} # ${availability.from}`,
    'constraints:',
    stores.size ? '  stores:' : '  stores: [] # no store client or declared store found',
    ...[...stores].map(([tech, from]) => `    - ${tech} # guessed from ${from}`),
  ];
  const items: string[] = [];
  const names = new Set<string>();
  const item = (name: string, from: string, fields: string[]) => {
    let n = kebab(name);
    while (names.has(n)) n = `${n}-2`;
    names.add(n);
    items.push(`  - name: ${n} # guessed from ${from}`, ...fields.map((f) => `    ${f}`));
  };
  if (serverSession) item('session', where(serverSession, `${fact(serverSession, 'library')}, ${fact(serverSession, 'storeHow')}`), ['owner: session', 'lifetime: hours', 'lossImpact: annoying # default: how bad is a lost session?']);
  else if (clientSession) item('session', where(clientSession, `${fact(clientSession, 'library')}: sessions in a signed cookie`), ['owner: session', 'lifetime: hours', 'sizeKb: 1 # a cookie holds at most 4 KB']);
  for (const e of of('module-state').filter((x) => x.facts.writtenInHandler === true)) {
    item(fact(e, 'name'), where(e, `${fact(e, 'constructor')} written by a request handler`), ['owner: shared # default: one copy per instance, written by every user', 'lifetime: hours', 'lossImpact: annoying # default']);
  }
  // A client library in the code means the service keeps something there: one item per technology, to be named.
  const kept = new Set<string>();
  for (const e of of('store-client')) {
    const tech = fact(e, 'technology');
    const shape = ITEM_SHAPE[tech];
    if (!shape || kept.has(tech)) continue;
    kept.add(tech);
    item(`${tech}-data`, `${where(e, `uses ${fact(e, 'package')}`)}: rename it after what the service keeps there`, shape);
  }
  lines.push(items.length ? 'state:' : 'state: [] # no session middleware or module-level state written by handlers found', ...items);
  return lines.join('\n') + '\n';
}
