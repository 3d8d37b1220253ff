import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli.ts';
import type { Io } from '../../../server/cli/io.ts';

const REQUIREMENTS = `service: cart-api
description: Cart service
context: { memory: session }
traffic: { peakRps: 200, sessionMinutes: 30 }
constraints: { stores: [redis, postgres] }
state:
  - name: cart
    lifetime: hours
    lossImpact: costly
    hotPath: true
`;

/** A custom catalogue that overrides one built-in service rule with a heavier weight. */
const HEAVIER_RULE = `rules:
  - id: svc.session-persistence
    kind: service
    title: Users must be remembered between requests
    when: { fact: context.memory, eq: session }
    effect: { stateful: 30, hybrid: 5 }
    because: "context.memory is session: each user's context must persist across requests"
`;

let dir: string;
let out: string[];
let err: string[];

function io(today = '2026-11-26'): Io {
  return { out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today };
}

async function run(args: string[], today?: string): Promise<number> {
  out = [];
  err = [];
  return main(args, io(today));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'statewise-review-'));
  mkdirSync(join(dir, 'svc'));
  writeFileSync(join(dir, 'svc', 'cart.statewise.yaml'), REQUIREMENTS);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('statewise review', () => {
  it('writes docs/design-reviews/<service>.md, creating folders, and prints the path', async () => {
    expect(await run(['review', 'svc/cart.statewise.yaml'])).toBe(0);
    expect(out).toEqual(['docs/design-reviews/cart-api.md']);
    const text = readFileSync(join(dir, 'docs/design-reviews/cart-api.md'), 'utf8');
    expect(text).toMatch(/^---\nstatus: proposed\ndate: 2026-11-26\nstatewise:\n/);
    expect(text).toContain('  source: svc/cart.statewise.yaml\n');
    expect(text).toContain('# cart-api: ');
  });

  it('keeps the date of the existing review, so re-rendering does not churn; --date overrides it', async () => {
    expect(await run(['review', 'svc/cart.statewise.yaml', '-o', 'reviews/cart.md', '--date', '2025-03-04'])).toBe(0);
    const first = readFileSync(join(dir, 'reviews/cart.md'), 'utf8');
    expect(await run(['review', 'svc/cart.statewise.yaml', '-o', 'reviews/cart.md'], '2026-12-01')).toBe(0);
    expect(readFileSync(join(dir, 'reviews/cart.md'), 'utf8')).toBe(first);
    expect(await run(['review', 'svc/cart.statewise.yaml', '-o', 'reviews/cart.md', '--date', '2026-02-01'])).toBe(0);
    expect(readFileSync(join(dir, 'reviews/cart.md'), 'utf8')).toContain('\ndate: 2026-02-01\n');
  });

  it('keeps the date of an existing review checked out with CRLF line endings', async () => {
    mkdirSync(join(dir, 'docs/design-reviews'), { recursive: true });
    writeFileSync(join(dir, 'docs/design-reviews/cart-api.md'), '---\r\nstatus: proposed\r\ndate: "2024-05-06"\r\n---\r\n# old\r\n');
    expect(await run(['review', 'svc/cart.statewise.yaml'])).toBe(0);
    expect(readFileSync(join(dir, 'docs/design-reviews/cart-api.md'), 'utf8')).toMatch(/^---\nstatus: proposed\ndate: 2024-05-06\n/);
  });

  it('rejects a bad --date and invalid requirements with FILE:LINE:COL', async () => {
    expect(await run(['review', 'svc/cart.statewise.yaml', '--date', '2026-02-30'])).toBe(2);
    expect(err.join('\n')).toContain('--date 2026-02-30 is not a date YYYY-MM-DD');
    writeFileSync(join(dir, 'bad.statewise.yaml'), 'service: x\ntraffic:\n  peakRps: -1\n');
    expect(await run(['review', 'bad.statewise.yaml'])).toBe(2);
    expect(err.join('\n')).toMatch(/^bad\.statewise\.yaml:3:\d+ traffic\.peakRps: /);
    expect(existsSync(join(dir, 'docs'))).toBe(false);
  });
});

describe('statewise check', () => {
  beforeEach(async () => {
    expect(await run(['review', 'svc/cart.statewise.yaml'])).toBe(0);
  });

  it('exits 0 when the committed review still matches', async () => {
    expect(await run(['check', 'svc/cart.statewise.yaml'])).toBe(0);
    expect(out.join('\n')).toContain('svc/cart.statewise.yaml: docs/design-reviews/cart-api.md is up to date');
    expect(err).toEqual([]);
  });

  it('exits 1 after a requirements change, naming what changed and the command that regenerates it', async () => {
    writeFileSync(join(dir, 'svc', 'cart.statewise.yaml'), REQUIREMENTS.replace('context: { memory: session }', 'context: { memory: session, realtime: bidirectional }'));
    expect(await run(['check', 'svc/cart.statewise.yaml'])).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('svc/cart.statewise.yaml: docs/design-reviews/cart-api.md no longer matches the answer');
    expect(text).toMatch(/ {2}verdict: stateless → (hybrid|stateful)/);
    expect(text).toContain('  placement connections: (new item) → in-process-sticky');
    expect(text).toMatch(/ {2}score stateful: \d+ → \d+/);
    expect(text).toContain('    requirements changed: context.realtime none → bidirectional');
    expect(text).toContain('  regenerate: npx statewise review svc/cart.statewise.yaml -o docs/design-reviews/cart-api.md');
    // Running the printed command makes check pass again.
    expect(await run(['review', 'svc/cart.statewise.yaml', '-o', 'docs/design-reviews/cart-api.md'])).toBe(0);
    expect(await run(['check', 'svc/cart.statewise.yaml'])).toBe(0);
  });

  it('a catalogue change that moves scores but not the answer: exit 0 with a note; --strict exits 1', async () => {
    mkdirSync(join(dir, 'rules'));
    writeFileSync(join(dir, 'rules', 'team.yaml'), HEAVIER_RULE);
    expect(await run(['check', 'svc/cart.statewise.yaml', '--rules', 'rules'])).toBe(0);
    expect(out.join('\n')).toContain('svc/cart.statewise.yaml: docs/design-reviews/cart-api.md still gives the same answer (stateless); the inputs changed:');
    expect(out.join('\n')).toContain('note: regenerate when convenient');
    expect(await run(['check', 'svc/cart.statewise.yaml', '--rules', 'rules', '--strict'])).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('--strict: regenerate');
    expect(text).toMatch(/ {2}score stateful: \d+ → \d+/);
    expect(text).toMatch(/ {2}rules version: \S+ → \S+/);
    expect(text).not.toContain('requirements changed');
    expect(text).toContain('regenerate to refresh its provenance: npx statewise review svc/cart.statewise.yaml -o docs/design-reviews/cart-api.md --rules rules');
  });

  it('exits 1 once an accepted risk\'s acceptance expires', async () => {
    const chat = REQUIREMENTS.replace('context: { memory: session }', 'context: { memory: session, realtime: bidirectional }');
    writeFileSync(join(dir, 'svc', 'cart.statewise.yaml'),
      `${chat}accept:\n  - { risk: risk.sticky-hotspots, reason: flat traffic, until: 2026-12-31 }\n`);
    expect(await run(['review', 'svc/cart.statewise.yaml'])).toBe(0);
    const text = readFileSync(join(dir, 'docs/design-reviews/cart-api.md'), 'utf8');
    expect(text).toContain('- `risk.sticky-hotspots` (medium): Accepting that ');
    expect(await run(['check', 'svc/cart.statewise.yaml'], '2026-12-31')).toBe(0);
    expect(await run(['check', 'svc/cart.statewise.yaml'], '2027-01-01')).toBe(1);
    expect(out.join('\n')).toContain('  risk risk.sticky-hotspots: no longer accepted (expired or removed from accept:)');
  });

  it('exits 2 on a broken requirements file, with FILE:LINE:COL, and still checks the others', async () => {
    writeFileSync(join(dir, 'broken.statewise.yaml'), 'service: x\ntraffic: [\n');
    expect(await run(['check', 'broken.statewise.yaml', 'svc/cart.statewise.yaml'])).toBe(2);
    expect(err.join('\n')).toMatch(/^broken\.statewise\.yaml:\d+:\d+ /);
    expect(out.join('\n')).toContain('cart-api.md is up to date');
  });

  it('exits 2 on a missing review, saying how to create it', async () => {
    expect(await run(['check', 'svc/cart.statewise.yaml', '--reviews', 'elsewhere'])).toBe(2);
    expect(err.join('\n')).toBe('elsewhere/cart-api.md: no design review for svc/cart.statewise.yaml; create it with: npx statewise review svc/cart.statewise.yaml -o elsewhere/cart-api.md');
  });

  it('exits 2 on a review whose provenance was mangled, at the line of the bad field', async () => {
    const path = join(dir, 'docs/design-reviews/cart-api.md');
    const text = readFileSync(path, 'utf8').replace(/^ {2}inputDigest: .*$/m, '  inputDigest: md5:1');
    writeFileSync(path, text);
    const line = text.split('\n').findIndex((l) => l.startsWith('  inputDigest:')) + 1;
    expect(await run(['check', 'svc/cart.statewise.yaml'])).toBe(2);
    expect(err.join('\n')).toBe(`docs/design-reviews/cart-api.md:${line}:16 statewise.inputDigest: must be sha256: and 64 hex digits`);
  });

  it('exits 2 when no file is named', async () => {
    expect(await run(['check'])).toBe(2);
    expect(err.join('\n')).toContain('name at least one requirements file');
  });
});
