import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as prompts from '@clack/prompts';
import { parseRequirements } from '../../rules/index.ts';
import { KNOWN_STORES, MEMORY, REALTIME, SESSION_LOSS } from '../../rules/index.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { writeAtomically } from './atomic-write.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';
import { oneLine } from './escape.ts';
import { initTemplate, type InitAnswers } from './init-template.ts';
import { draftFrom } from './init-from.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'start a requirements file: a few questions in a terminal, else the commented template',
  usage: `Usage: statewise init [NAME] [--force] [--print] [--from DIR]

Writes NAME.statewise.yaml (NAME defaults to this folder's name, else my-service): every field with its default
and allowed values in a comment. In a terminal it first asks a few questions (memory, realtime, peak traffic,
session loss, the stores you run) and fills in the answers; elsewhere (a pipe, CI) it writes the template as is.

With --from DIR it asks nothing and drafts the file from the repository in DIR instead: realtime servers, session
middleware and stores in use, replicas and autoscaler bounds, stores declared in compose, Terraform or Kubernetes
(NAME defaults to the one workload there). Every guessed field says in a comment where it came from.

Options:
  --force     overwrite an existing file
  --print     print the template to standard output instead of writing a file (no questions)
  --from DIR  draft the requirements from the code and manifests in DIR
  -h, --help  show this help

Exit codes: 0 written, 2 bad input (a name statewise does not accept, or the file exists), 130 cancelled.`,
  async run(args, io) {
    const flags = parseFlags(args, { force: { type: 'boolean' }, print: { type: 'boolean' }, from: { type: 'string' } }, initCommand, io);
    if (!flags) return EXIT.badInput;
    if (flags.positionals.length > 1) {
      io.err(`statewise init: name one service at most\n\n${initCommand.usage}`);
      return EXIT.badInput;
    }
    const from = flags.values.from as string | undefined;
    const drafted = from === undefined ? undefined : await draftFrom(from, flags.positionals[0], io);
    if (drafted === null) return EXIT.badInput;
    const name = drafted?.name ?? flags.positionals[0] ?? defaultName(io.cwd);
    const plain = drafted?.text ?? initTemplate(name);
    // The name must be one statewise accepts: say so in the contract's own words, before any question.
    const checked = parseRequirements(plain);
    if (!checked.ok) {
      io.err(`statewise init: ${oneLine(JSON.stringify(name.slice(0, 80)))} cannot be a service name: ${checked.issues.map((i) => oneLine(i.message)).join('; ')}`);
      return EXIT.badInput;
    }
    if (flags.values.print) {
      io.out(plain);
      return EXIT.ok;
    }
    const file = `${name}.statewise.yaml`;
    const path = resolve(io.cwd, file);
    if (existsSync(path) && !flags.values.force) {
      io.err(`${file}: already exists; statewise init never overwrites it (use --force, or give another NAME)`);
      return EXIT.badInput;
    }
    let text = plain;
    if (io.interactive && !drafted) {
      const answers = await ask(name);
      if (!answers) return EXIT.cancelled;
      text = initTemplate(name, answers);
      const filled = parseRequirements(text);
      if (!filled.ok) {
        io.err(formatIssues(`${name}.statewise.yaml`, filled.issues));
        return EXIT.badInput;
      }
    }
    try {
      // --force replaces whatever is at the path, a symbolic link included, instead of writing through it.
      if (flags.values.force) writeAtomically(path, text);
      else writeFileSync(path, text, { flag: 'wx' });
    } catch (e) {
      io.err(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      return EXIT.badInput;
    }
    io.out(`${file}\nnext: edit it, then run statewise advise ${file}`);
    return EXIT.ok;
  },
};

/** The folder's name when it is a valid service name, else my-service. */
export function defaultName(cwd: string): string {
  const folder = basename(cwd).toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(folder) ? folder : 'my-service';
}

/** The questions, with @clack/prompts, one at a time; undefined as soon as the person cancels (Ctrl+C, Esc). */
async function ask(name: string): Promise<InitAnswers | undefined> {
  prompts.intro(`statewise init — ${name}.statewise.yaml`);
  // prompts.group would go on to the next question after a cancel: stop here instead.
  const stop = (value: unknown): value is symbol => {
    if (!prompts.isCancel(value)) return false;
    prompts.cancel('cancelled: nothing written');
    return true;
  };
  const memory = await prompts.select({
    message: 'How long must a user\'s context be remembered? (context.memory)', initialValue: 'session' as string,
    options: MEMORY.map((v) => ({ value: v as string, label: v })),
  });
  if (stop(memory)) return undefined;
  const realtime = await prompts.select({
    message: 'Does the server push to clients? (context.realtime)', initialValue: 'none' as string,
    options: REALTIME.map((v) => ({ value: v as string, label: v, ...(v === 'none' ? {} : { hint: v === 'server-push' ? 'SSE' : 'websockets' }) })),
  });
  if (stop(realtime)) return undefined;
  const peakRps = await prompts.text({
    message: 'Peak requests per second across all instances? (traffic.peakRps)', placeholder: '100', defaultValue: '100',
    validate: (v) => (v === undefined || v === '' || (Number.isFinite(Number(v)) && Number(v) >= 0) ? undefined : 'a number ≥ 0, like 250'),
  });
  if (stop(peakRps)) return undefined;
  const sessionLoss = await prompts.select({
    message: 'May users lose session state when an instance dies? (failure.sessionLoss)', initialValue: 'tolerable' as string,
    options: SESSION_LOSS.map((v) => ({ value: v as string, label: v })),
  });
  if (stop(sessionLoss)) return undefined;
  const stores = await prompts.multiselect({
    message: 'Which stores does the team already run? (constraints.stores; space to pick, enter when done)',
    options: KNOWN_STORES.map((v) => ({ value: v as string, label: v })), required: false,
  });
  if (stop(stores)) return undefined;
  prompts.outro(`writing ${name}.statewise.yaml`);
  return { memory, realtime, peakRps: Number(peakRps || 100), sessionLoss, stores };
}
