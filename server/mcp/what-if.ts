import { didYouMean, issue, validateRequirements, type Issue, type Requirements, type Result } from '../../rules/index.ts';

type Scalar = number | string | boolean;

/**
 * The requirements data with `changes` applied, by the dotted names `statewise diff` prints: `traffic.peakRps`,
 * `state.<item name>.sizeKb`. A name that reaches no field of the document's sections, or no state item, is an
 * issue at `changes.<name>` with the nearest name; the changed document is then validated like a file.
 * @example applyChanges(data, { 'traffic.peakRps': 20000 })
 */
export function applyChanges(data: unknown, changes: Record<string, Scalar>): Result<Requirements> {
  const copy = structuredClone(data) as Record<string, unknown>;
  const issues: Issue[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const problem = setPath(copy, name.split('.'), value);
    if (problem) issues.push({ ...issue('unknown_field', ['changes', name], problem.message), ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) });
  }
  if (issues.length) return { ok: false, issues };
  return validateRequirements(copy);
}

function setPath(root: Record<string, unknown>, parts: string[], value: Scalar): { message: string; suggestion?: string } | undefined {
  let node: Record<string, unknown> = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i]!;
    if (key === 'state' && i === 0) {
      const items = Array.isArray(root.state) ? (root.state as Record<string, unknown>[]) : [];
      const name = parts[1] ?? '';
      const item = items.find((s) => s.name === name);
      if (!item) {
        const names = items.map((s) => String(s.name));
        const meant = didYouMean(name, names);
        return { message: `no state item is named "${name}" (the document has ${names.join(', ') || 'none'})${meant ? `; did you mean "${meant}"?` : ''}`, ...(meant ? { suggestion: `state.${meant}.${parts.slice(2).join('.')}` } : {}) };
      }
      node = item;
      i++;
      continue;
    }
    const next = node[key];
    if (next === undefined) node[key] = {};
    else if (next === null || typeof next !== 'object' || Array.isArray(next)) return { message: `${parts.slice(0, i + 1).join('.')} is not a section that holds fields` };
    node = node[key] as Record<string, unknown>;
  }
  if (parts.length < 2 || (parts[0] === 'state' && parts.length < 3)) return { message: 'name a field inside a section, e.g. traffic.peakRps or state.<item name>.sizeKb' };
  node[parts.at(-1)!] = value;
  return undefined;
}
