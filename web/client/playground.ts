import { itemLines, renderAnswer } from '../render/index.ts';
import type { Recommendation } from '../render/types.ts';
import { renderDiagrams } from './diagram.ts';

/**
 * The web playground: a requirements editor (a textarea with a line gutter that marks the lines with problems) whose
 * text is answered by this server's own API — the CLI's validation messages, with their lines — and rendered with the
 * same renderer and diagram source as the VS Code panel.
 */
interface Example { name: string; text: string }
interface ProblemBody { title?: string; detail?: string; errors?: { pointer: string; detail: string; line?: number; column?: number }[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const source = $<HTMLTextAreaElement>('source');
const gutter = $<HTMLPreElement>('gutter');
const problems = $<HTMLUListElement>('problems');
const answer = $<HTMLDivElement>('answer');
const banner = $<HTMLParagraphElement>('banner');
const status = $<HTMLSpanElement>('status');
const picker = $<HTMLSelectElement>('example');
const download = $<HTMLButtonElement>('download');
const examples = JSON.parse($('examples').textContent ?? '[]') as Example[];
const dark = window.matchMedia('(prefers-color-scheme: dark)');

let errorLines = new Set<number>();
let lastValid: { text: string; rec: Recommendation } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;
/** A newly picked example starts its answer at the top; edits keep the reader where they are. */
let toTop = false;

const contentType = (text: string) => (/^\s*[{[]/.test(text) ? 'application/json' : 'application/yaml');

function paintGutter(): void {
  const count = source.value.split('\n').length;
  const rows: string[] = [];
  for (let n = 1; n <= count; n++) rows.push(`<span class="pg-line${errorLines.has(n) ? ' pg-error' : ''}" data-line="${n}">${n}</span>`);
  gutter.innerHTML = rows.join('');
  gutter.scrollTop = source.scrollTop;
}

function showProblems(body: ProblemBody): void {
  const errors = body.errors?.length ? body.errors : [{ pointer: '', detail: body.detail ?? body.title ?? 'invalid requirements' }];
  errorLines = new Set(errors.map((e) => e.line).filter((l): l is number => typeof l === 'number'));
  problems.replaceChildren(...errors.map((e) => {
    const li = document.createElement('li');
    const where = [e.line ? `line ${e.line}${e.column ? `:${e.column}` : ''}` : '', e.pointer].filter(Boolean).join(' ');
    li.textContent = `${where ? `${where}: ` : ''}${e.detail}`;
    if (e.line) { li.dataset.line = String(e.line); li.title = 'go to the line'; }
    return li;
  }));
  banner.hidden = !lastValid;
  banner.textContent = lastValid ? 'The requirements have errors: showing the last valid answer.' : '';
  if (!lastValid) answer.innerHTML = '<p class="sw-muted">Fix the problems on the left to see the answer.</p>';
  paintGutter();
}

async function showAnswer(text: string, rec: Recommendation): Promise<void> {
  lastValid = { text, rec };
  errorLines = new Set();
  problems.replaceChildren();
  banner.hidden = true;
  paintGutter();
  answer.innerHTML = renderAnswer(rec, { itemLines: itemLines(text) });
  if (toTop) { answer.parentElement!.scrollTop = 0; toTop = false; }
  download.disabled = false;
  await renderDiagrams(answer, dark.matches);
  document.body.dataset.rendered = String(++sequence);
}

async function evaluate(): Promise<void> {
  const text = source.value;
  status.textContent = 'answering…';
  try {
    const res = await fetch('/v1/recommendations', { method: 'POST', headers: { 'Content-Type': contentType(text), Accept: 'application/json' }, body: text });
    if (text !== source.value) return; // edited meanwhile: the next answer is on its way
    if (res.ok) { await showAnswer(text, await res.json() as Recommendation); status.textContent = 'answered'; return; }
    const body = await res.json().catch(() => ({ detail: `HTTP ${res.status}` })) as ProblemBody;
    status.textContent = res.status === 401 ? 'this server needs an API key' : `${body.errors?.length ?? 1} problem(s)`;
    showProblems(body);
  } catch (error) {
    status.textContent = `the server did not answer: ${error instanceof Error ? error.message : String(error)}`;
  }
}

function schedule(): void {
  paintGutter();
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => { void evaluate(); }, 350);
}

/** Puts the cursor at the start of a 1-based line and scrolls it into view. */
function goToLine(line: number): void {
  const lines = source.value.split('\n');
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  source.focus();
  source.setSelectionRange(offset, offset + (lines[line - 1]?.length ?? 0));
  source.scrollTop = Math.max(0, (line - 5) * 20);
}

async function downloadReview(): Promise<void> {
  if (!lastValid) return;
  const date = new Date().toISOString().slice(0, 10);
  const res = await fetch(`/v1/design-reviews?date=${date}`, { method: 'POST', headers: { 'Content-Type': contentType(lastValid.text), Accept: 'text/markdown' }, body: lastValid.text });
  if (!res.ok) { status.textContent = `the review could not be made (HTTP ${res.status})`; return; }
  const url = URL.createObjectURL(new Blob([await res.text()], { type: 'text/markdown' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${lastValid.rec.service}.md`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

source.addEventListener('input', schedule);
source.addEventListener('scroll', () => { gutter.scrollTop = source.scrollTop; });
source.addEventListener('keydown', (e) => {
  if (e.key !== 'Tab') return; // two spaces, as YAML wants, instead of leaving the editor
  e.preventDefault();
  source.setRangeText('  ', source.selectionStart, source.selectionEnd, 'end');
  schedule();
});
picker.addEventListener('change', () => {
  const example = examples.find((x) => x.name === picker.value);
  if (!example) return;
  source.value = example.text;
  source.scrollTop = 0;
  toTop = true;
  schedule();
});
problems.addEventListener('click', (e) => {
  const line = (e.target as HTMLElement).closest<HTMLElement>('[data-line]')?.dataset.line;
  if (line) goToLine(Number(line));
});
answer.addEventListener('click', (e) => {
  const jump = (e.target as HTMLElement).closest<HTMLElement>('.sw-jump');
  if (!jump) return;
  e.preventDefault();
  goToLine(Number(jump.dataset.line));
});
download.addEventListener('click', () => { void downloadReview(); });
dark.addEventListener('change', () => { if (lastValid) void renderDiagrams(answer, dark.matches); });

paintGutter();
