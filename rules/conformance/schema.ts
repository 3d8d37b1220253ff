import * as z from 'zod';
import { EVIDENCE_KINDS } from './evidence.ts';

/** The conformance catalogue format: `{ version, rules: [...] }`, every rule of kind `conformance`. */

export const CONFORMANCE_SEVERITIES = ['error', 'warning', 'info'] as const;
export type ConformanceSeverity = (typeof CONFORMANCE_SEVERITIES)[number];

const text = (max: number) => z.string().min(1).max(max);

export const ConformanceRuleSchema = z.strictObject({
  id: z.string().regex(/^conformance\.[a-z0-9-]+$/, 'must be conformance.<name> (lowercase letters, digits, -)'),
  kind: z.literal('conformance'),
  title: text(200),
  severity: z.enum(CONFORMANCE_SEVERITIES),
  evidence: z.enum([...EVIDENCE_KINDS, 'none']).describe('The evidence kind the rule reads (none: it fires on what is absent).'),
  message: text(1000),
  fixCode: text(500),
  fixRequirements: text(500),
});

export const ConformanceCatalogSchema = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0'),
  rules: z.array(ConformanceRuleSchema).min(1).max(200),
});

export type ConformanceRule = z.output<typeof ConformanceRuleSchema>;
export type ConformanceCatalog = z.output<typeof ConformanceCatalogSchema>;
