import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRequirements, type Engine, type Recommendation, type Requirements } from '../../rules/index.ts';
import { packageRoot } from '../../adapters/index.ts';

/** One bundled example: its file name, text and parsed requirements. */
export interface Example { file: string; text: string; requirements: Requirements }

/** The examples/ folder shipped with statewise, read once when the MCP server starts. */
export function loadExamples(dir = join(packageRoot(import.meta.url), 'examples')): Example[] {
  return readdirSync(dir).filter((f) => f.endsWith('.statewise.yaml')).sort().flatMap((file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const parsed = parseRequirements(text);
    return parsed.ok ? [{ file: `examples/${file}`, text, requirements: parsed.value }] : [];
  });
}

/**
 * The first example whose answer cites `id`, with the sentence that cites it: a factor, a placement's reason or
 * ruled-out alternative, a risk, or a feasibility check's numbers.
 * @example exampleFiring(engine, examples, 'gate.token-cookie-limit')?.file
 */
export function exampleFiring(engine: Engine, examples: readonly Example[], id: string): { file: string; sentence: string } | undefined {
  for (const example of examples) {
    const sentence = citing(engine.advise(example.requirements), id);
    if (sentence) return { file: example.file, sentence };
  }
  return undefined;
}

function citing(rec: Recommendation, id: string): string | undefined {
  const quoted = (s: string) => s.includes(`(${id})`);
  const factor = rec.factors.find((f) => f.rule === id);
  if (factor) return factor.because;
  for (const p of rec.placements) {
    const check = p.checks.find((c) => c.check === id);
    if (check) return check.because;
    const why = p.why.find(quoted) ?? p.alternatives.map((a) => a.whyNot).find(quoted);
    if (why) return why;
  }
  return rec.risks.find((r) => r.rule === id)?.text;
}
