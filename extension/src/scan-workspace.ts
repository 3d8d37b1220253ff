import * as vscode from 'vscode';
import { itemText, type ConformanceFinding } from '../../rules/index.ts';
import { withAcceptEntry } from './accept-entry.ts';
import type { EngineModule } from './lazy-engine.ts';
import { readSettings } from './settings.ts';

export const OPEN_REQUIREMENT = 'statewise.openRequirement';
export const SUPPRESS_FINDING = 'statewise.suppressFinding';
/** Diagnostics of the scan carry this source, so their quick fixes are told apart from the requirements' own. */
export const SCAN_SOURCE = 'statewise scan';

/** A finding with the workspace folder it was found in (its paths are relative to that folder). */
interface Found { folder: vscode.Uri; finding: ConformanceFinding }

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information } as const;

/**
 * "statewise: Scan Workspace": `statewise scan` over each workspace folder, with the embedded engine. Findings land in
 * Problems on the code and manifest lines; each offers two quick fixes, as the CLI prints two fixes: open the plan
 * item it contradicts (change the requirements), or suppress it with a reason and an expiry (an `accept` entry).
 */
export function registerScanWorkspace(context: vscode.ExtensionContext, engineModule: () => Promise<EngineModule>): void {
  const collection = vscode.languages.createDiagnosticCollection('statewise-scan');
  const found = new Map<vscode.Diagnostic, Found>();
  const scan = async () => {
    collection.clear();
    found.clear();
    const m = await engineModule();
    const folders = vscode.workspace.workspaceFolders ?? [];
    let total = 0;
    for (const folder of folders) {
      const engine = m.createEmbeddedEngines().get(vscode.workspace.isTrusted ? readSettings(folder.uri).rulesDir : undefined);
      if (!engine.ok) { void vscode.window.showErrorMessage(`statewise: the rule catalogue does not load: ${engine.issues[0]?.message ?? ''}`); return; }
      const report = await m.scanRepository(folder.uri.fsPath, {
        advise: (r) => engine.value.advise(r), wasmDir: vscode.Uri.joinPath(context.extensionUri, 'dist', 'grammars').fsPath,
        today: new Date().toISOString().slice(0, 10),
      });
      const byFile = new Map<string, vscode.Diagnostic[]>();
      for (const f of report.findings) {
        const d = new vscode.Diagnostic(new vscode.Range(f.line - 1, f.column - 1, f.line - 1, Number.MAX_SAFE_INTEGER), `${f.message}. Fix the code: ${f.fixes.code}. Or the requirements: ${f.fixes.requirements}`, SEVERITY[f.severity]);
        d.source = SCAN_SOURCE;
        d.code = f.rule;
        const item = vscode.Uri.joinPath(folder.uri, f.requirements.file);
        d.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(item, new vscode.Position(f.requirements.line - 1, f.requirements.column - 1)), `plan for ${f.service}: ${itemText(f.requirements)}`)];
        found.set(d, { folder: folder.uri, finding: f });
        byFile.set(f.file, [...(byFile.get(f.file) ?? []), d]);
      }
      for (const [file, diagnostics] of byFile) collection.set(vscode.Uri.joinPath(folder.uri, file), diagnostics);
      total += report.findings.length;
      for (const i of report.issues) void vscode.window.showWarningMessage(`statewise: ${i.file ?? ''}:${i.line ?? 1} ${i.message}`);
    }
    const choice = await vscode.window.showInformationMessage(
      total === 0 ? 'statewise: the code and manifests agree with their plans.' : `statewise: ${total} place(s) where the code or manifests contradict the plan.`,
      ...(total ? ['Show Problems'] : []),
    );
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  };
  const actions: vscode.CodeActionProvider = {
    provideCodeActions(_doc, _range, ctx) {
      return ctx.diagnostics.filter((d) => d.source === SCAN_SOURCE && found.has(d)).flatMap((d) => {
        const { finding: f } = found.get(d)!;
        const open = new vscode.CodeAction(`Open the requirement (${f.service}: ${f.requirements.item})`, vscode.CodeActionKind.QuickFix);
        open.command = { command: OPEN_REQUIREMENT, title: open.title, arguments: [d] };
        open.diagnostics = [d];
        const suppress = new vscode.CodeAction('Suppress with a reason and expiry…', vscode.CodeActionKind.QuickFix);
        suppress.command = { command: SUPPRESS_FINDING, title: suppress.title, arguments: [d] };
        suppress.diagnostics = [d];
        return [open, suppress];
      });
    },
  };
  context.subscriptions.push(
    collection,
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, actions, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand('statewise.scanWorkspace', scan),
    vscode.commands.registerCommand(OPEN_REQUIREMENT, async (d: vscode.Diagnostic) => {
      const hit = found.get(d);
      if (!hit) return;
      const at = new vscode.Position(hit.finding.requirements.line - 1, hit.finding.requirements.column - 1);
      await vscode.window.showTextDocument(vscode.Uri.joinPath(hit.folder, hit.finding.requirements.file), { selection: new vscode.Range(at, at) });
    }),
    vscode.commands.registerCommand(SUPPRESS_FINDING, async (d: vscode.Diagnostic) => {
      const hit = found.get(d);
      if (!hit) return;
      const reason = await vscode.window.showInputBox({ title: `Suppress ${hit.finding.rule}`, prompt: 'Why is this acceptable for now?', validateInput: (v) => (v.trim() ? undefined : 'a reason is required') });
      if (!reason) return;
      const soon = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
      const until = await vscode.window.showInputBox({ title: 'Until when? (YYYY-MM-DD)', value: soon, validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : 'a date like 2027-03-01') });
      if (!until) return;
      const uri = vscode.Uri.joinPath(hit.folder, hit.finding.requirements.file);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(withAcceptEntry(text, { risk: hit.finding.id, reason: reason.trim(), until })));
      // The finding is suppressed now: drop its diagnostic (a new scan would not report it either).
      const file = vscode.Uri.joinPath(hit.folder, hit.finding.file);
      collection.set(file, (collection.get(file) ?? []).filter((x) => x !== d));
      found.delete(d);
    }),
  );
}
