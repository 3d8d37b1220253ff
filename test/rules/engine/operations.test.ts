import { describe, expect, it } from 'vitest';
import { adviseData, builtinEngine } from '../../support/engine.ts';

/** Invariant 16: how the plan scales and fails is said of the plan as it is. */
const engine = builtinEngine();

describe('the replication sentence agrees with the plan', () => {
  it('never says instances hold nothing another needs while sockets live in sticky memory', () => {
    const rec = adviseData(engine, {
      service: 'ws-gateway', context: { realtime: 'bidirectional' }, traffic: { peakRps: 5000, concurrentSessions: 200_000 },
      state: [{ name: 'subscriptions', owner: 'session', lifetime: 'minutes', sizeKb: 1, writesPerMinute: 2, hotPath: true, readers: 'others' }],
    });
    const sticky = rec.placements.filter((p) => p.store === 'in-process-sticky').map((p) => p.state);
    expect(sticky).toContain('connections');
    expect(rec.scaling.replication).not.toContain('hold nothing');
    for (const name of sticky) expect(rec.scaling.replication).toContain(name);
    expect(rec.scaling.replication).toMatch(/lost with it/);
  });
});
