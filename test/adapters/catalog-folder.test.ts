import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalogDir } from '../../adapters/index.ts';
import { createEmbeddedEngines } from '../../extension/src/embedded.ts';
import { cli, tempFiles } from '../support/cli.ts';

/** A custom rule that changes nothing but the catalogue version: enough to tell whether the file was read. */
const TEAM = `rules:
  - id: team.prefer-database
    kind: placement
    title: Our team runs Postgres well
    when: { fact: "state[].scope", eq: durable }
    effect: { database: 5 }
    because: "{item}: the team runs a database already"
`;
const SERVICE = 'service: shop\ntraffic: { peakRps: 50 }\nstate:\n  - { name: cart, lifetime: days }\n';

const { dir, done } = tempFiles({ 'shop.statewise.yaml': SERVICE });
mkdirSync(join(dir, 'rules'));
writeFileSync(join(dir, 'rules', 'Team.YAML'), TEAM);
afterAll(() => done());

describe('one catalogue-folder adapter for the CLI and the editor', () => {
  it('reads a file named Team.YAML (upper-case extension) as a catalogue file', () => {
    const read = readCatalogDir('rules', dir);
    expect(read.ok && read.value.map((s) => s.name)).toEqual([join('rules', 'Team.YAML')]);
  });

  it('gives the CLI (--rules, relative to its cwd) and the extension (statewise.rulesPath, absolute) the same rulesVersion', async () => {
    const run = await cli(dir, 'advise', 'shop.statewise.yaml', '--rules', 'rules', '--json');
    expect(run.err).toBe('');
    const fromCli = (JSON.parse(run.out) as { rulesVersion: string }).rulesVersion;
    const engine = createEmbeddedEngines().get(join(dir, 'rules'));
    expect(engine.ok).toBe(true);
    const fromEditor = engine.ok ? engine.value.catalog.version : '';
    expect(fromCli).toMatch(/\+custom\.[0-9a-f]{12}$/);
    expect(fromEditor).toBe(fromCli);
  });

  it('names files by absolute path for the editor and relative to cwd for the CLI, in issues too', () => {
    writeFileSync(join(dir, 'rules', 'broken.yml'), 'rules: [ { id: x } ]\n');
    try {
      const editorRead = createEmbeddedEngines().get(join(dir, 'rules'));
      expect(editorRead.ok).toBe(false);
      if (!editorRead.ok) expect(editorRead.issues.every((i) => i.file === join(dir, 'rules', 'broken.yml'))).toBe(true);
    } finally {
      writeFileSync(join(dir, 'rules', 'broken.yml'), 'rules: []\n');
    }
  });
});
