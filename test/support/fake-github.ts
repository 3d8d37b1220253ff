import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the fake GitHub API received. */
export interface ApiCall { method: string; path: string; authorization?: string; body?: { body?: string } }

/**
 * A stand-in for the GitHub REST API's issue-comment endpoints on loopback: GitHub itself cannot be reached from
 * here, so the action's script talks to this real HTTP server instead (GITHUB_API_URL), which keeps comments in
 * memory per pull request and records every call. `failWith` makes writes answer that status (a fork's read-only token).
 */
export async function fakeGitHub(options: { token: string; failWith?: number }): Promise<{ url: string; calls: ApiCall[]; comments: Map<number, { id: number; body: string }[]>; close: () => Promise<void> }> {
  const calls: ApiCall[] = [];
  const comments = new Map<number, { id: number; body: string }[]>();
  let nextId = 1000;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => { raw += c.toString(); });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const call: ApiCall = { method: req.method ?? '', path: url.pathname + url.search };
      if (req.headers.authorization) call.authorization = req.headers.authorization;
      if (raw) call.body = JSON.parse(raw);
      calls.push(call);
      const send = (status: number, data: unknown) => { res.writeHead(status, { 'content-type': 'application/json' }); res.end(JSON.stringify(data)); };
      if (req.headers.authorization !== `Bearer ${options.token}`) return send(401, { message: 'Bad credentials' });
      const list = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/);
      const one = url.pathname.match(/^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/);
      if (list && req.method === 'GET') {
        const all = comments.get(Number(list[1])) ?? [];
        const perPage = Number(url.searchParams.get('per_page') ?? 30);
        const page = Number(url.searchParams.get('page') ?? 1);
        return send(200, all.slice((page - 1) * perPage, page * perPage));
      }
      if (options.failWith && req.method !== 'GET') return send(options.failWith, { message: 'Resource not accessible by integration' });
      if (list && req.method === 'POST') {
        const comment = { id: nextId++, body: String(call.body?.body) };
        comments.set(Number(list[1]), [...(comments.get(Number(list[1])) ?? []), comment]);
        return send(201, comment);
      }
      if (one && req.method === 'PATCH') {
        const comment = [...comments.values()].flat().find((c) => c.id === Number(one[1]));
        if (!comment) return send(404, { message: 'Not Found' });
        comment.body = String(call.body?.body);
        return send(200, comment);
      }
      return send(404, { message: 'Not Found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, calls, comments, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
