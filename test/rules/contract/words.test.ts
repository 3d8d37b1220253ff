import { describe, expect, it } from 'vitest';
import { agree, count, noteFactor } from '../../../rules/contract/words.ts';
import { requirementsOf, builtinEngine } from '../../support/engine.ts';

describe('count and agree', () => {
  it('count says one noun for 1 and the plural otherwise, also for 0 and decimals', () => {
    expect(count(1, 'instance')).toBe('1 instance');
    expect([0, 2, 1.5].map((n) => count(n, 'node'))).toEqual(['0 nodes', '2 nodes', '1.5 nodes']);
    expect(count('1', 'write node')).toBe('1 write node');
  });
  it('agree rewrites "N noun(s)" with up to two words between, and leaves an uncounted "(s)" alone', () => {
    expect(agree('each of 1 deploy(s) a day')).toBe('each of 1 deploy a day');
    expect(agree('2 session item(s) and 1 region(s)')).toBe('2 session items and 1 region');
    expect(agree('1,200 node(s)')).toBe('1,200 nodes');
    expect(agree('see the item(s) below')).toBe('see the item(s) below');
  });
});

describe('answers read without "(s)"', () => {
  it('a one-deploy-a-day sticky service and its catalogue sentences agree in number', () => {
    const req = requirementsOf({
      service: 'chat', context: { realtime: 'bidirectional' }, traffic: { peakRps: 100 }, failure: { deploysPerDay: 1 },
      state: [{ name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 4 }],
    });
    const text = JSON.stringify(builtinEngine().advise(req));
    expect(text).not.toMatch(/\d[\w -]*\(s\)/);
    expect(text).toMatch(/each of 1 deploy a day/);
  });
});

describe('noteFactor', () => {
  it('prints a multiple for a rate note and a count for the note that counts items', () => {
    expect(noteFactor({ id: 'note.owner-rate', factor: 555.6 })).toBe('555.6×');
    expect(noteFactor({ id: 'note.memory-contradicts-items', factor: 1 })).toBe('1 item');
    expect(noteFactor({ id: 'note.memory-contradicts-items', factor: 3 })).toBe('3 items');
  });
});
