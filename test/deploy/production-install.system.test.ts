import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT } from '../support/cli.ts';
import { envOf, readDockerfile, stage, type Stage } from './dockerfile.ts';

/**
 * SLOW (about a minute: two `npm ci` and a build). The image's build and runtime stages, replayed from the Dockerfile
 * without a container engine (none runs here): a copy of the repository's tracked files as the build context, each
 * stage's COPY and RUN run in its own folder (WORKDIR /app = that folder), npm's local cache preferred so it works
 * offline. What cannot run here: the `base` stage (apt-get install tini, an OS package) and the image itself.
 * Then the runtime folder — production dependencies, bin/ and dist/, no sources — serves /healthz and a
 * recommendation with the production overlay's catalogue and an API key, and drains on SIGTERM.
 */
const stages = readDockerfile();
let work: string;
let context: string;
const dirs: Record<string, string> = {};

/** Runs one stage's COPY and RUN instructions in `dir`; `COPY --from=X /app/...` reads the folder stage X ran in. */
function replay(s: Stage, dir: string): void {
  mkdirSync(dir, { recursive: true });
  // npm prefers its local cache (works offline); STATEWISE_RUN (vitest sets it for the sources) is the stage's own.
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_prefer_offline: 'true', npm_config_update_notifier: 'false' };
  delete env.STATEWISE_RUN;
  Object.assign(env, envOf(stages, s.name));
  for (const i of s.instructions) {
    if (i.op === 'COPY') {
      const parts = i.args.split(/\s+/);
      const dest = join(dir, parts.pop()!);
      const from = i.flags.from ? dirs[i.flags.from] : context;
      if (!from) throw new Error(`Dockerfile:${i.line}: stage ${i.flags.from} was not replayed`);
      for (const src of parts) {
        const path = join(from, src.replace(/^\/app\/?/, ''));
        // `COPY a b ./` puts each source into the folder; `COPY dir/ dir/` and `COPY . .` copy onto the destination.
        const into = parts.length > 1 ? join(dest, src.split('/').filter(Boolean).pop()!) : dest;
        cpSync(path, into, { recursive: true });
      }
    } else if (i.op === 'RUN') {
      const r = spawnSync('sh', ['-c', i.args], { cwd: dir, env, encoding: 'utf8', timeout: 600_000 });
      if (r.status !== 0) throw new Error(`Dockerfile:${i.line}: RUN ${i.args} exited ${r.status}\n${r.stdout}\n${r.stderr}`);
    } else if (!['WORKDIR', 'ENV', 'USER', 'EXPOSE', 'HEALTHCHECK', 'ENTRYPOINT', 'CMD', 'ARG'].includes(i.op)) {
      throw new Error(`Dockerfile:${i.line}: the replay does not know ${i.op}; teach it or keep the Dockerfile simple`);
    }
  }
  dirs[s.name] = dir;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'statewise-image-'));
  context = join(work, 'context');
  // The build context of a clean clone: the tracked files (.dockerignore removes only untracked ones).
  const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const f of files) {
    if (!existsSync(join(ROOT, f))) continue;
    mkdirSync(dirname(join(context, f)), { recursive: true });
    cpSync(join(ROOT, f), join(context, f));
  }
  replay(stage(stages, 'build'), join(work, 'build'));
  replay(stage(stages, 'runtime'), join(work, 'runtime'));
}, 900_000);

// Two node_modules trees (the build stage's includes the exporters' validators, likec4 among them): removing them
// can take minutes on a busy machine.
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }); }, 600_000);

describe('production install, as the Dockerfile does it (slow)', () => {
  it('the runtime folder holds production dependencies, bin/ and the compiled dist/ — no sources, no dev tools', () => {
    const rt = dirs.runtime!;
    expect(existsSync(join(rt, 'dist', 'cli.cjs'))).toBe(true);
    expect(existsSync(join(rt, 'dist', 'cli.cjs.cache'))).toBe(true);
    for (const gone of ['server', 'rules', 'scripts', 'test', 'node_modules/tsx', 'node_modules/esbuild', 'node_modules/vitest', 'node_modules/typescript']) {
      expect(existsSync(join(rt, gone)), gone).toBe(false);
    }
    const pkg = JSON.parse(readFileSync(join(rt, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const dep of Object.keys(pkg.dependencies)) expect(existsSync(join(rt, 'node_modules', dep)), dep).toBe(true);
  });

  it('the compiled CLI scans a repository with the tree-sitter wasm it carries in dist/grammars', () => {
    const rt = dirs.runtime!;
    for (const f of ['web-tree-sitter.wasm', 'tree-sitter-typescript.wasm', 'tree-sitter-tsx.wasm', 'tree-sitter-terraform.wasm']) expect(existsSync(join(rt, 'dist', 'grammars', f)), f).toBe(true);
    const repo = join(ROOT, 'test', 'fixtures', 'scan', 'session-memory-store', 'bad');
    const r = spawnSync(process.execPath, [join(rt, 'bin', 'statewise.js'), 'scan', '--format', 'json'], { cwd: repo, env: { ...process.env, ...envOf(stages, 'runtime') }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(1);
    expect((JSON.parse(r.stdout) as { findings: { rule: string; file: string; line: number }[] }).findings.map((f) => [f.rule, f.file, f.line])).toEqual([['conformance.session-memory-store', 'src/app.js', 5]]);
  });

  it('the compiled server answers /healthz and a recommendation (custom catalogue, API key), then drains on SIGTERM', async () => {
    const rulesDir = join(context, 'deploy', 'kubernetes', 'overlays', 'production', 'rules');
    const key = 'deploy-test-key-0123456789';
    const env: NodeJS.ProcessEnv = { ...process.env, ...envOf(stages, 'runtime'), HOST: '127.0.0.1', PORT: '0', STATEWISE_RULES: rulesDir, STATEWISE_API_KEYS: key };
    const child = spawn(process.execPath, ['bin/statewise.js', 'serve'], { cwd: dirs.runtime!, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += String(d); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "listening on" in 60 s:\n${stderr}`)), 60_000);
        child.stderr.on('data', () => {
          const m = /listening on (http:\/\/\S+)/.exec(stderr);
          if (m) { clearTimeout(timer); resolve(m[1]!); }
        });
        void exited.then((code) => reject(new Error(`server exited ${code}:\n${stderr}`)));
      });
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const { status, rulesVersion } = await health.json() as { status: string; rulesVersion: string };
      expect(status).toBe('ok');
      // The same catalogue as the sources load with that folder: built-in (pre-parsed in dist/) + the overlay's.
      // From the same folder: a custom file's name, relative to the working folder, is part of the digest.
      const fromSources = await cli(dirs.runtime!, 'advise', join(ROOT, 'examples', 'online-shop.statewise.yaml'), '--json', '--rules', rulesDir);
      expect(fromSources.code, fromSources.err).toBe(0);
      const expected = JSON.parse(fromSources.out) as { rulesVersion: string };
      expect(rulesVersion).toBe(expected.rulesVersion);
      expect(rulesVersion).toMatch(/\+custom\./);

      const body = readFileSync(join(ROOT, 'examples', 'online-shop.statewise.yaml'));
      const denied = await fetch(`${url}/v1/recommendations`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body });
      expect(denied.status).toBe(401);
      const answer = await fetch(`${url}/v1/recommendations`, { method: 'POST', headers: { 'content-type': 'application/yaml', authorization: `Bearer ${key}` }, body });
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual(expected);

      // What people open in a browser works without dev dependencies: the playground with its examples and mermaid,
      // the API reference with request examples from examples/.
      const page = await fetch(`${url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('online-shop');
      const mermaid = await fetch(`${url}/assets/mermaid.min.js`);
      expect(mermaid.status).toBe(200);
      expect((await mermaid.arrayBuffer()).byteLength).toBeGreaterThan(1_000_000);
      expect((await fetch(`${url}/docs`)).status).toBe(200);
      const openapi = await (await fetch(`${url}/openapi.json`)).text();
      expect(openapi).toContain('examples/online-shop.statewise.yaml');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/SIGTERM; pid \d+ draining/);
    expect(stderr).toMatch(/stopped \(all requests finished\)/);
  }, 120_000);

  it('the compiled CLI without dev dependencies: mcp serves its tools, export --to svg says what it needs', async () => {
    const rt = dirs.runtime!;
    const env = { ...process.env, ...envOf(stages, 'runtime') } as Record<string, string>;
    // The SDK's own client over stdio to the runtime folder's binary: the bundle requires the SDK (a production
    // dependency left external to the bundle) only for this command.
    const transport = new StdioClientTransport({ command: process.execPath, args: ['bin/statewise.js', 'mcp'], cwd: rt, env, stderr: 'pipe' });
    const client = new Client({ name: 'deploy-test', version: '0' });
    await client.connect(transport);
    try {
      expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(['advise', 'check', 'explain_rule', 'review', 'what_if']);
      const advice = await client.callTool({ name: 'advise', arguments: { requirements: readFileSync(join(ROOT, 'examples', 'online-shop.statewise.yaml'), 'utf8') } });
      expect((advice.structuredContent as { verdict: string }).verdict).toBe('stateless');
      expect((await client.listResources()).resources.some((r) => r.uri === 'statewise://examples/online-shop.statewise.yaml')).toBe(true);
    } finally {
      await client.close();
    }
    const svg = spawnSync(process.execPath, ['bin/statewise.js', 'export', 'examples/online-shop.statewise.yaml', '--to', 'svg'], { cwd: rt, env, encoding: 'utf8' });
    expect(svg.status).toBe(2);
    expect(svg.stdout).toBe('');
    expect(svg.stderr).toMatch(/^statewise export: --to svg (needs the packages playwright-core and mermaid|renders the diagram with Mermaid in a headless Chromium, and there is none)/);
  }, 120_000);

  it('in a checkout, an edited source is answered from the sources, never by the stale build (bin/statewise.js)', () => {
    const build = dirs.build!;
    const run = (env: Record<string, string>) => {
      const e = { ...process.env, ...env };
      if (!env.STATEWISE_RUN) delete e.STATEWISE_RUN;
      return execFileSync(process.execPath, ['bin/statewise.js', '--version'], { cwd: build, env: e, encoding: 'utf8' }).trim();
    };
    expect(run({})).toBe('statewise 0.1.0');
    // An edit a developer could make: the version the CLI prints (adapters/version.ts is an input of dist/cli.cjs).
    const versionFile = join(build, 'adapters', 'version.ts');
    const edited = readFileSync(versionFile, 'utf8').replace('= pkg.version;', "= `${pkg.version}-edited`;");
    expect(edited).toContain('-edited');
    writeFileSync(versionFile, edited);
    expect(run({})).toBe('statewise 0.1.0-edited');
    expect(run({ STATEWISE_RUN: 'dist' })).toBe('statewise 0.1.0');
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: build, stdio: 'ignore' });
    expect(run({ STATEWISE_RUN: 'dist' })).toBe('statewise 0.1.0-edited');
  }, 120_000);
});
