import * as z from 'zod';
import { STORES, type Store } from '../contract/recommendation.ts';
import type { PathSegment } from '../contract/issues.ts';
import type { CompileProblem } from './condition.ts';
import { compileTemplate, type ExtraKeys, type Render } from './template.ts';

/**
 * A mitigation is a list of options ("keep it closer, make it smaller, or raise the budget"), each a template. An
 * option that moves the item names the stores it moves it to (`moveTo`; its text may quote them as {stores}), and one
 * that adds a round trip between regions says so (`crossRegion`): before an answer prints a mitigation, the engine
 * drops every option the model itself would veto for that item (rules/engine/mitigation.ts, invariant 16). A plain
 * string is one option that moves nothing.
 */
export const MitigationOptionSchema = z.union([
  z.string().min(3).max(400),
  z.strictObject({
    text: z.string().min(3).max(400),
    moveTo: z.array(z.enum(STORES)).min(1).optional(),
    crossRegion: z.literal(true).optional(),
  }),
]);
export const MitigationSchema = z.union([z.string().min(3).max(400), z.array(MitigationOptionSchema).min(1).max(6)]);
export type MitigationSpec = z.output<typeof MitigationSchema>;

export interface CompiledOption {
  render: Render;
  moveTo?: ReadonlySet<Store>;
  crossRegion: boolean;
}

export interface CompiledMitigation {
  options: readonly CompiledOption[];
  /** Every option, unvetted (docs, catalogue listings). */
  text: string;
  /** Facts the templates quote, for lint. */
  quotes: Set<string>;
}

/** What an option's template may quote besides facts: {stores}, the stores it moves the item to that the model allows. */
export interface OptionExtra { stores?: string }
const OPTION_KEYS: ExtraKeys = { stores: (x: OptionExtra) => x?.stores ?? '' };

/** The options as written, joined into one sentence ("A, B, or C"). @example mitigationText(['Shrink it', 'raise the budget']) */
export function mitigationText(spec: MitigationSpec): string {
  return joinOptions((typeof spec === 'string' ? [spec] : spec).map((o) => (typeof o === 'string' ? o : o.text)));
}

/** "A", "A or B", "A, B, or C", starting with a capital whichever option comes first. */
export function joinOptions(parts: readonly string[]): string {
  const text = parts.length <= 2 ? parts.join(', or ') : `${parts.slice(0, -1).join(', ')}, or ${parts[parts.length - 1]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function compileMitigation(
  spec: MitigationSpec, allowPlan: boolean, at: PathSegment[], problems: CompileProblem[], extraKeys: ExtraKeys = {},
): CompiledMitigation {
  const list = typeof spec === 'string' ? [spec] : spec;
  const quotes = new Set<string>();
  const options = list.map((o, k): CompiledOption => {
    const text = typeof o === 'string' ? o : o.text;
    const path = typeof spec === 'string' ? at : typeof o === 'string' ? [...at, k] : [...at, k, 'text'];
    const compiled = compileTemplate(text, true, allowPlan, path, problems, { ...extraKeys, ...OPTION_KEYS });
    for (const q of compiled.quotes) quotes.add(q);
    if (typeof o !== 'string' && text.includes('{stores}') && !o.moveTo) {
      problems.push({ path, code: 'unknown_placeholder', message: 'template quotes {stores}, which only an option with moveTo can' });
    }
    return { render: compiled.render, ...(typeof o !== 'string' && o.moveTo ? { moveTo: new Set(o.moveTo) } : {}), crossRegion: typeof o !== 'string' && o.crossRegion === true };
  });
  return { options, text: mitigationText(spec), quotes };
}
