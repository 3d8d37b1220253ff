import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConformanceCatalog, requirementsJsonSchema, validateRequirements } from '../../../rules/index.ts';
import { renderConformanceCatalog } from '../../../scripts/embed-conformance.ts';

const TEXT = readFileSync(new URL('../../../rules/conformance/catalog.yaml', import.meta.url), 'utf8');

describe('conformance catalogue', () => {
  it('the built-in catalogue loads, one rule per check, and the embedded copy is the YAML file', () => {
    const loaded = loadConformanceCatalog();
    expect(loaded.ok && loaded.value.rules.length).toBe(11);
    expect(readFileSync(new URL('../../../rules/conformance/catalog.generated.ts', import.meta.url), 'utf8')).toBe(renderConformanceCatalog());
  });

  it('a rule without a check, a duplicate id and a bad severity are reported at their lines', () => {
    const extra = TEXT.replace('rules:\n', 'rules:\n  - id: conformance.made-up\n    kind: conformance\n    title: t\n    severity: warning\n    evidence: workload\n    message: m\n    fixCode: c\n    fixRequirements: r\n');
    const loaded = loadConformanceCatalog({ name: 'c.yaml', text: extra });
    expect(loaded.ok ? [] : loaded.issues.map((i) => [i.file, i.pointer, i.message])).toEqual([['c.yaml', '/rules/0/id', 'no check is written for rule "conformance.made-up"']]);
    const bad = loadConformanceCatalog({ name: 'c.yaml', text: TEXT.replace('severity: info', 'severity: fatal') });
    expect(bad.ok ? [] : bad.issues.map((i) => [i.pointer, i.line])).toEqual([['/rules/4/severity', TEXT.split('\n').findIndex((l) => l.includes('severity: info')) + 1]]);
    const missing = loadConformanceCatalog({ name: 'c.yaml', text: TEXT.replace(/  - id: conformance\.store-missing[\s\S]*?(?=\n  - id)/, '') });
    expect(missing.ok ? [] : missing.issues.map((i) => i.message)).toEqual(['the check "conformance.store-missing" has no rule in the catalogue']);
  });

  it('requirements may say where the implementation is; the JSON Schema says so too', () => {
    const r = validateRequirements({ service: 'cart', traffic: { peakRps: 5 }, implementation: { paths: ['services/cart'], workloads: ['cart-worker'] } });
    expect(r.ok && r.value.implementation).toEqual({ paths: ['services/cart'], workloads: ['cart-worker'] });
    const wrong = validateRequirements({ service: 'cart', traffic: { peakRps: 5 }, implementation: { workload: ['x'] } });
    expect(wrong.ok ? [] : wrong.issues.map((i) => i.pointer)).toEqual(['/implementation/workload']);
    const schema = requirementsJsonSchema() as { properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(Object.keys(schema.properties.implementation!.properties!)).toEqual(['paths', 'workloads']);
  });
});
