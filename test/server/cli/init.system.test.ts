import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { KNOWN_STORES, MEMORY, REALTIME, SESSION_LOSS } from '../../../rules/contract/requirements.ts';
import { initTemplate } from '../../../server/cli/init.ts';
import { BIN, ROOT, cli, tempFiles } from '../../support/cli.ts';

let dir: string;
let done: () => void;
beforeEach(() => { ({ dir, done } = tempFiles({})); });
afterEach(() => done());

describe('initTemplate', () => {
  it('any answers give a file statewise accepts, with exactly those values and every comment kept', () => {
    fc.assert(fc.property(
      fc.constantFrom(...MEMORY), fc.constantFrom(...REALTIME), fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(...SESSION_LOSS),
      fc.uniqueArray(fc.constantFrom(...KNOWN_STORES)),
      (memory, realtime, peakRps, sessionLoss, stores) => {
        const text = initTemplate('svc', { memory, realtime, peakRps, sessionLoss, stores });
        const parsed = parseRequirements(text);
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        expect(parsed.value.context.memory).toBe(memory);
        expect(parsed.value.context.realtime).toBe(realtime);
        expect(parsed.value.traffic.peakRps).toBe(peakRps);
        expect(parsed.value.failure.sessionLoss).toBe(sessionLoss);
        expect([...parsed.value.constraints.stores].sort()).toEqual([...stores].sort());
        expect(text.split('\n').filter((l) => l.includes('#')).length).toBe(initTemplate('svc').split('\n').filter((l) => l.includes('#')).length);
      },
    ), { numRuns: 60 });
  });
});

describe('statewise init without a terminal (the template path)', () => {
  it('writes NAME.statewise.yaml with the commented template, which advise accepts', async () => {
    const r = await cli(dir, 'init', 'checkout');
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: '' });
    expect(r.out).toBe('checkout.statewise.yaml\nnext: edit it, then run statewise advise checkout.statewise.yaml');
    const text = readFileSync(join(dir, 'checkout.statewise.yaml'), 'utf8');
    expect(text).toBe(initTemplate('checkout'));
    expect(text).toContain('# Run "statewise advise checkout.statewise.yaml"');
    expect(text).not.toContain('Statewise: Recommend Architecture');
    expect((await cli(dir, 'advise', 'checkout.statewise.yaml')).code).toBe(0);
  });

  it('never overwrites without --force; --print writes nothing; a bad name is said in the contract\'s words', async () => {
    writeFileSync(join(dir, 'cart.statewise.yaml'), 'mine\n');
    const again = await cli(dir, 'init', 'cart');
    expect(again.code).toBe(2);
    expect(again.err).toBe('cart.statewise.yaml: already exists; statewise init never overwrites it (use --force, or give another NAME)');
    expect(readFileSync(join(dir, 'cart.statewise.yaml'), 'utf8')).toBe('mine\n');
    expect((await cli(dir, 'init', 'cart', '--force')).code).toBe(0);
    expect(readFileSync(join(dir, 'cart.statewise.yaml'), 'utf8')).toBe(initTemplate('cart'));
    const printed = await cli(dir, 'init', 'feed', '--print');
    expect(printed.out).toBe(initTemplate('feed'));
    expect(existsSync(join(dir, 'feed.statewise.yaml'))).toBe(false);
    const bad = await cli(dir, 'init', 'My Service');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^statewise init: "My Service" cannot be a service name: must match/);
  });

  it('a folder it cannot write to is bad input naming the file, not a crash', async () => {
    const r = await cli(join(dir, 'no-such-folder'), 'init', 'lost');
    expect(r.code).toBe(2);
    expect(r.err).toBe('lost.statewise.yaml: cannot write (ENOENT)');
  });

  it('the real binary with stdin from a pipe asks nothing and writes the template', () => {
    const r = spawnSync(process.execPath, [BIN, 'init', 'piped'], { cwd: dir, encoding: 'utf8', input: '', timeout: 60_000 });
    expect({ code: r.status, err: r.stderr }).toEqual({ code: 0, err: '' });
    expect(readFileSync(join(dir, 'piped.statewise.yaml'), 'utf8')).toBe(initTemplate('piped'));
  });
});

/**
 * Interactive init in a real pseudo-terminal: util-linux `script` runs the binary on a pty (sized with stty, as a
 * terminal window would be), and each answer is typed only once its question is on the screen — no sleeps.
 */
function inTerminal(args: string, steps: [question: string, keys: string][]): Promise<{ code: number | null; screen: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', `stty cols 100 rows 40; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${args}`, '/dev/null'],
      { cwd: dir, env: { ...process.env, TERM: 'xterm-256color' } });
    let pending = '';
    let screen = '';
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      screen += d.toString();
      while (steps.length && pending.includes(steps[0]![0])) { pending = ''; child.stdin.write(steps.shift()![1]); }
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, screen }));
  });
}

const DOWN = '\u001b[B';
const UP = '\u001b[A';

describe('statewise init in a terminal (interactive)', () => {
  it('asks, and writes the answers in place of the defaults', async () => {
    const r = await inTerminal('init chat', [
      ['context.memory', `${DOWN}\r`], // session → durable
      ['context.realtime', `${DOWN}${DOWN}\r`], // none → bidirectional
      ['traffic.peakRps', '2500\r'],
      ['failure.sessionLoss', '\r'], // tolerable, the default
      ['constraints.stores', ` ${DOWN}${DOWN}${DOWN}${DOWN} \r`], // redis and the fifth store
      ['keep any state between requests', 'y'],
      ['state[0].name', 'messages\r'],
      ['(owner)', `${UP}\r`], // session → user
      ['(lifetime)', `${DOWN}${DOWN}\r`], // hours → forever
      ['(sizeKb)', '12\r'],
      ['(lossImpact)', `${DOWN}${DOWN}\r`], // annoying → critical
      ['Another piece of state?', 'y'],
      ['state[1].name', 'messages\r'], // taken: said so, and asked again
      ['already listed', `${'\u007f'.repeat(8)}typing\r`],
      ['(owner)', '\r'], ['(lifetime)', `${UP}\r`], ['(sizeKb)', '\r'], ['(lossImpact)', `${UP}\r`], // session, minutes, 2 KB, none
      ['Another piece of state?', 'n'],
    ]);
    expect(r.code).toBe(0);
    const parsed = parseRequirements(readFileSync(join(dir, 'chat.statewise.yaml'), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.context).toMatchObject({ memory: MEMORY[MEMORY.indexOf('session') + 1], realtime: REALTIME[2] });
    expect(parsed.value.traffic.peakRps).toBe(2500);
    expect(parsed.value.failure.sessionLoss).toBe('tolerable');
    expect([...parsed.value.constraints.stores].sort()).toEqual([KNOWN_STORES[0], KNOWN_STORES[4]].sort());
    // The items it was told about, and no sample cart (issue 29).
    expect(parsed.value.state.map(({ name, owner, lifetime, sizeKb, lossImpact }) => ({ name, owner, lifetime, sizeKb, lossImpact }))).toEqual([
      { name: 'messages', owner: 'user', lifetime: 'forever', sizeKb: 12, lossImpact: 'critical' },
      { name: 'typing', owner: 'session', lifetime: 'minutes', sizeKb: 2, lossImpact: 'none' },
    ]);
    expect(r.screen).toContain('statewise init — chat.statewise.yaml');
    // The terminal transcript (with its escape codes), to look at: `cat test-results/init-interactive.txt` in a terminal.
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    writeFileSync(join(ROOT, 'test-results', 'init-interactive.txt'), r.screen);
  });

  it('rejects a peak that is not a number until it is one', async () => {
    const r = await inTerminal('init rps', [
      ['context.memory', '\r'], ['context.realtime', '\r'], ['traffic.peakRps', 'lots\r'], ['a number ≥ 0', '\u007f\u007f\u007f\u007f40\r'],
      ['failure.sessionLoss', '\r'], ['constraints.stores', '\r'], ['keep any state between requests', 'n'],
    ]);
    expect(r.code).toBe(0);
    const parsed = parseRequirements(readFileSync(join(dir, 'rps.statewise.yaml'), 'utf8'));
    expect(parsed.ok && parsed.value.traffic.peakRps).toBe(40);
    // No state items said: none written (the example stays a comment), so the answer is about this service only.
    expect(parsed.ok && parsed.value.state).toEqual([]);
    expect(readFileSync(join(dir, 'rps.statewise.yaml'), 'utf8')).toContain('state: []');
  });

  it('Ctrl+C cancels: exit 130 and nothing written', async () => {
    const r = await inTerminal('init gone', [['context.memory', '\u0003']]);
    expect(r.code).toBe(130);
    expect(existsSync(join(dir, 'gone.statewise.yaml'))).toBe(false);
  });
});
