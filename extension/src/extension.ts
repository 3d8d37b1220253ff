import * as vscode from 'vscode';
import { renderReview } from '../../rules/index.ts';
import { createAdvisor } from './advisor.ts';
import { setApiKey } from './api-key.ts';
import { checkReviews } from './check-reviews.ts';
import { registerDiagnostics } from './diagnostics.ts';
import { createEmbeddedEngines } from './embedded.ts';
import { newRequirementsFile } from './new-requirements.ts';
import { createRecommendationPanel } from './panel.ts';
import { recommend, resolveSource, saveRequirements } from './recommend.ts';
import { generateReview } from './review.ts';

/**
 * Activation wires things up and does no work: the engine compiles its catalogue on first use. Activated by the
 * commands and by a workspace holding a requirements file (for live diagnostics).
 */
export function activate(context: vscode.ExtensionContext): void {
  registerDiagnostics(context);
  const catalogDiagnostics = vscode.languages.createDiagnosticCollection('statewise-rules');
  const reviewDiagnostics = vscode.languages.createDiagnosticCollection('statewise-reviews');
  const advisor = createAdvisor({ engines: createEmbeddedEngines(), secrets: context.secrets, catalogDiagnostics, renderReview });
  const panel = createRecommendationPanel(context.extensionUri, {
    advise: (source) => advisor.advise(source),
    generateReview: async (source) => { await generateReview(advisor, source); },
    saveRequirements: async (source) => {
      const saved = await saveRequirements(source);
      if (saved) { const advice = await advisor.advise(saved); if (advice) panel.show(advice, saved); }
    },
  });
  const command = (id: string, run: (...args: any[]) => unknown) => vscode.commands.registerCommand(id, run);
  context.subscriptions.push(
    catalogDiagnostics,
    reviewDiagnostics,
    panel,
    command('statewise.recommend', (uri?: vscode.Uri) => recommend(advisor, (advice, source) => panel.show(advice, source), uri)),
    command('statewise.generateReview', async (uri?: vscode.Uri) => {
      const source = await resolveSource(uri, { allowGuided: false });
      if (source && source !== 'guided') await generateReview(advisor, source);
    }),
    command('statewise.newRequirements', newRequirementsFile),
    command('statewise.checkReviews', () => checkReviews(advisor, reviewDiagnostics)),
    command('statewise.setApiKey', () => setApiKey(context.secrets)),
  );
}

export function deactivate(): void {}
