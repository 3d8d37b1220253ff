import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT } from '../support/cli.ts';

/**
 * statewise describes its own HTTP service (statewise.statewise.yaml) and commits the review it writes for it
 * (docs/design-reviews/statewise-api.md). CI runs `statewise check` on it (.ci/run); so does this test.
 */
const REQUIREMENTS = 'statewise.statewise.yaml';
const REVIEW = 'docs/design-reviews/statewise-api.md';

describe("statewise's own design review", () => {
  it('matches its requirements (statewise check exits 0)', async () => {
    const r = await cli(ROOT, 'check', REQUIREMENTS);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${REVIEW} is up to date (stateless)`);
  });

  it('rests on the figures the deployment uses: the pod memory request, and the bench throughput of one process', () => {
    const req = parse(readFileSync(join(ROOT, REQUIREMENTS), 'utf8')) as { constraints: { instance: { memoryMb: number; rps: number } }; traffic: { peakRps: number } };
    const deployment = readFileSync(join(ROOT, 'deploy/kubernetes/base/deployment.yaml'), 'utf8');
    const requestMi = Number(/requests:\s*\n\s*cpu: \S+\s*\n\s*memory: (\d+)Mi/.exec(deployment)![1]);
    expect(req.constraints.instance.memoryMb).toBe(requestMi);
    // bench/RESULTS.md and the requirements' comment: one process answers ~260-360 recommendations/s.
    expect(req.constraints.instance.rps).toBeLessThanOrEqual(260);
    // The review's instance count, computed here: 60 req/s × 1.5 (spiky headroom) ÷ 250 = 1, and 2 to survive a loss.
    const review = readFileSync(join(ROOT, REVIEW), 'utf8');
    const byLoad = Math.ceil((req.traffic.peakRps * 1.5) / req.constraints.instance.rps);
    expect(review).toContain(`| Instances | ${Math.max(2, byLoad)} |`);
    expect(review).toMatch(/verdict: stateless/);
    expect(review).toContain('Keep statewise-api stateless: any instance serves any request');
  });

  it('is linked from the README deploy section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const deploy = readme.slice(readme.indexOf('\n## Deploy'));
    expect(deploy.length).toBeGreaterThan(20);
    expect(deploy.slice(0, deploy.indexOf('\n## ', 5))).toContain(`](${REVIEW})`);
  });
});
