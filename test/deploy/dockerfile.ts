import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli.ts';

/**
 * A small reader of the repository's Dockerfile, so the tests check — and replay without a container engine —
 * the instructions the image is really built with, not a copy of them.
 */
export interface Instruction { op: string; flags: Record<string, string>; args: string; line: number }
export interface Stage { name: string; from: string; instructions: Instruction[] }

export const DOCKERFILE = join(ROOT, 'Dockerfile');

/** Stages in file order; `ARG` defaults before the first FROM are substituted into FROM. Continuations joined. */
export function readDockerfile(text = readFileSync(DOCKERFILE, 'utf8')): Stage[] {
  const stages: Stage[] = [];
  const args: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i]!;
    if (/^\s*(#|$)/.test(line)) continue;
    while (line.endsWith('\\') && i + 1 < lines.length) line = `${line.slice(0, -1)} ${lines[++i]!.trim()}`;
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(line);
    if (!m) throw new Error(`Dockerfile:${start}: cannot read "${line}"`);
    const op = m[1]!.toUpperCase();
    let rest = m[2]!.trim();
    const flags: Record<string, string> = {};
    for (let f = /^--([a-z-]+)=(\S+)\s+/.exec(rest); f; f = /^--([a-z-]+)=(\S+)\s+/.exec(rest)) {
      flags[f[1]!] = f[2]!;
      rest = rest.slice(f[0].length);
    }
    if (op === 'ARG' && stages.length === 0) {
      const [k, v = ''] = rest.split('=');
      args[k!] = v;
    } else if (op === 'FROM') {
      const [image, , name] = rest.replace(/\$\{(\w+)\}/g, (_, k: string) => args[k] ?? '').split(/\s+/);
      stages.push({ name: name ?? String(stages.length), from: image!, instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op, flags, args: rest, line: start });
    }
  }
  return stages;
}

/** One stage by name, or a clear failure. */
export function stage(stages: Stage[], name: string): Stage {
  const s = stages.find((x) => x.name === name);
  if (!s) throw new Error(`the Dockerfile has no stage "${name}" (stages: ${stages.map((x) => x.name).join(', ')})`);
  return s;
}

/** `ENV A=1 B=2` of a stage and the stages it is built on, as one record. */
export function envOf(stages: Stage[], name: string): Record<string, string> {
  const s = stage(stages, name);
  const base = stages.find((x) => x.name === s.from);
  const env: Record<string, string> = base ? envOf(stages, base.name) : {};
  for (const i of s.instructions.filter((x) => x.op === 'ENV')) {
    for (const pair of i.args.split(/\s+/)) {
      const [k, ...v] = pair.split('=');
      env[k!] = v.join('=');
    }
  }
  return env;
}

/** The JSON-array (exec form) arguments of an instruction such as ENTRYPOINT or CMD. */
export function execForm(i: Instruction | undefined): string[] | undefined {
  if (!i) return undefined;
  try {
    const v = JSON.parse(i.args.replace(/^[A-Z-]+=\S+\s+/, '')) as unknown;
    return Array.isArray(v) ? v.map(String) : undefined;
  } catch {
    return undefined;
  }
}
