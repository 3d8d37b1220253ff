import type { Requirements } from '../contract/requirements.ts';
import { changeOf, changesOf, type FigureChange, type Value } from './pair.ts';

/**
 * Every scalar of normalized requirements under a dotted name: state items by their name (`state.orders.sizeKb`),
 * so reordering items is no change; other lists as one comma-joined value (`constraints.stores`).
 * @example flattenRequirements(req)['traffic.peakRps'] === 2500
 */
export function flattenRequirements(req: Requirements): Map<string, Value> {
  const out = new Map<string, Value>();
  const walk = (value: unknown, path: string): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object') { out.set(path, value as Value); return; }
    if (Array.isArray(value)) {
      if (path === 'state') for (const { name, ...fields } of value as { name: string }[]) walk(fields, `state.${name}`);
      else if (value.every((v) => v === null || typeof v !== 'object')) out.set(path, value.join(', '));
      else value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    for (const [key, v] of Object.entries(value)) {
      walk(v, path ? `${path}.${key}` : key);
    }
  };
  walk(req, '');
  return out;
}

/**
 * The input fields whose value differs, in the order of the newer file (then the fields it dropped).
 * @example inputChanges(base, head) // [{ figure: 'traffic.peakRps', before: 2500, after: 5000 }]
 */
export function inputChanges(before: Requirements, after: Requirements): FigureChange[] {
  const b = flattenRequirements(before);
  const a = flattenRequirements(after);
  const names = [...a.keys(), ...[...b.keys()].filter((k) => !a.has(k))];
  return changesOf(names.map((name) => changeOf(name, b.get(name), a.get(name))));
}
