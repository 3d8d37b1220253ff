import type { Store } from '../contract/recommendation.ts';
import { mitigationText, type MitigationSpec } from './mitigation-schema.ts';
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
