import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as prompts from '@clack/prompts';
import { KNOWN_STORES, LIFETIME, LOSS_IMPACT, MEMORY, OWNER, parseRequirements, REALTIME, SESSION_LOSS } from '../../rules/index.ts';
import { requirementsTemplate, type TemplateAnswers, type TemplateItem } from '../../adapters/index.ts';
import type { Command } from './commands.ts';
import { parseFlags } from './flags.ts';
import { writeAtomically } from './atomic-write.ts';
import { EXIT } from './io.ts';
import { formatIssues } from './issues.ts';
import { oneLine } from './escape.ts';
import { draftFrom } from './init-from.ts';

export const initCommand: Command = {
  name: 'init',
  summary: 'start a requirements file: a few questions in a terminal, else the commented template',
  usage: `Usage: statewise init [NAME] [--force] [--print] [--from DIR]

Writes NAME.statewise.yaml (NAME defaults to this folder's name, else my-service): every field with its default
and allowed values in a comment. In a terminal it first asks a few questions (memory, realtime, peak traffic,
session loss, the stores you run, then each piece of state: its name, who owns it, how long it lives, its size and
how bad its loss is) and fills in the answers; elsewhere (a pipe, CI) it writes the template as is, with one
example state item to rename or replace.

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

/** The shared template (adapters/requirements-template.ts) with the CLI's run hint. */
export function initTemplate(name: string, answers?: TemplateAnswers): string {
  return requirementsTemplate(name, { hint: 'cli', ...(answers ? { answers } : {}) });
}

/** The folder's name when it is a valid service name, else my-service. */
export function defaultName(cwd: string): string {
  const folder = basename(cwd).toLowerCase();
  return /^[a-z0-9][a-z0-9._-]{0,63}$/.test(folder) ? folder : 'my-service';
}

/** The questions, with @clack/prompts, one at a time; undefined as soon as the person cancels (Ctrl+C, Esc). */
async function ask(name: string): Promise<TemplateAnswers | undefined> {
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
  const state = await askItems(stop);
  if (!state) return undefined;
  prompts.outro(`writing ${name}.statewise.yaml`);
  return { memory, realtime, peakRps: Number(peakRps || 100), sessionLoss, stores, state };
}

const NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * The pieces of state, one at a time until the person says there are no more: what statewise places, so a new
 * file describes this service, not a sample shop. Each question has a default (Enter keeps it).
 */
async function askItems(stop: (value: unknown) => value is symbol): Promise<TemplateItem[] | undefined> {
  const items: TemplateItem[] = [];
  for (;;) {
    const more = await prompts.confirm({
      message: items.length
        ? `Another piece of state? (so far: ${items.map((i) => i.name).join(', ')})`
        : 'Does the service keep any state between requests — a cart, a login, a draft, a game? (state)',
      initialValue: items.length === 0,
    });
    if (stop(more)) return undefined;
    if (!more) return items;
    const n = items.length + 1;
    const itemName = await prompts.text({
      message: `Name of piece of state ${n}? (state[${n - 1}].name)`, placeholder: 'cart',
      validate: (v) => (!v || !NAME.test(v) ? 'lowercase letters, digits, . _ - (like user-session)' : items.some((i) => i.name === v) ? `${v} is already listed` : undefined),
    });
    if (stop(itemName)) return undefined;
    const owner = await prompts.select({
      message: `Whose is one ${itemName}? (owner)`, initialValue: 'session' as string,
      options: OWNER.map((v) => ({ value: v as string, label: v, hint: OWNER_HINTS[v] })),
    });
    if (stop(owner)) return undefined;
    const lifetime = await prompts.select({
      message: `How long does a ${itemName} live? (lifetime)`, initialValue: 'hours' as string,
      options: LIFETIME.map((v) => ({ value: v as string, label: v })),
    });
    if (stop(lifetime)) return undefined;
    const size = await prompts.text({
      message: `How big is one ${itemName}, in KB? (sizeKb)`, placeholder: '2', defaultValue: '2',
      validate: (v) => (v === undefined || v === '' || (Number.isFinite(Number(v)) && Number(v) > 0) ? undefined : 'a number > 0, like 4'),
    });
    if (stop(size)) return undefined;
    const lossImpact = await prompts.select({
      message: `How bad is losing a ${itemName}? (lossImpact)`, initialValue: 'annoying' as string,
      options: LOSS_IMPACT.map((v) => ({ value: v as string, label: v, hint: LOSS_HINTS[v] })),
    });
    if (stop(lossImpact)) return undefined;
    items.push({ name: itemName, owner: owner as TemplateItem['owner'], lifetime: lifetime as TemplateItem['lifetime'], sizeKb: Number(size || 2), lossImpact: lossImpact as TemplateItem['lossImpact'] });
  }
}

const OWNER_HINTS: Record<(typeof OWNER)[number], string> = {
  user: 'one per signed-in user, across sessions', session: 'one per visit', shared: 'many users share one', global: 'one for the whole service',
};
const LOSS_HINTS: Record<(typeof LOSS_IMPACT)[number], string> = {
  none: 'rebuilt or not missed', annoying: 'users redo a little', costly: 'money or real work lost', critical: 'must never be lost',
};
