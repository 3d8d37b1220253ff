import { lineAt } from '../contract/locate.ts';
import { validate } from '../contract/validate.ts';
import { parseText, type ParsedText } from '../contract/yaml-text.ts';
import { CatalogFileSchema, type CatalogFile } from './schema.ts';

/** Keys and list items one catalogue file may hold (about 30 per rule for 1000 rules), checked before parsing. */
export const MAX_CATALOG_FILE_NODES = 30_000;

/**
 * A catalogue file already parsed and validated by a build step (scripts/build.ts does it for the built-in files):
 * the schema's output and the line of each rule and `disable` entry. Parsing ~70 KB of YAML is most of a cold CLI
 * start; with this the compiled CLI skips it. It must equal what parsing `text` gives (test/rules/catalog/catalog-file).
 */
export interface PreparsedCatalogFile { data: CatalogFile; ruleLines: number[]; disableLines: number[] }

/** A catalogue file's name and text, optionally pre-parsed: the core never touches a file system. */
export interface CatalogSource { name: string; text: string; parsed?: PreparsedCatalogFile }

/**
 * What a build step stores for a catalogue file: undefined when the file does not parse or validate (the loader then
 * reports it from the text as usual).
 * @example const parsed = preparseCatalogFile(source); const fast = { ...source, parsed }
 */
export function preparseCatalogFile(source: CatalogSource): PreparsedCatalogFile | undefined {
  const parsed = parseText(source.text, { maxNodes: MAX_CATALOG_FILE_NODES });
  if (!parsed.ok) return undefined;
  const checked = validate(CatalogFileSchema, parsed.value.data ?? {});
  if (!checked.ok) return undefined;
  const data = checked.value;
  return {
    data,
    ruleLines: data.rules.map((_, i) => lineAt(parsed.value, ['rules', i])),
    disableLines: data.disable.map((_, i) => lineAt(parsed.value, ['disable', i])),
  };
}

/** The text of a pre-parsed file, parsed only when a problem must be located at a node the build did not record. */
export function parsePreparsedText(text: string): ParsedText {
  const parsed = parseText(text, { maxNodes: MAX_CATALOG_FILE_NODES });
  if (!parsed.ok) throw new Error('a pre-parsed catalogue file whose text does not parse: the build step is broken');
  return parsed.value;
}
