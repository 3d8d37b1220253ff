import { describe, expect, it } from 'vitest';
import { ContextSchema, RequirementsSchema, StateItemSchema, TrafficSchema, LIFETIME, MEMORY } from '../../rules/contract/requirements.ts';
import { requirementsJsonSchema } from '../../rules/index.ts';
import { completionsAt, hintsSchema, hoverAt, schemaAt, type JsonSchema } from '../../extension/src/schema-hints.ts';
import { yamlPlaceAt } from '../../extension/src/yaml-place.ts';

const schema = requirementsJsonSchema() as JsonSchema;

/** Completions for a text with a `|` cursor, as the provider computes them. */
function complete(marked: string) {
  const offset = marked.indexOf('|');
  const place = yamlPlaceAt(marked.slice(0, offset) + marked.slice(offset + 1), offset);
  expect(place).toBeDefined();
  return completionsAt(schema, place!);
}

describe('hover and completion from the zod schema', () => {
  it('field completions in a state item are the zod shape\'s keys, minus those present', () => {
    const labels = complete('state:\n  - name: cart\n    |\n').map((c) => c.label);
    expect(labels).toEqual(Object.keys(StateItemSchema.shape).filter((k) => k !== 'name'));
    expect(labels).toContain('sizeKb');
  });

  it('a field completion carries the .describe() text and inserts `name: `', () => {
    const size = complete('state:\n  - name: cart\n    si|\n').find((c) => c.label === 'sizeKb')!;
    expect(size.insertText).toBe('sizeKb: ');
    expect(size.documentation).toContain(StateItemSchema.shape.sizeKb.description!);
    expect(size.detail).toBe('number > 0 ≤ 1000000000');
    expect(size.documentation).toContain('Default: `2`');
  });

  it('top-level field completions: every field of RequirementsSchema not yet written; nested ones end with a colon', () => {
    const items = complete('service: a\n|\n');
    expect(items.map((c) => c.label)).toEqual(Object.keys(RequirementsSchema.shape).filter((k) => k !== 'service'));
    expect(items.find((c) => c.label === 'traffic')!.insertText).toBe('traffic:');
  });

  it('value completions are the enum\'s values, the default marked', () => {
    const items = complete('context:\n  memory: |\n');
    expect(items.map((c) => c.label)).toEqual([...MEMORY]);
    expect(items.find((c) => c.label === 'none')!.detail).toBe('memory (default)');
    expect(items[0]!.documentation).toBe(ContextSchema.shape.memory.description);
    expect(complete('state:\n  - name: a\n    lifetime: h|\n').map((c) => c.label)).toEqual([...LIFETIME]);
    expect(complete('traffic:\n  spiky: |\n').map((c) => c.label)).toEqual(['true', 'false']);
    expect(complete('constraints:\n  stores: [|]\n').map((c) => c.label)).toContain('postgres');
  });

  it('nothing for a field the schema does not have, or a free-text value', () => {
    expect(complete('bogus:\n  |\n')).toEqual([]);
    expect(complete('service: |\n')).toEqual([]);
  });

  it('hover shows the name, type, required-ness, description and default', () => {
    expect(hoverAt(schema, ['traffic', 'peakRps'])).toBe(`**peakRps** — number ≥ 0 ≤ 100000000 (required)\n\n${TrafficSchema.shape.peakRps.description}`);
    expect(hoverAt(schema, ['context', 'memory'])).toBe(`**memory** — one of none · request · session · durable\n\n${ContextSchema.shape.memory.description}\n\nDefault: \`"none"\``);
    expect(hoverAt(schema, ['state', 3, 'lifetime'])).toContain('one of request · minutes · hours · days · forever');
    expect(hoverAt(schema, ['state', 0, 'bogus'])).toBeUndefined();
    expect(schemaAt(schema, ['constraints', 'instance', 'memoryMb'])?.description).toBe('Memory available for state on one instance, in MB.');
  });

  it('the hints schema keeps descriptions and allowed values but no keyword a JSON checker would report on', () => {
    const hints = hintsSchema(schema);
    const text = JSON.stringify(hints);
    for (const k of ['"additionalProperties"', '"required"', '"enum"', '"minimum"', '"pattern"', '"type"']) expect(text).not.toContain(k);
    const memory = (hints as any).properties.context.properties.memory;
    expect(memory).toMatchObject({ description: ContextSchema.shape.memory.description, default: 'none', examples: [...MEMORY] });
    expect((hints as any).properties.traffic.properties.spiky.examples).toEqual([true, false]);
    // Field names survive even where they collide with keyword names.
    expect(Object.keys((hints as any).properties.state.items.properties)).toEqual(Object.keys(StateItemSchema.shape));
  });
});
