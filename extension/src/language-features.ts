import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { completionsAt, hoverAt, type JsonSchema } from './schema-hints.ts';
import { yamlPlaceAt } from './yaml-place.ts';

const YAML_FILES: vscode.DocumentSelector = [{ pattern: '**/*.statewise.{yaml,yml}' }];

/**
 * Hover and completion for fields and enum values in YAML requirements files, without Red Hat YAML. The source is
 * `dist/requirements.schema.json`, which the build generates from the zod schema (the single contract): its
 * descriptions, enums and defaults. JSON files get both from VS Code's JSON language service (package.json
 * `jsonValidation`). With Red Hat YAML installed it does the same from `yamlValidation`, so these stay unregistered
 * rather than showing every hover twice.
 */
export function registerLanguageFeatures(context: vscode.ExtensionContext): void {
  if (vscode.extensions.getExtension('redhat.vscode-yaml')) return;
  let schema: JsonSchema | undefined;
  const load = () => (schema ??= JSON.parse(readFileSync(vscode.Uri.joinPath(context.extensionUri, 'dist/requirements.schema.json').fsPath, 'utf8')) as JsonSchema);

  const hover: vscode.HoverProvider = {
    provideHover(doc, position) {
      const place = yamlPlaceAt(doc.getText(), doc.offsetAt(position));
      if (!place) return undefined;
      const text = hoverAt(load(), place.path);
      if (!text) return undefined;
      return new vscode.Hover(new vscode.MarkdownString(text), new vscode.Range(doc.positionAt(place.start), doc.positionAt(place.end)));
    },
  };

  const completion: vscode.CompletionItemProvider = {
    provideCompletionItems(doc, position) {
      const place = yamlPlaceAt(doc.getText(), doc.offsetAt(position));
      if (!place) return undefined;
      const range = new vscode.Range(doc.positionAt(place.start), doc.positionAt(place.end));
      return completionsAt(load(), place).map((c) => {
        const item = new vscode.CompletionItem(c.label, c.kind === 'field' ? vscode.CompletionItemKind.Field : vscode.CompletionItemKind.EnumMember);
        item.insertText = c.insertText;
        item.detail = c.detail;
        item.documentation = new vscode.MarkdownString(c.documentation);
        item.range = range;
        return item;
      });
    },
  };

  context.subscriptions.push(
    vscode.languages.registerHoverProvider(YAML_FILES, hover),
    vscode.languages.registerCompletionItemProvider(YAML_FILES, completion, ':', ' ', '-'),
  );
}
