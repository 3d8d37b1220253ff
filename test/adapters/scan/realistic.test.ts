import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { cli } from '../../support/cli.ts';
import { builtinEngine } from '../../support/engine.ts';
import { placeOf, placesOf, scanFixture, SCAN_FIXTURES } from '../../support/scan.ts';

/**
 * A storefront written in another team's conventions than the rule fixtures: CommonJS controllers exported as
 * `exports.x = function (req, res, next)`, routes by `router.route().get().post()`, `require('express-session')(…)`
 * inline, a `ws` server attached from a helper, a kustomize base whose Deployment is named differently from the
 * service (bound by its app.kubernetes.io/name label) and Terraform for the database. Six contradictions are
 * planted in realistic/planted; realistic/clean fixes them and keeps the look-alikes (a Map filled at start-up, a
 * Set local to a handler, a test file's Map, a Redis StatefulSet with persistence).
 */
const PLANTED: [rule: string, file: string, snippet: string][] = [
  ['session-memory-store', 'app.js', "require('express-session')("],
  ['module-state', 'controllers/cartController.js', 'carts = {}'],
  ['replicas-below-plan', 'k8s/base/deployment.yaml', 'replicas: 1'],
  ['sticky-unplanned', 'k8s/base/service.yaml', 'sessionAffinity: ClientIP'],
  ['realtime-undeclared', 'lib/notifications.js', 'new WebSocket.Server'],
  ['store-loses-items', 'terraform/rds.tf', 'resource "aws_db_instance"'],
];

describe('a realistic Express + Kubernetes service', () => {
  it('every planted contradiction at its line, and nothing else', async () => {
    const report = await scanFixture('realistic/planted');
    const expected = PLANTED.map(([rule, file, snippet]) => {
      const at = placeOf('realistic/planted', file, snippet);
      // The session call is reported where the call starts (`require(…)(`), the module state at its declarator.
      return `conformance.${rule} ${at}`;
    });
    expect([...placesOf(report)].sort()).toEqual([...expected].sort());
  });

  it('its clean twin: no finding, though the scan saw its code and manifests', async () => {
    const report = await scanFixture('realistic/clean');
    expect(report.findings).toEqual([]);
    expect(report.evidence.map((e) => e.kind).sort()).toEqual(expect.arrayContaining(['session-middleware', 'workload', 'store-infra', 'module-state']));
    expect(report.evidence.filter((e) => e.kind === 'module-state').map((e) => [e.facts.name, e.facts.writtenInHandler])).toEqual([['fixtures', false], ['config', false], ['registry', false]]);
  });

  it('init --from on the clean twin drafts requirements that get the hand-written verdict; on the planted one, the code\'s', async () => {
    const engine = builtinEngine();
    const verdict = (text: string) => { const p = parseRequirements(text); if (!p.ok) throw new Error(JSON.stringify(p.issues)); return engine.advise(p.value).verdict; };
    const draft = async (twin: string) => {
      const { code, out } = await cli(join(SCAN_FIXTURES, 'realistic', twin), 'init', '--from', '.', '--print');
      expect(code).toBe(0);
      expect(out).toContain('service: storefront\n'); // from the Deployment's app.kubernetes.io/name label
      return out;
    };
    const written = verdict(readFileSync(join(SCAN_FIXTURES, 'realistic/clean/storefront.statewise.yaml'), 'utf8'));
    expect(verdict(await draft('clean'))).toBe(written);
    // The planted code holds a websocket server and per-instance carts the requirements do not: its draft says so,
    // and advising it gives another answer than the stale requirements do.
    const planted = await draft('planted');
    expect(planted).toContain('  realtime: bidirectional # guessed from lib/notifications.js:6 (ws server)');
    expect(verdict(planted)).not.toBe(written);
  });
});
