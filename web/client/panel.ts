import { renderAnswer } from '../render/index.ts';
import type { Recommendation } from '../render/types.ts';
import { renderDiagrams } from './diagram.ts';

/**
 * The VS Code panel's script: renders each answer the extension posts with the shared renderer, draws its diagram,
 * keeps the last answer in the webview state (so a window reload restores it before the extension answers again),
 * and turns clicks into the few messages the extension accepts.
 */
interface VsCodeApi { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;

interface AnswerMessage {
  type: 'answer';
  recommendation: Recommendation;
  itemLines: Record<string, number>;
  footer: string;
  fromFile: boolean;
  uri?: string;
}
interface StaleMessage { type: 'stale'; message: string }
interface PanelState { answer?: AnswerMessage; stale?: string }

const vscode = acquireVsCodeApi();
const main = document.getElementById('answer')!;
const banner = document.getElementById('banner')!;
const footer = document.getElementById('engine')!;
let state: PanelState = (vscode.getState() as PanelState | undefined) ?? {};

const isDark = () => document.body.classList.contains('vscode-dark') || document.body.classList.contains('vscode-high-contrast');

async function show(answer: AnswerMessage): Promise<void> {
  main.innerHTML = renderAnswer(answer.recommendation, { itemLines: answer.itemLines });
  footer.textContent = answer.footer;
  document.getElementById('open-source')!.hidden = !answer.fromFile;
  document.getElementById('save-requirements')!.hidden = answer.fromFile;
  document.body.dataset.answered = 'true';
  await renderDiagrams(main, isDark());
  document.body.dataset.rendered = String(Date.now());
}

function setBanner(text: string | undefined): void {
  banner.hidden = !text;
  banner.textContent = text ?? '';
}

window.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as AnswerMessage | StaleMessage;
  if (data?.type === 'answer') {
    state = { answer: data };
    vscode.setState(state);
    setBanner(undefined);
    void show(data);
  } else if (data?.type === 'stale') {
    state = { ...state, stale: data.message };
    vscode.setState(state);
    setBanner(data.message);
  }
});

document.addEventListener('click', (event) => {
  const target = event.target as Element | null;
  const jump = target?.closest<HTMLElement>('.sw-jump');
  if (jump) {
    event.preventDefault();
    vscode.postMessage({ type: 'revealLine', line: Number(jump.dataset.line) });
    return;
  }
  const button = target?.closest<HTMLElement>('button[data-message]');
  if (button) vscode.postMessage({ type: button.dataset.message });
});

// A theme switch changes the body class: redraw the diagram in the matching mermaid theme.
new MutationObserver(() => { if (state.answer) void renderDiagrams(main, isDark()); })
  .observe(document.body, { attributes: true, attributeFilter: ['class'] });

if (state.answer) void show(state.answer);
setBanner(state.stale);
vscode.postMessage({ type: 'ready' });
