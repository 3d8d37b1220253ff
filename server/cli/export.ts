import { requirementsReading } from './file-limits.ts';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { backstageCatalog, flowchart, likec4Model, structurizrWorkspace, type Recommendation, type Requirements } from '../../rules/index.ts';
import { DEFAULT_REVIEWS_DIR, reviewPathFor } from '../../adapters/index.ts';
import { engineFor } from './engine.ts';
import { readRequirementsSource } from '../requirements-file.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';
import { nearestName } from './flag-errors.ts';
import { DEFAULT_CHROMIUM, renderSvg } from './export-svg.ts';

const TARGETS = ['structurizr', 'likec4', 'backstage', 'svg'] as const;
type Target = (typeof TARGETS)[number];

export const exportCommand: Command = {
  name: 'export',
  summary: 'the answer for other tools: Structurizr DSL, LikeC4, Backstage catalog-info.yaml, or the diagram as SVG',
  usage: `Usage: statewise export FILE --to structurizr|likec4|backstage|svg [-o OUT] [--reviews DIR] [--owner REF] [--rules DIR]

Evaluates FILE (- reads standard input) and prints the answer in another tool's format:
  structurizr   a Structurizr DSL workspace: the service as a software system whose containers are the load
                balancer, its tiers and its stores, relationships labelled with the state items, a container view
  likec4        the same as a LikeC4 model (*.c4) with an index view
  backstage     catalog-info.yaml: a Component annotated with its design review (backstage.io/adr-location,
                statewise.dev/design-review) that dependsOn one Resource per external store
  svg           the design review's Mermaid diagram as a standalone SVG. Mermaid needs a browser to lay out text:
                this runs a headless Chromium (${DEFAULT_CHROMIUM}, or CHROMIUM_PATH) through playwright-core and
                fails with exit 2 and a clear message when either is missing

Options:
  --to FORMAT      one of ${TARGETS.join(', ')} (required)
  -o, --out FILE   write to FILE instead of standard output
  --reviews DIR    folder of design reviews, for the Backstage annotations (default: ${DEFAULT_REVIEWS_DIR})
  --owner REF      the Backstage owner of the entities (default: unknown)
  --rules DIR      layer a custom rule catalogue folder on top of the built-in rules
  -h, --help       show this help

Exit codes: 0 exported, 2 bad input (FILE:LINE:COL field: message), or no Chromium for --to svg.`,
  async run(args, io) {
    const flags = parseFlags(args, {
      to: { type: 'string' }, out: { type: 'string', short: 'o' }, reviews: { type: 'string' }, owner: { type: 'string' }, rules: { type: 'string' },
    }, exportCommand, io);
    if (!flags) return EXIT.badInput;
    const to = flags.values.to as string | undefined;
    if (!to || !(TARGETS as readonly string[]).includes(to)) {
      const meant = to ? nearestName(to, TARGETS) : undefined;
      io.err(`statewise export: ${to ? `--to ${to} is not one of ${TARGETS.join(', ')}${meant ? `; did you mean ${meant}?` : ''}` : `say which format with --to ${TARGETS.join('|')}`}`);
      return EXIT.badInput;
    }
    if (flags.positionals.length !== 1) {
      io.err(`statewise export: name exactly one requirements file (or - for standard input)\n\n${exportCommand.usage}`);
      return EXIT.badInput;
    }
    const engine = engineFor(flags.values.rules as string | undefined, io);
    if (!engine) return EXIT.badInput;
    const file = flags.positionals[0]!;
    const { result } = readRequirementsSource(file, io.cwd, requirementsReading(io));
    if (!result.ok) {
      io.err(formatIssues(file, result.issues));
      return EXIT.badInput;
    }
    const rec = engine.advise(result.value, { today: io.today });
    const text = await render(to as Target, rec, result.value, flags.values);
    if (!text.ok) {
      io.err(`statewise export: ${text.why}`);
      return EXIT.badInput;
    }
    const out = flags.values.out as string | undefined;
    if (out === undefined) io.out(text.text.trimEnd());
    else {
      try {
        mkdirSync(dirname(resolve(io.cwd, out)), { recursive: true });
        writeFileSync(resolve(io.cwd, out), text.text);
      } catch (e) {
        io.err(`${out}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
        return EXIT.badInput;
      }
      io.out(out);
    }
    return EXIT.ok;
  },
};

async function render(to: Target, rec: Recommendation, req: Requirements, values: Record<string, unknown>): Promise<{ ok: true; text: string } | { ok: false; why: string }> {
  if (to === 'structurizr') return { ok: true, text: structurizrWorkspace(rec, req.description) };
  if (to === 'likec4') return { ok: true, text: likec4Model(rec, req.description) };
  if (to === 'backstage') {
    const reviewsDir = (values.reviews as string | undefined) ?? DEFAULT_REVIEWS_DIR;
    const owner = values.owner as string | undefined;
    return { ok: true, text: backstageCatalog(rec, { reviewPath: reviewPathFor(rec.service, reviewsDir), reviewsDir, ...(owner ? { owner } : {}), ...(req.description ? { description: req.description } : {}) }) };
  }
  const svg = await renderSvg(flowchart(rec));
  return svg.ok ? { ok: true, text: svg.svg } : svg;
}
