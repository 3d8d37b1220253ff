import { describeCatalog, requirementsJsonSchema, type Engine } from '../../rules/index.ts';
import type { Example } from './examples.ts';

/** A read-only document the server offers: its URI, name, type and text. */
export interface Resource { uri: string; name: string; description: string; mimeType: string; text: () => string }

/** The JSON Schema of requirements, the rule catalogue, and each bundled example. */
export function resourcesOf(engine: Engine, examples: readonly Example[]): Resource[] {
  return [
    { uri: 'statewise://schema/requirements', name: 'requirements-schema', mimeType: 'application/schema+json',
      description: 'JSON Schema (draft 2020-12) of *.statewise.yaml requirements documents, derived from the zod contract.',
      text: () => JSON.stringify(requirementsJsonSchema(), null, 2) },
    { uri: 'statewise://catalogue', name: 'catalogue', mimeType: 'application/json',
      description: `Every rule, gate, check and risk rule statewise decides with (${engine.rulesVersion}), with the file and line that defines it.`,
      text: () => JSON.stringify(describeCatalog(engine.catalog), null, 2) },
    ...examples.map((e) => ({
      uri: `statewise://${e.file}`, name: e.file.replace(/^examples\//, ''), mimeType: 'application/yaml',
      description: `Example requirements: ${e.requirements.description ?? e.requirements.service}`, text: () => e.text,
    })),
  ];
}
