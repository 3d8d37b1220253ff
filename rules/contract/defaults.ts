import { pointerToken } from './issues.ts';

/** One value the requirements left out and the schema's default filled in. */
export interface DefaultApplied {
  /** RFC 6901 pointer into the requirements (`/state/0/consistency`). */
  pointer: string;
  value: string | number | boolean;
  because?: string;
}

/** Why some defaults matter enough to say so next to the value: the answer leans on them. */
const BECAUSE: Record<string, string> = {
  consistency: 'assumed: a user expects to see their own writes; say eventual if a stale read is fine',
  lossImpact: 'assumed: losing it annoys a user but costs no money; say critical or none if that is wrong',
  sensitivity: 'assumed: internal data, not secret; say secret to keep it out of client tokens',
  sessionLoss: 'assumed: losing a session is tolerable; say unacceptable if it is not',
};

/**
 * The defaults the schema applied: every scalar present in the validated requirements (`output`) whose field the
 * document did not write (`input`). Computed once in parse → normalize, so the answer can say which of its inputs
 * were assumed. `apiVersion` is left out (it is not a requirement).
 * @example defaultsApplied({ service: 'a', traffic: { peakRps: 1 } }, req)[0] // { pointer: '/context/memory', value: 'none' }
 */
export function defaultsApplied(input: unknown, output: unknown): DefaultApplied[] {
  const out: DefaultApplied[] = [];
  walk(input, output, '', out);
  return out.filter((d) => d.pointer !== '/apiVersion');
}

/**
 * Carries the pointer as a string (one segment appended per level) rather than a path array turned into a pointer per
 * default: this runs on every request, and building arrays and pointers per field was a quarter of validation.
 */
function walk(input: unknown, output: unknown, pointer: string, out: DefaultApplied[]): void {
  if (Array.isArray(output)) {
    const given = Array.isArray(input) ? input : [];
    for (let i = 0; i < output.length; i++) {
      const item: unknown = output[i];
      if (item !== null && typeof item === 'object') walk(given[i], item, `${pointer}/${i}`, out);
    }
    return;
  }
  if (output === null || typeof output !== 'object') return;
  const given = input !== null && typeof input === 'object' && !Array.isArray(input) ? input as Record<string, unknown> : {};
  const values = output as Record<string, unknown>;
  for (const key of Object.keys(values)) {
    const value = values[key];
    if (value === undefined) continue;
    if (given[key] !== undefined || value === null || typeof value === 'object') {
      if (value !== null && typeof value === 'object') walk(given[key], value, pointer + pointerToken(key), out);
      continue;
    }
    const applied: DefaultApplied = { pointer: pointer + pointerToken(key), value: value as string | number | boolean };
    const because = BECAUSE[key];
    if (because) applied.because = because;
    out.push(applied);
  }
}

/**
 * A pointer as people read a field: `/state/0/consistency` → `state[0].consistency`.
 * @example fieldOf('/traffic/regions') === 'traffic.regions'
 */
export function fieldOf(pointer: string): string {
  return pointer.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((out, s) => (/^\d+$/.test(s) ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');
}
