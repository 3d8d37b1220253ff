import * as vscode from 'vscode';
import { createAdvisor } from './advisor.ts';
import { setApiKey } from './api-key.ts';
import { checkReviews } from './check-reviews.ts';
import { REGENERATE_REVIEW, registerCodeActions } from './code-actions.ts';
import { registerDiagnostics } from './diagnostics.ts';
import { registerEditorLenses } from './editor-lenses.ts';
import { registerLanguageFeatures } from './language-features.ts';
import { loadEngineModule } from './lazy-engine.ts';
import { createLiveAdvice } from './live-advice.ts';
import { newRequirementsFile } from './new-requirements.ts';
import { createRecommendationPanel } from './panel.ts';
import { recommend, resolveSource, saveRequirements } from './recommend.ts';
import { generateReview } from './review.ts';
import { registerScanWorkspace } from './scan-workspace.ts';

/**
 * Activation wires things up and does no work: the engine and its catalogue live in a second bundle loaded on first
 * use (lazy-engine.ts). Activated by the commands and by a workspace holding a requirements file.
 */
export function activate(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
  const catalogDiagnostics = vscode.languages.createDiagnosticCollection('statewise-rules');
  const reviewDiagnostics = vscode.languages.createDiagnosticCollection('statewise-reviews');
  const advisor = createAdvisor({ engineModule: loadEngineModule, secrets: context.secrets, catalogDiagnostics });
  const panel = createRecommendationPanel(context.extensionUri, {
    advise: (source) => advisor.advise(source),
    generateReview: async (source) => { await generateReview(advisor, source); },
    saveRequirements: async (source) => {
      const saved = await saveRequirements(source);
      if (saved) { const advice = await advisor.advise(saved); if (advice) panel.show(advice, saved); }
    },
  });
  registerEditorLenses(context, createLiveAdvice(loadEngineModule));
  registerLanguageFeatures(context);
  registerCodeActions(context);
  registerScanWorkspace(context, loadEngineModule);
  const command = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  const review = async (uri?: vscode.Uri) => {
    const source = await resolveSource(uri, { allowGuided: false });
    return source && source !== 'guided' ? generateReview(advisor, source) : undefined;
  };
  context.subscriptions.push(
    catalogDiagnostics,
    reviewDiagnostics,
    panel,
    command('statewise.recommend', (uri?: vscode.Uri) => recommend(advisor, (advice, source) => panel.show(advice, source), uri)),
    command('statewise.generateReview', (uri?: vscode.Uri) => review(uri)),
    command(REGENERATE_REVIEW, async (source?: vscode.Uri, reviewFile?: vscode.Uri) => {
      if ((await review(source)) && reviewFile) reviewDiagnostics.delete(reviewFile);
    }),
    command('statewise.newRequirements', newRequirementsFile),
    command('statewise.checkReviews', () => checkReviews(advisor, reviewDiagnostics)),
    command('statewise.setApiKey', () => setApiKey(context.secrets)),
  );
}

export function deactivate(): void {}
