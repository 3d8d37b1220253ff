import { parseText } from '../contract/yaml-text.ts';
import { locateIssues } from '../contract/locate.ts';
import { validate } from '../contract/validate.ts';
import { issue, type Issue, type Result } from '../contract/issues.ts';
import { CONFORMANCE_CATALOG } from './catalog.generated.ts';
import { CHECKS } from './checks.ts';
import { ConformanceCatalogSchema, type ConformanceCatalog } from './schema.ts';

/**
 * Loads a conformance catalogue from its text: parsed, validated against its schema, and every rule matched with
 * the check of the same id (and every check with a rule), so a catalogue edit can never leave a rule that never fires.
 */
export function loadConformanceCatalog(source: { name: string; text: string } = CONFORMANCE_CATALOG): Result<ConformanceCatalog> {
  const parsed = parseText(source.text);
  if (!parsed.ok) return { ok: false, issues: parsed.issues.map((i) => ({ ...i, file: source.name })) };
  const checked = validate(ConformanceCatalogSchema, parsed.value.data ?? {});
  if (!checked.ok) return { ok: false, issues: locateIssues(checked.issues, parsed.value).map((i) => ({ ...i, file: source.name })) };
  const issues: Issue[] = [];
  const ids = checked.value.rules.map((r) => r.id);
  ids.forEach((id, i) => {
    if (!CHECKS[id]) issues.push({ ...issue('unknown_rule', ['rules', i, 'id'], `no check is written for rule "${id}"`), file: source.name });
    if (ids.indexOf(id) !== i) issues.push({ ...issue('duplicate_id', ['rules', i, 'id'], `duplicate rule id "${id}"`), file: source.name });
  });
  for (const id of Object.keys(CHECKS)) {
    if (!ids.includes(id)) issues.push({ ...issue('unknown_rule', ['rules'], `the check "${id}" has no rule in the catalogue`), file: source.name });
  }
  return issues.length ? { ok: false, issues: locateIssues(issues, parsed.value) } : checked;
}
