import { describe, expect, it } from 'vitest';
import { scanRepository } from '../../../adapters/scan/index.ts';
import { evaluateConformance, loadConformanceCatalog } from '../../../rules/index.ts';
import { ROOT } from '../../support/cli.ts';
import { builtinEngine } from '../../support/engine.ts';

/** `statewise scan .` over this repository, as CI runs it: its server code and deploy/ against statewise.statewise.yaml. */
const engine = builtinEngine();
const EXCLUDE = ['test', 'examples', 'bench'];

describe('statewise scans itself', () => {
  it('no contradiction, with its own Deployment and autoscaler bound to its plan (so the check is not vacuous)', async () => {
    const report = await scanRepository(ROOT, { advise: (r) => engine.advise(r), exclude: EXCLUDE, today: '2026-11-26' });
    expect(report.issues).toEqual([]);
    expect(report.plans.map((p) => p.service)).toEqual(['statewise-api']);
    expect(report.findings).toEqual([]);
    const deployment = report.evidence.find((e) => e.kind === 'workload' && e.file === 'deploy/kubernetes/base/deployment.yaml')!;
    expect(deployment.facts).toMatchObject({ workload: 'statewise', replicas: 2 });
    // The same evidence with one replica and no autoscaler contradicts the plan's availability (2 instances at 99.9%).
    const catalog = loadConformanceCatalog();
    if (!catalog.ok) throw new Error('catalogue');
    const single = report.evidence.filter((e) => e.kind !== 'autoscaler' && e.file !== 'deploy/kubernetes/overlays/production/deployment-patch.yaml')
      .map((e) => (e === deployment ? { ...e, facts: { ...e.facts, replicas: 1 } } : e));
    expect(evaluateConformance(catalog.value, report.plans, single).findings.map((f) => `${f.rule} ${f.file}:${f.line}`))
      .toEqual([`conformance.replicas-below-plan deploy/kubernetes/base/deployment.yaml:${deployment.line}`]);
  });
});
