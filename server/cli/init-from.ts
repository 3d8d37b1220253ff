import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectEvidence, listFiles } from '../../adapters/scan/index.ts';
import { draftRequirements } from '../../rules/index.ts';
import { defaultName } from './init.ts';
import type { Io } from './io.ts';

/**
 * `statewise init --from DIR`: the drafted text and the service name (given, else the one workload the manifests
 * declare, else DIR's name); null after saying what is wrong.
 */
export async function draftFrom(dir: string, given: string | undefined, io: Io): Promise<{ name: string; text: string } | null> {
  const root = resolve(io.cwd, dir);
  try {
    if (!statSync(root).isDirectory()) throw new Error('not a folder');
  } catch {
    io.err(`${dir}: not a folder (statewise init --from reads a repository folder)`);
    return null;
  }
  const evidence = await collectEvidence(root, listFiles(root));
  const workloads = [...new Set(evidence.filter((e) => e.kind === 'workload').map((e) => String(e.facts.app ?? e.facts.workload)))];
  const name = given ?? (workloads.length === 1 ? workloads[0]! : defaultName(root));
  return { name, text: draftRequirements(name, evidence) };
}
