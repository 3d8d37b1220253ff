import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RequirementsSchema } from '../../../rules/index.ts';
import { TrafficSchema, StateItemSchema } from '../../../rules/contract/requirements.ts';
import { cli, spawnCli, ROOT } from '../../support/cli.ts';

type Schema = Record<string, unknown> & { properties?: Record<string, Schema>; items?: Schema; required?: string[] };

/**
 * A small JSON Schema checker for the keywords zod emits for this contract (type, const, enum, properties,
 * required, additionalProperties, items, string and number bounds, pattern). No compiler dependency; enough to
 * prove the printed schema accepts what the contract accepts and rejects what it rejects.
 */
function check(schema: Schema, value: unknown, at = ''): string[] {
  const out: string[] = [];
  const t = schema.type as string | undefined;
  const typeOk = t === undefined
    || (t === 'object' && value !== null && typeof value === 'object' && !Array.isArray(value))
    || (t === 'array' && Array.isArray(value))
    || (t === 'string' && typeof value === 'string')
    || (t === 'number' && typeof value === 'number')
    || (t === 'integer' && Number.isInteger(value))
    || (t === 'boolean' && typeof value === 'boolean');
  if (!typeOk) return [`${at || '/'}: not ${t}`];
  if ('const' in schema && value !== schema.const) out.push(`${at}: not ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${at}: not in enum`);
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) out.push(`${at}: < minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) out.push(`${at}: > maximum`);
    if (typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum) out.push(`${at}: <= exclusiveMinimum`);
    if (typeof schema.exclusiveMaximum === 'number' && value >= schema.exclusiveMaximum) out.push(`${at}: >= exclusiveMaximum`);
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) out.push(`${at}: too short`);
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) out.push(`${at}: too long`);
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) out.push(`${at}: pattern`);
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...check(schema.items!, v, `${at}/${i}`)));
  if (t === 'object' && value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) out.push(`${at}/${key}: required`);
    for (const [key, v] of Object.entries(obj)) {
      const sub = schema.properties?.[key];
      if (sub) out.push(...check(sub, v, `${at}/${key}`));
      else if (schema.additionalProperties === false) out.push(`${at}/${key}: not allowed`);
    }
  }
  return out;
}

interface SeedCase { id: string; input: unknown }
const seeds = parse(readFileSync(new URL('../../fixtures/seed-cases.yaml', import.meta.url), 'utf8')) as SeedCase[];

describe('statewise schema', () => {
  it('prints the JSON Schema of requirements files, derived from the zod contract', async () => {
    const { code, out, err } = await cli(ROOT, 'schema');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    const schema = JSON.parse(out) as Schema;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(schema.properties!).sort()).toEqual(Object.keys(RequirementsSchema.shape).sort());
    expect(schema.required).toEqual(['service', 'traffic']);
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties!.traffic!.properties!).sort()).toEqual(Object.keys(TrafficSchema.shape).sort());
    expect(schema.properties!.traffic!.required).toEqual(['peakRps']);
    expect(Object.keys(schema.properties!.state!.items!.properties!).sort()).toEqual(Object.keys(StateItemSchema.shape).sort());
    expect(schema.properties!.context!.properties!.memory!.enum).toEqual(['none', 'request', 'session', 'durable']);
  });

  it('accepts every seed scenario input and rejects what the contract rejects', async () => {
    const schema = JSON.parse((await cli(ROOT, 'schema')).out) as Schema;
    for (const s of seeds) expect(check(schema, s.input), s.id).toEqual([]);
    const base = { service: 'a', traffic: { peakRps: 1 } };
    expect(check(schema, base)).toEqual([]);
    expect(check(schema, { traffic: { peakRps: 1 } })).toEqual(['/service: required']);
    expect(check(schema, { ...base, colour: 'red' })).toEqual(['/colour: not allowed']);
    expect(check(schema, { ...base, traffic: { peakRps: -1 } })).toEqual(['/traffic/peakRps: < minimum']);
    expect(check(schema, { ...base, failure: { availability: 100 } })).toEqual(['/failure/availability: >= exclusiveMaximum']);
    expect(check(schema, { ...base, context: { memory: 'forever' } })).toEqual(['/context/memory: not in enum']);
    expect(check(schema, { ...base, apiVersion: 'statewise/v2' })).toEqual(['/apiVersion: not statewise/v1']);
    expect(check(schema, { ...base, state: [{ name: 'Cart' }] })).toEqual(['/state/0/name: pattern']);
    // And the contract agrees on each of them.
    for (const bad of [{ traffic: { peakRps: 1 } }, { ...base, colour: 'red' }, { ...base, context: { memory: 'forever' } }]) {
      expect(RequirementsSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('takes no arguments: an unknown flag is exit 2, pointing at the help', async () => {
    const r = await cli(ROOT, 'schema', '--yaml');
    expect({ code: r.code, out: r.out }).toEqual({ code: 2, out: '' });
    expect(r.err).toContain('statewise schema: unknown option --yaml');
    expect(r.err).toContain('statewise schema --help');
  });

  it('prints the same schema from the real binary', async () => {
    const r = spawnCli(ROOT, 'schema');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual(JSON.parse((await cli(ROOT, 'schema')).out));
  });
});
