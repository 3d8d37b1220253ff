import { esc, itemLines, renderAnswer, suggestionFixes, toDiagnosticSpecs, type FixSpec, type ZeroRange } from '../render/index.ts';
import type { Recommendation } from '../render/types.ts';
import { parseRequirements } from '../../rules/contract/parse-requirements.ts';
import { toDotted, type Issue } from '../../rules/contract/issues.ts';
import { renderDiagrams } from './diagram.ts';

/**
 * The web playground: a requirements editor (a textarea with a line gutter that marks the lines with problems) whose
 * text is answered by this server's own API — the CLI's validation messages, with their lines — and rendered with the
 * same renderer and diagram source as the VS Code panel. Problems are found in the page by the same core the CLI and
 * the editor use (rules/contract/parse.ts), so an invalid edit costs no request (and no 400 in the console), and
 * each is underlined at its range with the editor's one-click did-you-mean (web/render/quick-fixes.ts).
 */
interface Example { name: string; text: string }
interface ProblemBody { title?: string; detail?: string; errors?: { pointer: string; detail: string; line?: number; column?: number }[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const source = $<HTMLTextAreaElement>('source');
const squiggles = $<HTMLPreElement>('squiggles');
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
let errorRanges: ZeroRange[] = [];
let lastValid: { text: string; rec: Recommendation } | undefined;
let timer: ReturnType<typeof setTimeout> | undefined;
let sequence = 0;
/** A newly picked example starts its answer at the top; edits keep the reader where they are. */
let toTop = false;

const contentType = (text: string) => (/^\s*[{[]/.test(text) ? 'application/json' : 'application/yaml');

function paintGutter(): void {
  paintSquiggles();
  const count = source.value.split('\n').length;
  const rows: string[] = [];
  for (let n = 1; n <= count; n++) rows.push(`<span class="pg-line${errorLines.has(n) ? ' pg-error' : ''}" data-line="${n}">${n}</span>`);
  gutter.innerHTML = rows.join('');
  gutter.scrollTop = source.scrollTop;
}

/** One problem as the list shows it: where, which field (dotted, as the CLI and the editor say it), what, and a fix. */
interface Shown { line?: number; field: string; message: string; fix?: FixSpec; range?: ZeroRange }

/** The core's issues for the text in the page: ranges, messages and fixes exactly as the editor shows them. */
function localProblems(text: string, issues: readonly Issue[]): Shown[] {
  const specs = toDiagnosticSpecs(text, issues);
  const fixes = suggestionFixes(text, issues);
  return issues.map((i, n) => {
    const range = specs[n]!.range;
    const fix = fixes.find((f) => f.range.startLine === range.startLine && f.range.startCharacter === range.startCharacter);
    return { ...(i.line ? { line: i.line } : {}), field: i.path.length ? toDotted(i.path) : '', message: i.message, range, ...(fix ? { fix } : {}) };
  });
}

/** Problems the server reported (a limit of this server, say): JSON pointers turned into the dotted field names. */
function serverProblems(body: ProblemBody): Shown[] {
  const errors = body.errors?.length ? body.errors : [{ pointer: '', detail: body.detail ?? body.title ?? 'invalid requirements' }];
  return errors.map((e) => ({
    ...(e.line ? { line: e.line } : {}), message: e.detail,
    field: e.pointer ? toDotted(e.pointer.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~')).map((p) => (/^\d+$/.test(p) ? Number(p) : p))) : '',
  }));
}

function showProblems(shown: readonly Shown[]): void {
  errorLines = new Set(shown.map((e) => e.line).filter((l): l is number => typeof l === 'number'));
  errorRanges = shown.map((e) => e.range).filter((r): r is ZeroRange => r !== undefined);
  problems.replaceChildren(...shown.map((e) => {
    const li = document.createElement('li');
    li.textContent = `${e.line ? `line ${e.line}: ` : ''}${e.field ? `${e.field}: ` : ''}${e.message}`;
    if (e.line) { li.dataset.line = String(e.line); li.title = 'go to the line'; }
    if (e.fix) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'pg-fix';
      button.textContent = e.fix.title;
      const fix = e.fix;
      button.addEventListener('click', (event) => { event.stopPropagation(); applyFix(fix); });
      li.append(button);
    }
    return li;
  }));
  banner.hidden = !lastValid;
  banner.textContent = lastValid ? 'The requirements have errors: showing the last valid answer.' : '';
  if (!lastValid) answer.innerHTML = '<p class="sw-muted">Fix the problems on the left to see the answer.</p>';
  status.textContent = `${shown.length} problem${shown.length === 1 ? '' : 's'}`;
  paintGutter();
}

/** Replaces a fix's range (one line) with its text, as the editor's quick fix does, and answers again. */
function applyFix(fix: FixSpec): void {
  const lines = source.value.split('\n');
  const start = lines.slice(0, fix.range.startLine).reduce((n, l) => n + l.length + 1, 0);
  source.setRangeText(fix.newText, start + fix.range.startCharacter, start + fix.range.endCharacter, 'end');
  source.focus();
  schedule();
}

/** The wavy underlines: the text again, transparent, with each problem's range wrapped in a span. */
function paintSquiggles(): void {
  const lines = source.value.split('\n');
  const marks = new Map<number, [number, number][]>();
  for (const r of errorRanges) {
    const end = r.endLine === r.startLine ? r.endCharacter : lines[r.startLine]?.length ?? 0;
    // An empty range (a problem at the end of a line) still gets one character's width to show.
    marks.set(r.startLine, [...(marks.get(r.startLine) ?? []), [r.startCharacter, Math.max(end, r.startCharacter + 1)]]);
  }
  squiggles.innerHTML = lines.map((line, n) => {
    const spans = (marks.get(n) ?? []).sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [from, to] of spans) {
      if (from < at) continue;
      const piece = line.slice(from, to).padEnd(to - from, ' ');
      out += `${esc(line.slice(at, from))}<span class="pg-squiggle">${esc(piece)}</span>`;
      at = to;
    }
    return out + esc(line.slice(at));
  }).join('\n') + '\n';
  squiggles.scrollTop = source.scrollTop;
  squiggles.scrollLeft = source.scrollLeft;
}

async function showAnswer(text: string, rec: Recommendation): Promise<void> {
  lastValid = { text, rec };
  errorLines = new Set();
  errorRanges = [];
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
  const local = parseRequirements(text);
  if (!local.ok) { showProblems(localProblems(text, local.issues)); return; }
  status.textContent = 'answering…';
  try {
    const res = await fetch('/v1/recommendations', { method: 'POST', headers: { 'Content-Type': contentType(text), Accept: 'application/json' }, body: text });
    if (text !== source.value) return; // edited meanwhile: the next answer is on its way
    if (res.ok) { await showAnswer(text, await res.json() as Recommendation); status.textContent = 'answered'; return; }
    const body = await res.json().catch(() => ({ detail: `HTTP ${res.status}` })) as ProblemBody;
    showProblems(serverProblems(body));
    if (res.status === 401) status.textContent = 'this server needs an API key';
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
source.addEventListener('scroll', () => {
  gutter.scrollTop = source.scrollTop;
  squiggles.scrollTop = source.scrollTop;
  squiggles.scrollLeft = source.scrollLeft;
});
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
