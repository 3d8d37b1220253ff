import * as vscode from 'vscode';
import {
  LIFETIME_CHOICES, LOSS_IMPACT_CHOICES, MEMORY_CHOICES, REALTIME_CHOICES, SENSITIVITY_CHOICES, SESSION_LOSS_CHOICES,
  nameProblem, p99Problem, parseNumber, peakRpsProblem, sizeKbProblem, type Choice, type GuidedAnswers, type GuidedItem,
} from './guided-answers.ts';

/**
 * The short guided flow `statewise.recommend` offers when no requirements file is open. Escape at any step
 * cancels (undefined).
 */
export async function askGuidedAnswers(): Promise<GuidedAnswers | undefined> {
  const total = 7;
  const service = await input({ step: 1, total, title: 'Service name', value: 'my-service', validate: (v) => nameProblem(v) });
  if (service === undefined) return undefined;
  const memory = await pick(MEMORY_CHOICES, { step: 2, total, title: 'How long must a user\'s context be remembered?' });
  if (!memory) return undefined;
  const realtime = await pick(REALTIME_CHOICES, { step: 3, total, title: 'Real-time connections?' });
  if (!realtime) return undefined;
  const rps = await input({ step: 4, total, title: 'Peak requests per second (all instances)', value: '100', validate: peakRpsProblem });
  if (rps === undefined) return undefined;
  const p99 = await input({ step: 5, total, title: 'Latency budget: p99 of a request, in ms', value: '200', validate: p99Problem });
  if (p99 === undefined) return undefined;
  const sessionLoss = await pick(SESSION_LOSS_CHOICES, { step: 6, total, title: 'When an instance dies, losing session state is…' });
  if (!sessionLoss) return undefined;
  const items = await askItems(total);
  if (!items) return undefined;
  return { service: service.trim(), memory, realtime, peakRps: parseNumber(rps), p99Ms: parseNumber(p99), sessionLoss, items };
}

/** Step 7, repeated: add pieces of state until "Done". */
async function askItems(total: number): Promise<GuidedItem[] | undefined> {
  const items: GuidedItem[] = [];
  for (;;) {
    const listed = items.map((i) => i.name).join(', ');
    const next = await vscode.window.showQuickPick(
      [
        { label: '$(add) Add a piece of state…', add: true, detail: 'A cart, a login, a chat, a document being edited…' },
        { label: '$(check) Done', add: false, detail: items.length ? `State: ${listed}` : 'No state items: the engine still adds what the context implies.' },
      ],
      { title: `statewise (${total}/${total}): pieces of state`, ignoreFocusOut: true },
    );
    if (!next) return undefined;
    if (!next.add) return items;
    const name = await input({ step: total, total, title: 'Name of the piece of state', value: '', validate: (v) => nameProblem(v, items.map((i) => i.name)) });
    if (name === undefined) continue;
    const lifetime = await pick(LIFETIME_CHOICES, { step: total, total, title: `How long does ${name} live?` });
    if (!lifetime) continue;
    const size = await input({ step: total, total, title: `How big is one ${name}, in KB?`, value: '2', validate: sizeKbProblem });
    if (size === undefined) continue;
    const sensitivity = await pick(SENSITIVITY_CHOICES, { step: total, total, title: `How sensitive is ${name}?` });
    if (!sensitivity) continue;
    const lossImpact = await pick(LOSS_IMPACT_CHOICES, { step: total, total, title: `Losing ${name} is…` });
    if (!lossImpact) continue;
    items.push({ name: name.trim(), lifetime, sizeKb: parseNumber(size), sensitivity, lossImpact });
  }
}

async function pick<const C extends readonly Choice<string>[]>(choices: C, o: { step: number; total: number; title: string }): Promise<C[number]['value'] | undefined> {
  const chosen = await vscode.window.showQuickPick(
    choices.map((c) => ({ label: c.label, description: c.value, detail: c.detail, value: c.value })),
    { title: `statewise (${o.step}/${o.total}): ${o.title}`, ignoreFocusOut: true },
  );
  return chosen?.value;
}

function input(o: { step: number; total: number; title: string; value: string; validate: (v: string) => string | undefined }): Thenable<string | undefined> {
  return vscode.window.showInputBox({ title: `statewise (${o.step}/${o.total}): ${o.title}`, value: o.value, validateInput: o.validate, ignoreFocusOut: true });
}
