import * as vscode from 'vscode';
import { compareProvenance, describeChanges, parseRequirements, parseReviewProvenance, provenanceOf } from '../../rules/index.ts';
import type { Advisor } from './advisor.ts';
import { toDiagnostics } from './diagnostics.ts';
import { driftDiagnostic, missingSourceDiagnostic, staleProvenanceDiagnostic } from './drift.ts';
import { REQUIREMENTS_GLOB } from './files.ts';
import { toDiagnosticSpecs } from '../../web/render/issue-ranges.ts';
import { fromDocument } from './recommend.ts';
import { readSettings } from './settings.ts';

/**
 * `statewise.checkReviews`: the drift check over every review in `statewise.reviews.folder`. Each review's
 * requirements (its recorded `source`, else the file for its service) are advised again with the configured engine
 * and compared with the provenance in its front matter; stale reviews land in the Problems panel. As `statewise
 * check` does, a review whose answer stands while its inputs moved is a note (information), not drift.
 */
export async function checkReviews(advisor: Advisor, collection: vscode.DiagnosticCollection): Promise<void> {
  collection.clear();
  let reviews = 0;
  let stale = 0;
  let sameAnswer = 0;
  const requirementsByService = await indexRequirements();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const { reviewsDir } = readSettings(folder.uri);
    if (!reviewsDir) continue;
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.file(reviewsDir), '*.md'));
    for (const file of files) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      const prov = parseReviewProvenance(text);
      if (!prov.ok) {
        // Other Markdown (a README) in the folder is not a review.
        if (prov.issues.every((i) => i.code === 'no_front_matter')) continue;
        collection.set(file, toDiagnostics(toDiagnosticSpecs(text, prov.issues)));
        stale++; reviews++;
        continue;
      }
      reviews++;
      const source = prov.value.source;
      const uri = source ? vscode.Uri.joinPath(folder.uri, source) : requirementsByService.get(prov.value.service);
      const exists = uri && (await vscode.workspace.fs.stat(uri).then(() => true, () => false));
      if (!uri || !exists) {
        collection.set(file, toDiagnostics([missingSourceDiagnostic(text, prov.value.service, source)]));
        stale++;
        continue;
      }
      const advice = await advisor.advise(fromDocument(await vscode.workspace.openTextDocument(uri)));
      if (!advice) { stale++; continue; }
      const changes = compareProvenance(prov.value, provenanceOf(advice.recommendation, source));
      const shown = source ?? vscode.workspace.asRelativePath(uri);
      if (changes.answerChanged) {
        collection.set(file, toDiagnostics([driftDiagnostic(text, shown, describeChanges(changes))]));
        stale++;
      } else if (changes.changed) {
        collection.set(file, toDiagnostics([staleProvenanceDiagnostic(text, shown, advice.recommendation.verdict, describeChanges(changes))]));
        sameAnswer++;
      }
    }
  }
  if (reviews === 0) {
    void vscode.window.showInformationMessage('statewise: no design reviews found (statewise.reviews.folder).');
  } else if (stale === 0) {
    void vscode.window.showInformationMessage(sameAnswer === 0
      ? `statewise: all ${reviews} design review(s) match their requirements.`
      : `statewise: all ${reviews} design review(s) give the answer their requirements give; ${sameAnswer} of them from changed inputs (regenerate when convenient).`);
  } else {
    const also = sameAnswer ? ` (${sameAnswer} more give${sameAnswer === 1 ? 's' : ''} the same answer from changed inputs)` : '';
    const choice = await vscode.window.showWarningMessage(`statewise: ${stale} of ${reviews} design review(s) need attention${also}.`, 'Show Problems');
    if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

/** Service name → requirements file, for reviews that do not record their source. */
async function indexRequirements(): Promise<Map<string, vscode.Uri>> {
  const out = new Map<string, vscode.Uri>();
  for (const uri of await vscode.workspace.findFiles(REQUIREMENTS_GLOB, '**/node_modules/**', 500)) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const parsed = parseRequirements(text);
    if (parsed.ok && !out.has(parsed.value.service)) out.set(parsed.value.service, uri);
  }
  return out;
}
