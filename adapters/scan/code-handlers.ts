import type { Node } from 'web-tree-sitter';
import { ROUTE_METHODS } from './packages.ts';

export const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function_declaration', 'method_definition', 'generator_function', 'generator_function_declaration', 'function']);

/** The name a function is known by at its definition (declaration, `const f = () => …`, method, `f: function`). */
export function functionName(fn: Node): string | undefined {
  if (fn.type === 'function_declaration' || fn.type === 'method_definition') return fn.childForFieldName('name')?.text;
  const parent = fn.parent;
  if (parent?.type === 'variable_declarator') return parent.childForFieldName('name')?.text;
  if (parent?.type === 'pair') return parent.childForFieldName('key')?.text;
  return undefined;
}

/** A call that registers request handlers: `app.get(…)`, `router.use(…)`, `route('/x').post(…)`. */
export function isRouteCall(call: Node): boolean {
  const fn = call.childForFieldName('function');
  return fn?.type === 'member_expression' && ROUTE_METHODS.includes(fn.childForFieldName('property')?.text ?? '');
}

/**
 * Whether a function runs per request: passed to a route call, named as a fastify `handler`, taking `req` or
 * `request` first, or passed by name to a route call somewhere in the file (`handlerNames`).
 */
export function isHandler(fn: Node, handlerNames: ReadonlySet<string>): boolean {
  const parent = fn.parent;
  if (parent?.type === 'arguments' && parent.parent?.type === 'call_expression' && isRouteCall(parent.parent)) return true;
  if (parent?.type === 'pair' && ['handler', 'preHandler'].includes(parent.childForFieldName('key')?.text ?? '')) return true;
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  const first = params?.type === 'identifier' ? params : params?.namedChildren[0];
  const firstName = first?.type === 'identifier' ? first.text : (first?.childForFieldName('pattern') ?? first?.namedChildren[0])?.text;
  if (firstName === 'req' || firstName === 'request') return true;
  const name = functionName(fn);
  return name !== undefined && handlerNames.has(name);
}

/** Whether `name` is declared (a parameter or a `const|let|var` of a block) between `node` and the module's top. */
export function shadowed(node: Node, name: string): boolean {
  for (let n = node.parent; n && n.type !== 'program'; n = n.parent) {
    if (FUNCTION_TYPES.has(n.type)) {
      const params = n.childForFieldName('parameters') ?? n.childForFieldName('parameter');
      if (params && declares(params, name)) return true;
    }
    if (n.type === 'statement_block') {
      for (const s of n.namedChildren) {
        if ((s?.type === 'lexical_declaration' || s?.type === 'variable_declaration') && s.namedChildren.some((d) => d?.childForFieldName('name')?.text === name)) return true;
      }
    }
  }
  return false;
}

function declares(params: Node, name: string): boolean {
  if (params.type === 'identifier') return params.text === name;
  return params.descendantsOfType(['identifier', 'shorthand_property_identifier_pattern']).some((d) => d?.text === name);
}
