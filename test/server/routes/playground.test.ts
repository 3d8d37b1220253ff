import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/review.ts';
import { testServer, type TestServer } from '../../support/http.ts';

/** GET / and /assets/* over real HTTP on loopback: the page, its CSP, its files, and the API's headers unchanged. */
let server: TestServer;

beforeAll(async () => {
  execFileSync('npx', ['tsx', 'scripts/build-web.ts'], { cwd: ROOT, stdio: 'pipe' }); // as `npm start` does first
  server = await testServer();
});
afterAll(async () => { await server.close(1000); });

describe('the playground and /docs find each other, without a 404 (issue 29)', () => {
  it('the playground links the API reference and its icon; /docs links the playground', async () => {
    const page = await (await fetch(server.url + '/')).text();
    expect(page).toContain('<a class="pg-link" href="/docs">API reference</a>');
    expect(page).toContain('<link rel="icon" type="image/svg+xml" href="/favicon.svg">');
    const docs = await (await fetch(server.url + '/docs')).text();
    expect(docs).toMatch(/<a href="\/">Playground<\/a>/);
  });

  it('answers the icon at both names a browser asks for, with the project icon', async () => {
    const icon = readFileSync(join(ROOT, 'extension/images/icon.svg'), 'utf8');
    for (const path of ['/favicon.svg', '/favicon.ico']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml');
      expect(await res.text()).toBe(icon);
    }
  });
});

describe('web playground route', () => {
  it('serves the page with its own strict CSP and every example to pick', async () => {
    const res = await fetch(server.url + '/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await res.text();
    expect(html).not.toMatch(/ on[a-z]+=/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.statewise.yaml'));
    for (const name of examples) expect(html).toContain(`<option value="${name}">`);
    const data = /<script type="application\/json" id="examples">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '[]';
    const parsed = JSON.parse(data) as { name: string; text: string }[];
    expect(parsed.find((e) => e.name === examples[0])?.text).toBe(readFileSync(join(ROOT, 'examples', examples[0]!), 'utf8'));
    expect(data).not.toContain('<');
  });

  it('serves the built script and stylesheet and mermaid from node_modules, with their types', async () => {
    const js = await fetch(server.url + '/assets/playground.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe(readFileSync(join(ROOT, 'dist/web/playground.js'), 'utf8'));
    const css = await fetch(server.url + '/assets/playground.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const mermaid = await fetch(server.url + '/assets/mermaid.min.js');
    expect(mermaid.status).toBe(200);
    expect((await mermaid.arrayBuffer()).byteLength).toBe(readFileSync(join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js')).byteLength);
  });

  it('answers an unknown asset or a path trick with a 404 problem, never a file outside dist/web', async () => {
    for (const path of ['/assets/nope.js', '/assets/..%2Fpackage.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
      const res = await fetch(server.url + path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  it('leaves the API its own script-free CSP', async () => {
    const res = await fetch(server.url + '/healthz');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('refuses a foreign Host on the page too (DNS rebinding guard)', async () => {
    const guarded = await testServer({ allowedHosts: ['127.0.0.1'] });
    try {
      const { request } = await import('node:http');
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(guarded.url + '/', { headers: { host: 'evil.example' } }, (r) => { r.resume(); resolve(r.statusCode ?? 0); });
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(421);
    } finally { await guarded.close(1000); }
  });
});
