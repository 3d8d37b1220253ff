import { describe, expect, it } from 'vitest';
import { extractCode } from '../../../adapters/scan/code.ts';
import { loadGrammars } from '../../../adapters/scan/grammars.ts';

/** The TypeScript/JavaScript extractor on the conventions it must recognise (and the look-alikes it must not). */
const g = await loadGrammars();
const facts = (file: string, text: string, kind: string): Record<string, unknown>[] =>
  extractCode(file, text, g).filter((e) => e.kind === kind).map((e) => ({ line: e.line, ...e.facts }));

describe('code evidence', () => {
  it('module state written by a handler passed by name, through a nested callback, and not when shadowed', () => {
    const text = [
      "const LRU = require('lru-cache');",
      'const carts = {};',
      'let seen = new LRU({ max: 100 });',
      'const counts = new Map();',
      'function addItem(req, res) { db.get(req.id).then(() => { carts[req.id] = req.body; }); }',
      "router.post('/cart', addItem);",
      "app.get('/x', (q, r) => { const counts = new Map(); counts.set(1, 2); seen.set('a', 1); });",
      'function boot() { counts.set("start", Date.now()); }',
    ].join('\n');
    expect(facts('a.js', text, 'module-state')).toEqual([
      { line: 2, key: 'carts', name: 'carts', constructor: 'object', writtenInHandler: true, writeLine: 5 },
      { line: 3, key: 'seen', name: 'seen', constructor: 'LRU cache', writtenInHandler: true, writeLine: 7 },
      { line: 4, key: 'counts', name: 'counts', constructor: 'Map', writtenInHandler: false, writeLine: undefined },
    ]);
  });

  it('session middleware: no store, MemoryStore, memorystore and @fastify/session are memory; a store option is not; cookie-session is the client', () => {
    const text = [
      "import session from 'express-session';",
      "import fastifySession from '@fastify/session';",
      "import cookieSession from 'cookie-session';",
      "const MemoryStore = require('memorystore')(session);",
      "app.use(session({ secret: 'x', store: new MemoryStore({ checkPeriod: 1 }) }));",
      "fastify.register(fastifySession, { secret: 'y' });",
      "app.use(cookieSession({ keys: ['k'] }));",
      "const options = { store: redisStore, secret: 'z' };",
      'app.use(session(options));',
    ].join('\n');
    expect(facts('s.ts', text, 'session-middleware').map((f) => [f.line, f.library, f.keeps, f.storeHow])).toEqual([
      [5, 'express-session', 'memory', 'memorystore'],
      [6, '@fastify/session', 'memory', 'no store option, so the default MemoryStore'],
      [7, 'cookie-session', 'client', 'a signed cookie'],
      [9, 'express-session', 'external', 'redisStore'],
    ]);
  });

  it('realtime servers from socket.io and ws, not their clients; adapters and store clients by package', () => {
    const text = [
      "const io = require('socket.io')(server);",
      "import WebSocket, { WebSocketServer } from 'ws';",
      "import { io as connect } from 'socket.io-client';",
      "import { createAdapter } from '@socket.io/redis-adapter';",
      "import Redis from 'ioredis';",
      'const a = new WebSocket.Server({ noServer: true });',
      "const client = new WebSocket('wss://example.com');",
      "const s = connect('http://x');",
    ].join('\n');
    expect(facts('r.ts', text, 'realtime-server').map((f) => [f.line, f.library])).toEqual([[1, 'socket.io'], [6, 'ws']]);
    expect(facts('r.ts', text, 'realtime-adapter').map((f) => f.package)).toEqual(['@socket.io/redis-adapter']);
    expect(facts('r.ts', text, 'store-client').map((f) => [f.package, f.technology])).toEqual([['ioredis', 'redis']]);
  });
});
