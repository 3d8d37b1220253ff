/**
 * Which facts are computed from which, for lint: a `because` template may quote the inputs of a fact the rule reads
 * (a rule testing `state[].scope` may say the item's lifetime), and growth in traffic flows into the counts derived
 * from it (docs/design.md invariant 8).
 */
const DERIVED_FROM: Record<string, readonly string[]> = {
  'state[].scope': ['state[].lifetime'],
  'state[].connection': ['context.realtime'],
  'state[].owners': ['state[].owner', 'derived.concurrentSessions'],
  'state[].totalMb': ['state[].owners', 'state[].sizeKb'],
  'state[].writesPerSecond': ['state[].owners', 'state[].writesPerMinute'],
  'state[].writeKbPerSecondPerOwner': ['state[].writesPerMinute', 'state[].sizeKb'],
  'state[].roundTripMs': ['state[].store'],
  'derived.concurrentSessions': ['traffic.concurrentSessions', 'traffic.peakRps', 'traffic.sessionMinutes'],
  'derived.sessionStateKb': ['state[].sizeKb', 'derived.sessionItems'],
  'derived.operatesCache': ['constraints.stores'],
  'derived.operatesDatabase': ['constraints.stores'],
  'derived.operatesLog': ['constraints.stores'],
  'plan.routing': ['plan.verdict'],
  'plan.sessionsLostPerInstanceLoss': ['plan.instances', 'derived.concurrentSessions', 'state[].store'],
  'plan.inProcessMemoryMb': ['plan.instances', 'state[].store', 'state[].totalMb'],
  'plan.tokenKb': ['state[].store', 'state[].sizeKb'],
  'plan.hotPathMs': ['state[].store', 'state[].hotPath', 'state[].roundTripMs'],
};

/**
 * Facts a rule reading `reads` may quote: what it reads, what those are computed from, and what is computed only
 * from those (a rule that tests the store may quote the store's round trip).
 */
export function quotableFrom(reads: Iterable<string>): Set<string> {
  const out = new Set([...reads].flatMap((f) => [...lineageOf(f)]));
  for (let grew = true; grew;) {
    grew = false;
    for (const [fact, parents] of Object.entries(DERIVED_FROM)) {
      if (!out.has(fact) && parents.every((p) => out.has(p))) { out.add(fact); grew = true; }
    }
  }
  return out;
}

/** The fact itself and everything it is computed from, transitively. */
export function lineageOf(fact: string): Set<string> {
  const out = new Set<string>();
  const walk = (f: string) => {
    if (out.has(f)) return;
    out.add(f);
    for (const parent of DERIVED_FROM[f] ?? []) walk(parent);
  };
  walk(fact);
  return out;
}

/**
 * Facts that grow (never shrink) when peakRps, regions or deploysPerDay grow, all else equal: a rule reading them
 * must not raise the stateful score, or an in-process store's score, as they grow (docs/design.md invariant 8).
 */
export const GROWING_FACTS: readonly string[] = [
  'traffic.peakRps', 'traffic.regions', 'failure.deploysPerDay', 'traffic.concurrentSessions', 'derived.concurrentSessions',
  'state[].owners', 'state[].totalMb', 'state[].writesPerSecond',
];
