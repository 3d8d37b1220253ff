import { issue, type Issue, type PathSegment, type Result } from '../contract/issues.ts';
import { fromZod, locateIssues, parseText, type ParsedText } from '../contract/parse.ts';
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

/** A readable catalogue file: its validated data, where its nodes are, and how to locate issues in it. */
export interface ReadCatalogFile {
  data: CatalogFile;
  lineOf(path: PathSegment[]): number;
  locate(issues: readonly Issue[]): Issue[];
}

/**
 * Parses and validates one catalogue file (issues carry lines but no file name yet). A pre-parsed file skips both;
 * its text is parsed only if a path other than a rule or `disable` entry must be located, so every message reads the same.
 */
export function readCatalogFile(source: CatalogSource): Result<ReadCatalogFile> {
  const pre = source.parsed;
  if (pre) {
    let doc: ParsedText | undefined;
    const text = () => (doc ??= expectParsed(source.text));
    const locate = (issues: readonly Issue[]) => (issues.length ? locateIssues(issues, text()) : []);
    return {
      ok: true,
      value: {
        data: pre.data,
        locate,
        lineOf(path) {
          const line = path.length === 2 && typeof path[1] === 'number'
            ? (path[0] === 'rules' ? pre.ruleLines : path[0] === 'disable' ? pre.disableLines : undefined)?.[path[1]] : undefined;
          return line ?? locate([issue('x', path, '')])[0]!.line ?? 1;
        },
      },
    };
  }
  const parsed = parseText(source.text, { maxNodes: MAX_CATALOG_FILE_NODES });
  if (!parsed.ok) return parsed;
  const file = CatalogFileSchema.safeParse(parsed.value.data ?? {});
  if (!file.success) return { ok: false, issues: locateIssues(fromZod(file.error.issues, { schema: CatalogFileSchema, data: parsed.value.data ?? {} }), parsed.value) };
  const locate = (issues: readonly Issue[]) => locateIssues(issues, parsed.value);
  return { ok: true, value: { data: file.data, locate, lineOf: (path) => locate([issue('x', path, '')])[0]!.line ?? 1 } };
}

/**
 * What a build step stores for a catalogue file: undefined when the file does not parse or validate (the loader then
 * reports it from the text as usual).
 * @example const parsed = preparseCatalogFile(source); const fast = { ...source, parsed }
 */
export function preparseCatalogFile(source: CatalogSource): PreparsedCatalogFile | undefined {
  const read = readCatalogFile({ name: source.name, text: source.text });
  if (!read.ok) return undefined;
  const { data, lineOf } = read.value;
  return {
    data,
    ruleLines: data.rules.map((_, i) => lineOf(['rules', i])),
    disableLines: data.disable.map((_, i) => lineOf(['disable', i])),
  };
}

function expectParsed(text: string): ParsedText {
  const parsed = parseText(text, { maxNodes: MAX_CATALOG_FILE_NODES });
  if (!parsed.ok) throw new Error('a pre-parsed catalogue file whose text does not parse: the build step is broken');
  return parsed.value;
}
