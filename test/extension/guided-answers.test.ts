import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRequirements } from '../../rules/index.ts';
import {
  answersToRequirements, nameProblem, p99Problem, parsePeakRps, peakRpsProblem, requirementsYaml, sizeKbProblem, type GuidedAnswers,
} from '../../extension/src/guided-answers.ts';
import { requirementsTemplate } from '../../adapters/index.ts';

const chat: GuidedAnswers = {
  service: ' live-chat ',
  memory: 'session',
  realtime: 'bidirectional',
  peakRps: 1200,
  p99Ms: 150,
  sessionLoss: 'unacceptable',
  items: [
    { name: 'conversation', lifetime: 'minutes', sizeKb: 12, sensitivity: 'personal', lossImpact: 'costly' },
    { name: 'transcript', lifetime: 'forever', sizeKb: 2, sensitivity: 'personal', lossImpact: 'critical' },
  ],
};

describe('guided flow answers → requirements', () => {
  it('maps every answer onto its contract field and leaves the rest to the defaults', () => {
    expect(answersToRequirements(chat)).toEqual({
      apiVersion: 'statewise/v1',
      service: 'live-chat',
      context: { memory: 'session', realtime: 'bidirectional' },
      traffic: { peakRps: 1200 },
      failure: { sessionLoss: 'unacceptable' },
      latency: { p99Ms: 150 },
      state: [
        { name: 'conversation', owner: 'session', lifetime: 'minutes', sizeKb: 12, sensitivity: 'personal', lossImpact: 'costly' },
        { name: 'transcript', owner: 'user', lifetime: 'forever', sizeKb: 2, sensitivity: 'personal', lossImpact: 'critical' },
      ],
    });
  });

  it('omits realtime when there is none, and allows no state items', () => {
    const req = answersToRequirements({ ...chat, realtime: 'none', memory: 'none', items: [] });
    expect(req.context).toEqual({ memory: 'none' });
    expect(req.state).toEqual([]);
  });

  it('saves as YAML that parses back to the same requirements', () => {
    const input = answersToRequirements(chat);
    const text = requirementsYaml(input);
    expect(text.startsWith('# statewise requirements')).toBe(true);
    expect(parse(text)).toEqual(input);
    const parsed = parseRequirements(text);
    expect(parsed.ok && parsed.value.state.map((s) => [s.name, s.owner, s.consistency])).toEqual([
      ['conversation', 'session', 'read-your-writes'],
      ['transcript', 'user', 'read-your-writes'],
    ]);
  });

  it('refuses to write answers the contract would reject', () => {
    expect(() => requirementsYaml(answersToRequirements({ ...chat, service: 'Live Chat' }))).toThrow(/service/);
  });

  it('validates names as the contract does, and rejects duplicates', () => {
    expect(nameProblem('cart')).toBeUndefined();
    expect(nameProblem('')).toMatch(/required/);
    expect(nameProblem('Cart')).toMatch(/Lowercase/);
    expect(nameProblem('x'.repeat(65))).toMatch(/64/);
    expect(nameProblem('cart', ['cart'])).toMatch(/already/);
  });

  it('reads peak rps with separators and rejects what is not a number in range', () => {
    expect(peakRpsProblem('12,000')).toBeUndefined();
    expect(parsePeakRps('12,000')).toBe(12000);
    expect(parsePeakRps('1_500')).toBe(1500);
    expect(peakRpsProblem('lots')).toMatch(/number/);
    expect(peakRpsProblem('')).toMatch(/number/);
    expect(peakRpsProblem('-1')).toMatch(/0 or more/);
    expect(peakRpsProblem('200000000')).toMatch(/100,000,000/);
    expect(peakRpsProblem('20000000')).toBeUndefined();
  });

  it('asks the p99 budget and item sizes within the contract\'s bounds (both must be more than 0)', () => {
    expect(p99Problem('150')).toBeUndefined();
    expect(p99Problem('0')).toMatch(/more than 0/);
    expect(p99Problem('600001')).toMatch(/600,000/);
    expect(sizeKbProblem('3,000,000')).toBeUndefined();
    expect(sizeKbProblem('0')).toMatch(/more than 0/);
    expect(sizeKbProblem('big')).toMatch(/e\.g\. 2/);
  });
});

describe('new requirements template', () => {
  it('is valid requirements as written, with the service name filled in', () => {
    const parsed = parseRequirements(requirementsTemplate('checkout'));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value.service).toBe('checkout');
    expect(parsed.ok && parsed.value.state.map((s) => s.name)).toEqual(['cart']);
  });
});
