/**
 * The model's constants that belong to no store. Each is an assumption, printed with its source wherever an answer
 * uses it (docs/design.md, "Feasibility model"); none is a measurement of the team's system.
 */
export interface Assumption { value: number; source: string }

export const ASSUMPTIONS = {
  stateShareOfBudget: { value: 0.5, source: 'half of latency.p99Ms is left for state access; the rest is the service\'s own work and the network to the client' },
  nonHotReadShare: { value: 0.1, source: 'an item not on the hot path is read by 10% of requests' },
  requestsPerSession: { value: 20, source: 'Little\'s law with 20 requests per session, when concurrentSessions is not given' },
  eventsPerKey: { value: 20, source: '20 events per key within one session window of a stream, when no keyed item read on most events gives its per-key rate' },
  sessionsPerSharedObject: { value: 10, source: '10 sessions share one live object (a room, a document), when owners is not given' },
  cacheOverhead: { value: 1.3, source: 'cache memory is the data × 1.3 for keys, TTL metadata and fragmentation' },
  syncWriteShare: { value: 0.01, source: 'a synchronous write counts on the request path when at least 1% of requests make one (the p99 sees it)' },
  headroom: { value: 1.2, source: '20% headroom on instance load' },
  spikyHeadroom: { value: 1.5, source: '50% headroom on instance load for spiky traffic' },
  interRegionRttMs: { value: 70, source: 'a round trip between two regions of one continent is ~70 ms (cloud providers\' inter-region latency tables; ~150 ms across oceans), when constraints.interRegionRttMs is not given' },
  awayShare: { value: 0.05, source: '5% of a user\'s requests are served outside their home region (travel, failover, anycast routing), when traffic.awayShare is not given' },
  zonesPerRegion: { value: 3, source: 'instances and store nodes spread over up to 3 availability zones per region (the major clouds\' regions have at least 3)' },
  crossRegionLagSeconds: { value: 1, source: 'asynchronous replication between regions lags ~1 s (AWS docs: Aurora Global Database and DynamoDB global tables typically replicate within a second)' },
} as const satisfies Record<string, Assumption>;
