import * as vscode from 'vscode';
import { parseRequirements } from '../../rules/index.ts';
import { isRequirementsFile } from './files.ts';
import { toDiagnosticSpecs, type DiagnosticSpec } from '../../web/render/issue-ranges.ts';
import { liveIssues } from './live-issues.ts';

/**
 * The one place where core issues become editor diagnostics: live on open and on every change of a requirements
 * file, cleared when the file is fixed or closed.
 */
export function registerDiagnostics(context: vscode.ExtensionContext): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('statewise');
  const refresh = (doc: vscode.TextDocument) => {
    if (!isRequirementsFile(doc.fileName)) return;
    collection.set(doc.uri, requirementsDiagnostics(doc.getText(), doc.fileName));
  };
  context.subscriptions.push(
    collection,
    vscode.workspace.onDidOpenTextDocument(refresh),
    vscode.workspace.onDidChangeTextDocument((e) => refresh(e.document)),
    vscode.workspace.onDidCloseTextDocument((doc) => collection.delete(doc.uri)),
  );
  vscode.workspace.textDocuments.forEach(refresh);
  return collection;
}

/** Diagnostics for a requirements text: empty when it is valid. */
export function requirementsDiagnostics(text: string, fileName = ''): vscode.Diagnostic[] {
  const parsed = parseRequirements(text);
  return parsed.ok ? [] : toDiagnostics(toDiagnosticSpecs(text, liveIssues(parsed.issues, fileName)));
}

/** Specs (pure) → vscode diagnostics; also used by the drift check. */
export function toDiagnostics(specs: readonly DiagnosticSpec[]): vscode.Diagnostic[] {
  return specs.map((s) => {
    const r = s.range;
    const d = new vscode.Diagnostic(
      new vscode.Range(r.startLine, r.startCharacter, r.endLine, r.endCharacter),
      s.message,
      s.severity === 'error' ? vscode.DiagnosticSeverity.Error
        : s.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information,
    );
    d.source = 'statewise';
    d.code = s.code;
    return d;
  });
}
