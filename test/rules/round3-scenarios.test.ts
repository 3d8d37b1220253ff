import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { builtinEngine } from '../support/engine.ts';
import { expectScenario, type ScenarioCase } from '../support/scenario.ts';

/**
 * The round-3 scenarios (test/fixtures/round3-cases.yaml): who reads each piece of state, how it recovers, what it
 * really costs, and where it lives across regions. Each answer keeps every invariant.

 */
type Round3Case = ScenarioCase;

const cases = parse(readFileSync(new URL('../fixtures/round3-cases.yaml', import.meta.url), 'utf8')) as Round3Case[];
const ADVICE = ['api-quota', 'room-membership', 'card-velocity-stream', 'auction-matcher', 'game-rankings', 'wallet-ledger', 'scan-archive', 'embedding-gpu'];
const REGIONAL = ['seat-lock-two-continents', 'eu-patient-notes', 'shared-whiteboard-crdt'];
const engine = builtinEngine();

describe('round-3 scenarios', () => {
  it('the fixture holds the eleven public cases, the advice ones first', () => {
    expect(cases.map((c) => c.id)).toEqual([...ADVICE, ...REGIONAL]);
  });

  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expectScenario(engine, c);
  });
});
