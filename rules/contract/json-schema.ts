import * as z from 'zod';
import { RequirementsSchema } from './requirements.ts';

/**
 * JSON Schema (draft 2020-12) of requirements files, derived from the zod schema: what a file may say, so
 * defaults make fields optional.
 */
export function requirementsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(RequirementsSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://statewise.dev/schemas/requirements-v1.json',
    title: 'statewise/v1 requirements',
  };
}
