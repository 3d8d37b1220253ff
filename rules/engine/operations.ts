import type { Recommendation, Store, Verdict } from '../contract/recommendation.ts';
import { formatNumber as f } from '../model/format.ts';
import type { CapacityAnswer } from './capacity.ts';
import type { EvalContext } from '../model/context.ts';
import { count } from '../contract/words.ts';

type Scaling = Recommendation['scaling'];
type Failure = Recommendation['failure'];

/** How the chosen plan scales and fails, each sentence quoting the figures it rests on. */
export function scalingAndFailure(
  ctx: EvalContext, verdict: Verdict, stores: ReadonlyMap<string, Store>, cap: CapacityAnswer,
): { scaling: Scaling; failure: Failure } {
  const byStore = (s: Store) => ctx.items.filter((i) => stores.get(i.name) === s).map((i) => i.name);
  const sticky = byStore('in-process-sticky');
  const replicated = byStore('in-process-replicated');
  const checkpointed = byStore('in-process-checkpointed');
  const cache = byStore('distributed-cache');
  const db = byStore('database');
  const log = byStore('durable-log');
  const token = byStore('client-token');
  const sharedInProcess = ctx.items.some((i) => i.owner === 'shared' && (sticky.includes(i.name) || replicated.includes(i.name) || checkpointed.includes(i.name)));
  const stream = ctx.derived.source === 'stream';
  const routing: Scaling['routing'] = verdict === 'stateless' ? 'any-instance'
    // A stream's consumers own partitions of keys: the log, not a load balancer, routes each key.
    : sharedInProcess || stream ? 'partitioned' : 'sticky';
  const { peakRps, spiky } = ctx.req.traffic;
  const { deploysPerDay } = ctx.req.failure;
  const perInstance = Math.ceil(cap.concurrentSessions / cap.instances);

  const notes: string[] = [];
  if (routing === 'any-instance') {
    notes.push(stream ? `any of the ${cap.instances} consumers may take any partition of the input log: a rebalance moves no state`
      : `any of the ${cap.instances} instances serves any request: the load balancer needs no affinity`);
  }
  if (routing === 'sticky') notes.push(`route each session to its owner instance (cookie affinity or consistent hashing on the session id); about ${f(perInstance)} sessions per instance`);
  if (routing === 'partitioned') {
    notes.push(stream ? `the input log partitions events by key and its consumer group gives each partition to one instance: about ${f(perInstance)} keys per instance, moved with their state when partitions are reassigned`
      : `partition shared objects by id (consistent hashing) so every member of one object reaches the same instance; about ${f(perInstance)} sessions per instance`);
  }
  if (token.length) notes.push(`${token.join(', ')} travel${token.length === 1 ? 's' : ''} in the client token: ${f(cap.tokenKb)} KB on every request`);
  if (cache.length) notes.push(`${cache.join(', ')} in the distributed cache: ${f(cap.externalStoreMemoryMb)} MB, ${f(cap.externalReadsPerSecond)} reads/s at peak across external stores`);
  if (cap.floor.memory > cap.floor.load) notes.push(`memory, not load, sets the instance count: ${count(cap.floor.memory, 'instance')} for in-process state vs ${cap.floor.load} for ${f(peakRps)} requests/s`);

  // Said of the plan as it is: sticky items are held by one instance and replicated by nothing.
  const byStores = [...cache.length ? ['cache'] : [], ...db.length ? ['database'] : [], ...log.length ? ['log'] : []];
  const external = byStores.length ? `state is replicated by its stores (${byStores.join(', ')})` : '';
  const inMemory = [
    ...replicated.length ? [`replicate ${replicated.join(', ')} to a second instance (or a replicated log) before acknowledging writes`] : [],
    ...checkpointed.length ? [`append every change of ${checkpointed.join(', ')} to the durable log before acknowledging it${ctx.derived.source === 'stream' ? ' (the input log already holds each event)' : ''}, and checkpoint it to object storage`] : [],
    ...sticky.length ? [`${sticky.join(', ')} live only on the instance that holds ${sticky.length === 1 ? 'it' : 'them'} and ${sticky.length === 1 ? 'is' : 'are'} lost with it`] : [],
  ];
  const replication = inMemory.length
    ? `${replicated.length || checkpointed.length ? '' : 'none: '}${inMemory.join('; ')}${external ? `; other ${external}` : ''}`
    : external
      ? `no instance replication: ${external}`
      : 'none needed: instances hold nothing another instance needs';
  const autoscaling = verdict === 'stateless'
    ? `scale on CPU or requests/s between ${cap.floor.availability} and ${Math.max(cap.instances * 2, cap.floor.availability)} instances; any instance can be added or removed at once${spiky ? '; spiky traffic: keep warm headroom, instances start empty and serve at once' : ''}`
    : stream
      // A consumer group rebalances partitions: keys move with their state, nothing waits for sessions to end.
      ? `scale on consumer lag: adding or removing a consumer reassigns partitions, and each moved partition's keys (about ${f(perInstance)} per instance) are rebuilt where they land${sticky.length ? `, except ${sticky.join(', ')}, which start over` : ''}; keep at least ${cap.instances} consumers`
      : `scale out adds capacity for new sessions only; scale in must drain about ${f(perInstance)} sessions per instance${sticky.length ? ' or lose their state' : ''}; keep at least ${cap.instances} instances`;

  const lostOnLoss = cap.sessionsLostPerInstanceLoss;
  const onInstanceLoss = sticky.length
    ? `${sticky.join(', ')} held by the lost instance are gone: about ${f(lostOnLoss)} sessions start over; ${replicated.length ? `${replicated.join(', ')} fail over to a replica; ` : ''}${checkpointed.length ? `${checkpointed.join(', ')} are rebuilt from checkpoint and log; ` : ''}its traffic moves to the other ${count(cap.instances - 1, 'instance')}`
    : replicated.length || checkpointed.length
      ? [
        ...replicated.length ? [`${replicated.join(', ')} fail over to a replica`] : [],
        ...checkpointed.length ? [`${checkpointed.join(', ')} held by the lost instance are rebuilt on another from the last checkpoint plus the log since: nothing acknowledged is lost`] : [],
      ].join('; ') + (stream ? '; its partitions move to the other consumers, which resume from the committed offsets' : '; open sessions reconnect to the new owner and continue')
      : `nothing is lost: the load balancer retries on the other ${count(Math.max(cap.instances - 1, 0), 'instance')}`;
  const onDeploy = sticky.length
    ? `each of ${count(f(deploysPerDay), 'deploy')} a day restarts every instance: drain sessions (connection draining up to the session length) or up to ${f(cap.concurrentSessions)} sessions lose ${sticky.join(', ')}`
    : verdict === 'stateless'
      ? `rolling deploys (${f(deploysPerDay)} a day) drain only the requests in flight: instances hold no session state`
      : `rolling deploys (${f(deploysPerDay)} a day) hand replicated state to the next instance before stopping one`;
  const failureNotes: string[] = [];
  if (cache.length) failureNotes.push(`a cache failover can drop the last acknowledged writes of ${cache.join(', ')} (replication is asynchronous)`);
  if (token.length) failureNotes.push(`${token.join(', ')} survive any server failure: the client holds them`);
  if (db.length) failureNotes.push(`${db.join(', ')} survive instance loss in the database`);
  return {
    scaling: { routing, replication, autoscaling, notes },
    failure: { onInstanceLoss, sessionsLostPerInstanceLoss: lostOnLoss, onDeploy, notes: failureNotes },
  };
}
