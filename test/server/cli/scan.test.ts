import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../../server/cli.ts';
import type { Io } from '../../../server/cli/io.ts';
import { cli } from '../../support/cli.ts';
import { sarifErrors, sarifOf } from '../../support/sarif.ts';
import { placeOf, SCAN_FIXTURES } from '../../support/scan.ts';

const BAD = join(SCAN_FIXTURES, 'store-loses-items/bad');
const temps: string[] = [];
afterEach(() => { for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true }); });

/** A copy of a fixture repository in a temp folder, to change files in. */
function copyOf(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'statewise-scan-cli-'));
  temps.push(dir);
  cpSync(join(SCAN_FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

describe('statewise scan', () => {
  it('text: each finding at FILE:LINE:COL with its rule, plan item, message and both fixes; exit 1 on an error', async () => {
    const { code, out } = await cli(BAD, 'scan');
    expect(code).toBe(1);
    const [first] = out.split('\n\n');
    expect(first!.split('\n')[0]).toBe(`${placeOf('store-loses-items/bad', 'infra/main.tf', 'snapshot_retention_limit = 0')} error conformance.store-loses-items (shop: login-session in distributed-cache, shop.statewise.yaml:5)`);
    expect(first).toContain('fix the code: Give shop-sessions persistence or a replica');
    expect(first).toContain('or the requirements: If login-session can be rebuilt');
    expect(out.split('\n').at(-1)).toBe('2 findings (2 error, 0 warning, 0 info); 1 plan over 3 files');
  });

  it('exit 0 for a clean repository, and for one whose only finding is info', async () => {
    expect((await cli(join(SCAN_FIXTURES, 'store-loses-items/clean'), 'scan')).code).toBe(0);
    const info = await cli(join(SCAN_FIXTURES, 'store-missing/bad'), 'scan', '--format', 'json');
    expect(info.code).toBe(0);
    expect((JSON.parse(info.out) as { findings: { severity: string }[] }).findings.map((f) => f.severity)).toEqual(['info']);
  });

  it('sarif: valid SARIF 2.1.0 whose results point at the code lines, with the plan item as a related location', async () => {
    const { code, out } = await cli(SCAN_FIXTURES, 'scan', 'session-memory-store/bad', '--format', 'sarif');
    expect(code).toBe(1);
    const log = sarifOf(out);
    expect(sarifErrors(log)).toEqual([]);
    const [result] = log.runs[0]!.results!;
    const [file, line, column] = placeOf('session-memory-store/bad', 'src/app.js', 'session({ secret').split(':');
    expect(result!.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: file }, region: { startLine: Number(line), startColumn: Number(column) } });
    expect(result!.relatedLocations![0]!.physicalLocation!.artifactLocation!.uri).toBe('shop.statewise.yaml');
    expect(log.runs[0]!.tool.driver.rules!.map((r) => [r.id, r.shortDescription!.text])).toEqual([['conformance.session-memory-store', 'Sessions kept in an in-memory store']]);
  });

  it('--baseline: known findings pass; a new finding fails, and so does an entry that no longer matches anything', async () => {
    const dir = copyOf('store-loses-items/bad');
    expect((await cli(dir, 'scan', '--write-baseline', 'scan-baseline.json')).code).toBe(0);
    const recorded = JSON.parse(readFileSync(join(dir, 'scan-baseline.json'), 'utf8')) as { findings: { id: string }[] };
    expect(recorded.findings.map((f) => f.id)).toEqual(['conformance.store-loses-items:infra/main.tf:shop-orders', 'conformance.store-loses-items:infra/main.tf:shop-sessions']);
    const known = await cli(dir, 'scan', '--baseline', 'scan-baseline.json');
    expect([known.code, known.out.split('\n').at(-1)]).toEqual([0, '0 findings (0 error, 0 warning, 0 info); 1 plan over 4 files; 2 known from the baseline']);
    // Fix one store (its entry goes stale) and plant a new contradiction (an in-memory session store).
    const tf = join(dir, 'infra/main.tf');
    writeFileSync(tf, readFileSync(tf, 'utf8').replace('multi_az       = false', 'multi_az       = true'));
    writeFileSync(join(dir, 'src/app.js'), "const session = require('express-session');\napp.use(session({ secret: 's' }));\n");
    const { code, out } = await cli(dir, 'scan', '--baseline', 'scan-baseline.json');
    expect(code).toBe(1);
    expect(out).toContain('src/app.js:2:9 error conformance.session-memory-store');
    expect(out).not.toContain('shop-sessions (redis)');
    expect(out).toContain('scan-baseline.json: stale baseline entry conformance.store-loses-items:infra/main.tf:shop-orders: it matches no finding any more');
    // Only the stale entry: still a failure, so baselines shrink as findings are fixed.
    rmSync(join(dir, 'src/app.js'));
    expect((await cli(dir, 'scan', '--baseline', 'scan-baseline.json')).code).toBe(1);
  });

  it('bad input exits 2 naming the file, line and field: a broken requirements file, a bad baseline, not a folder', async () => {
    const dir = copyOf('replicas-below-plan/bad');
    writeFileSync(join(dir, 'scan-baseline.json'), '{ "version": 1, "findings": [ { "idd": "x" } ] }');
    const baseline = await cli(dir, 'scan', '--baseline', 'scan-baseline.json');
    expect([baseline.code, baseline.err]).toEqual([2, 'scan-baseline.json:1:31 findings[0].id: is required\nscan-baseline.json:1:33 findings[0].idd: unknown field "idd"; did you mean "id"?']);
    writeFileSync(join(dir, 'api.statewise.yaml'), 'service: api\ntraffic:\n  peakRps: -1\n');
    const broken = await cli(dir, 'scan');
    expect([broken.code, broken.err]).toEqual([2, 'api.statewise.yaml:3:12 traffic.peakRps: must be at least 0']);
    const notDir = await cli(dir, 'scan', 'api.statewise.yaml');
    expect([notDir.code, notDir.err]).toEqual([2, 'api.statewise.yaml: not a folder (statewise scan reads a repository folder)']);
  });

  it('--manifests - reads rendered manifests (helm template, kubectl kustomize) from standard input', async () => {
    const dir = copyOf('replicas-below-plan/clean');
    rmSync(join(dir, 'k8s'), { recursive: true });
    const rendered = readFileSync(join(SCAN_FIXTURES, 'replicas-below-plan/bad/k8s/api.yaml'), 'utf8');
    const out: string[] = [];
    const io: Io = { out: (t) => out.push(t), err: () => {}, cwd: dir, today: '2026-11-26', stdin: () => ({ ok: true, text: rendered, bytes: rendered.length }) };
    expect(await main(['scan', '--manifests', '-', '--format', 'json'], io)).toBe(1);
    const findings = (JSON.parse(out.join('')) as { findings: { rule: string; file: string; line: number }[] }).findings;
    expect(findings.map((f) => [f.rule, f.file, f.line])).toEqual([['conformance.replicas-below-plan', '<stdin>', Number(placeOf('replicas-below-plan/bad', 'k8s/api.yaml', 'replicas: 1').split(':')[1])]]);
  });
});
