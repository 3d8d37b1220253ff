import type { Node } from 'web-tree-sitter';
import type { Evidence } from '../../rules/index.ts';
import { importBindings, requireBindings, requiredPackage, type Binding } from './code-imports.ts';
import { FUNCTION_TYPES, isHandler, isRouteCall, shadowed } from './code-handlers.ts';
import type { Grammars } from './grammars.ts';
import { CACHE_PACKAGES, MEMORY_SESSION_STORES, MUTATORS, REALTIME_ADAPTERS, SESSION_PACKAGES, STORE_CLIENTS } from './packages.ts';

export const CODE_FILE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

/** A module-level variable holding mutable state. */
interface Candidate { name: string; constructor: string; node: Node }
interface Write { name: string; node: Node; fn: Node | null }

const at = (node: Node) => ({ line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
const INTERESTING = new Set(['call_expression', 'new_expression', 'assignment_expression', 'augmented_assignment_expression', 'update_expression', 'unary_expression']);

/**
 * The evidence in one TypeScript or JavaScript file: store client libraries, module-level mutable state written by
 * request handlers, session middleware and its store, realtime servers and shared adapters. One parse, one walk.
 */
export function extractCode(file: string, text: string, g: Grammars): Evidence[] {
  g.parser.setLanguage(/\.(ts|mts|cts)$/.test(file) ? g.typescript : g.tsx);
  const tree = g.parser.parse(text);
  if (!tree) return [];
  try {
    return extractTree(file, text, tree.rootNode);
  } finally {
    tree.delete();
  }
}

function extractTree(file: string, text: string, root: Node): Evidence[] {
  const out: Evidence[] = [];
  const emit = (kind: Evidence['kind'], node: Node, facts: Evidence['facts']) => out.push({ kind, file, ...at(node), facts });
  const bindings = new Map<string, Binding>();
  const candidates = new Map<string, Candidate>();
  // Top level: imports, requires and module-level state.
  for (const top of root.namedChildren) {
    if (!top) continue;
    const statement = top.type === 'export_statement' ? (top.childForFieldName('declaration') ?? top) : top;
    if (statement.type === 'import_statement') for (const [n, b] of importBindings(statement)) bindings.set(n, b);
    if (statement.type !== 'lexical_declaration' && statement.type !== 'variable_declaration') continue;
    for (const d of statement.namedChildren) {
      if (d?.type !== 'variable_declarator') continue;
      for (const [n, b] of requireBindings(d)) bindings.set(n, b);
      const name = d.childForFieldName('name');
      const ctor = name?.type === 'identifier' ? stateConstructor(d.childForFieldName('value'), bindings) : undefined;
      if (name && ctor) candidates.set(name.text, { name: name.text, constructor: ctor, node: d });
    }
  }
  const packages = new Map<string, Node>();
  for (const b of bindings.values()) if (!packages.has(b.pkg)) packages.set(b.pkg, b.node);
  const handlerNames = new Set<string>();
  const writes: Write[] = [];
  const calls: Node[] = [];
  // The walk looks for three things; a file that can hold none of them is not walked (most files: imports only).
  const requires = text.includes('require(');
  const sessionsOrRealtime = /session|socket\.io|['"]ws['"]/.test(text);
  if (candidates.size || requires || sessionsOrRealtime) {
    walk(root, (node) => {
      if (node.type === 'call_expression') {
        const pkg = requires ? requiredPackage(node) : undefined;
        if (pkg && !packages.has(pkg)) packages.set(pkg, node);
        if (candidates.size && isRouteCall(node)) for (const a of node.childForFieldName('arguments')?.namedChildren ?? []) if (a?.type === 'identifier') handlerNames.add(a.text);
        if (sessionsOrRealtime) calls.push(node);
      } else if (node.type === 'new_expression' && sessionsOrRealtime) calls.push(node);
      const name = candidates.size ? writtenName(node, candidates) : undefined;
      if (name && !shadowed(node, name)) writes.push({ name, node, fn: enclosingFunction(node) });
    });
  }
  for (const [pkg, node] of packages) {
    if (STORE_CLIENTS[pkg]) emit('store-client', node, { key: pkg, package: pkg, technology: STORE_CLIENTS[pkg] });
    if (REALTIME_ADAPTERS.includes(pkg)) emit('realtime-adapter', node, { key: pkg, package: pkg });
  }
  for (const c of candidates.values()) {
    const w = writes.find((x) => x.name === c.name && inHandler(x.fn, handlerNames));
    emit('module-state', c.node, { key: c.name, name: c.name, constructor: c.constructor, writtenInHandler: w !== undefined, writeLine: w ? at(w.node).line : undefined });
  }
  const memoryStoreImported = [...packages.keys()].some((p) => MEMORY_SESSION_STORES.includes(p));
  for (const call of calls) {
    const session = sessionOf(call, bindings);
    if (session) emit('session-middleware', call, { key: session.pkg, library: session.pkg, ...sessionStore(session, memoryStoreImported, root) });
    const realtime = realtimeOf(call, bindings);
    if (realtime) emit('realtime-server', call, { key: realtime, library: realtime });
  }
  return out;
}

/** Depth-first over every node, materialising only the node types the extractor looks at. */
function walk(root: Node, visit: (node: Node) => void): void {
  const cursor = root.walk();
  for (;;) {
    if (INTERESTING.has(cursor.nodeType)) visit(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent()) { cursor.delete(); return; }
    }
  }
}

/** What kind of mutable state a module-level initialiser creates, if any. */
function stateConstructor(value: Node | null, bindings: Map<string, Binding>): string | undefined {
  if (!value) return undefined;
  if (value.type === 'object' || value.type === 'array') return value.type;
  if (value.type !== 'new_expression') return undefined;
  const ctor = value.childForFieldName('constructor');
  const base = ctor?.type === 'member_expression' ? ctor.childForFieldName('object')?.text : ctor?.text;
  if (ctor?.type === 'identifier' && (ctor.text === 'Map' || ctor.text === 'Set')) return ctor.text;
  const bound = base ? bindings.get(base) : undefined;
  return bound && CACHE_PACKAGES[bound.pkg] ? CACHE_PACKAGES[bound.pkg] : undefined;
}

/** The module-level name a node writes to: `x.set(…)`, `x[k] = …`, `x.a += …`, `x.n++`, `delete x[k]`, `x = …`. */
function writtenName(node: Node, candidates: Map<string, Candidate>): string | undefined {
  let target: Node | null = null;
  if (node.type === 'call_expression') {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'member_expression' && MUTATORS.includes(fn.childForFieldName('property')?.text ?? '')) target = fn.childForFieldName('object');
  } else if (node.type === 'assignment_expression' || node.type === 'augmented_assignment_expression') target = node.childForFieldName('left');
  else if (node.type === 'update_expression') target = node.childForFieldName('argument');
  else if (node.type === 'unary_expression' && node.childForFieldName('operator')?.text === 'delete') target = node.childForFieldName('argument');
  // The base of a member chain: x.a.b[c] → x.
  while (target && (target.type === 'member_expression' || target.type === 'subscript_expression')) target = target.childForFieldName('object');
  return target?.type === 'identifier' && candidates.has(target.text) ? target.text : undefined;
}

function enclosingFunction(node: Node): Node | null {
  for (let n = node.parent; n; n = n.parent) if (FUNCTION_TYPES.has(n.type)) return n;
  return null;
}

/** Whether a write happens in a request handler, or in a function nested in one (a callback of a handler). */
function inHandler(fn: Node | null, handlerNames: ReadonlySet<string>): boolean {
  for (let f = fn; f; f = enclosingFunction(f)) if (isHandler(f, handlerNames)) return true;
  return false;
}

/** `session({…})`, `require('express-session')({…})`, `app.register(fastifySession, {…})`: the package and options. */
function sessionOf(call: Node, bindings: Map<string, Binding>): { pkg: string; options: Node | undefined } | undefined {
  if (call.type !== 'call_expression') return undefined;
  const fn = call.childForFieldName('function');
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const direct = fn?.type === 'identifier' ? bindings.get(fn.text)?.pkg : requiredPackage(fn);
  if (direct && SESSION_PACKAGES[direct] && bindings.get(fn?.text ?? '')?.imported !== 'MemoryStore') return { pkg: direct, options: args[0] ?? undefined };
  if (fn?.type === 'member_expression' && fn.childForFieldName('property')?.text === 'register' && args[0]?.type === 'identifier') {
    const pkg = bindings.get(args[0].text)?.pkg;
    if (pkg && SESSION_PACKAGES[pkg]) return { pkg, options: args[1] ?? undefined };
  }
  return undefined;
}

/** Where a session middleware keeps sessions: in memory (no store, MemoryStore, memorystore), elsewhere, or in the client. */
function sessionStore(s: { pkg: string; options: Node | undefined }, memoryStoreImported: boolean, root: Node): Record<string, string> {
  if (SESSION_PACKAGES[s.pkg] === 'client') return { keeps: 'client', storeHow: 'a signed cookie' };
  let options = s.options;
  // `session(config)` with `const config = {…}` at the top of the file.
  if (options?.type === 'identifier') {
    const name = options.text;
    options = root.descendantsOfType('variable_declarator').find((d) => d?.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined;
  }
  if (options?.type !== 'object') return { keeps: 'unknown', storeHow: 'options not written in place' };
  const store = options.namedChildren.find((p) => (p?.type === 'pair' && p.childForFieldName('key')?.text === 'store') || (p?.type === 'shorthand_property_identifier' && p.text === 'store'));
  if (!store) return { keeps: 'memory', storeHow: 'no store option, so the default MemoryStore' };
  const text = store.type === 'pair' ? (store.childForFieldName('value')?.text ?? '') : 'store';
  if (/\bMemoryStore\b/.test(text)) return { keeps: 'memory', storeHow: memoryStoreImported ? 'memorystore' : 'MemoryStore' };
  return { keeps: 'external', storeHow: text.slice(0, 80) };
}

/** `new Server(…)` from socket.io, `require('socket.io')(…)`, `new WebSocketServer(…)` / `new WebSocket.Server(…)` from ws. */
function realtimeOf(node: Node, bindings: Map<string, Binding>): string | undefined {
  const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
  if (!callee) return undefined;
  if (node.type === 'call_expression') {
    const pkg = callee.type === 'identifier' ? bindings.get(callee.text) : undefined;
    if (requiredPackage(callee) === 'socket.io' || (pkg?.pkg === 'socket.io' && pkg.imported === 'default')) return 'socket.io';
    return undefined;
  }
  const base = callee.type === 'member_expression' ? callee.childForFieldName('object')?.text : callee.text;
  const member = callee.type === 'member_expression' ? callee.childForFieldName('property')?.text : undefined;
  const b = base ? bindings.get(base) : undefined;
  if (!b) return undefined;
  const exported = member ?? b.imported;
  if (b.pkg === 'socket.io' && (exported === 'Server' || exported === 'default' && !member)) return 'socket.io';
  if (b.pkg === 'ws' && ['Server', 'WebSocketServer'].includes(exported)) return 'ws';
  return undefined;
}
