import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/cli.ts';

/**
 * swagger-ui-dist depends on @scarf/scarf, whose postinstall script reports installs. statewise turns it off in its
 * package.json (issue 29): the test reads the installed scarf's own opt-out check, so a scarf release that renamed
 * the setting would fail here rather than quietly start reporting.
 */
describe('install analytics are off (@scarf/scarf)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scarfSettings?: { enabled?: unknown } };
  const report = readFileSync(join(ROOT, 'node_modules/@scarf/scarf/report.js'), 'utf8');

  it('package.json opts out with the setting the installed scarf reads', () => {
    expect(pkg.scarfSettings).toEqual({ enabled: false });
    const optedOut = /const userHasOptedOut = \(rootPackage\) => \{\s*return \(rootPackage && rootPackage\.scarfSettings && rootPackage\.scarfSettings\.enabled === false\)/;
    expect(report).toMatch(optedOut);
  });

  it('the container image installs without running any install script', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    const installs = dockerfile.split('\n').filter((l) => /\bnpm ci\b/.test(l));
    expect(installs.length).toBeGreaterThan(0);
    for (const l of installs) expect(l).toContain('--ignore-scripts');
  });
});
