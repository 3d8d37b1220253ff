import type { Node } from 'web-tree-sitter';

/** What a local name was bound to by an import or require: the package and the name it exported. */
export interface Binding { pkg: string; imported: string; node: Node }

/** `require('pkg')` → 'pkg', else undefined. */
export function requiredPackage(node: Node | null): string | undefined {
  if (node?.type !== 'call_expression') return undefined;
  const fn = node.childForFieldName('function');
  if (fn?.type !== 'identifier' || fn.text !== 'require') return undefined;
  const arg = node.childForFieldName('arguments')?.namedChildren[0];
  return arg?.type === 'string' ? unquote(arg.text) : undefined;
}

export function unquote(text: string): string {
  return text.slice(1, -1);
}

/** The names an import statement binds. */
export function importBindings(statement: Node): [string, Binding][] {
  const source = statement.childForFieldName('source');
  if (!source) return [];
  const pkg = unquote(source.text);
  const out: [string, Binding][] = [];
  const clause = statement.namedChildren.find((c) => c?.type === 'import_clause');
  for (const part of clause?.namedChildren ?? []) {
    if (!part) continue;
    if (part.type === 'identifier') out.push([part.text, { pkg, imported: 'default', node: statement }]);
    else if (part.type === 'namespace_import') {
      const id = part.namedChildren.find((c) => c?.type === 'identifier');
      if (id) out.push([id.text, { pkg, imported: '*', node: statement }]);
    } else if (part.type === 'named_imports') {
      for (const spec of part.namedChildren) {
        if (spec?.type !== 'import_specifier') continue;
        const name = spec.childForFieldName('name')?.text;
        const alias = spec.childForFieldName('alias')?.text;
        if (name) out.push([alias ?? name, { pkg, imported: name, node: statement }]);
      }
    }
  }
  if (out.length === 0) out.push([`<side-effect:${pkg}>`, { pkg, imported: '*', node: statement }]);
  return out;
}

/** The names `const x = require('pkg')` or `const { a, b: c } = require('pkg')` binds. */
export function requireBindings(declarator: Node): [string, Binding][] {
  const pkg = requiredPackage(declarator.childForFieldName('value'));
  const name = declarator.childForFieldName('name');
  if (!pkg || !name) return [];
  if (name.type === 'identifier') return [[name.text, { pkg, imported: 'default', node: declarator }]];
  if (name.type !== 'object_pattern') return [];
  return name.namedChildren.flatMap((p): [string, Binding][] => {
    if (p?.type === 'shorthand_property_identifier_pattern') return [[p.text, { pkg, imported: p.text, node: declarator }]];
    if (p?.type === 'pair_pattern') {
      const key = p.childForFieldName('key')?.text;
      const value = p.childForFieldName('value');
      if (key && value?.type === 'identifier') return [[value.text, { pkg, imported: key, node: declarator }]];
    }
    return [];
  });
}
