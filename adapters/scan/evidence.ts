import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evidence } from '../../rules/index.ts';
import { CODE_FILE, extractCode } from './code.ts';
import { COMPOSE_FILE, extractCompose } from './compose.ts';
import { loadGrammars } from './grammars.ts';
import { extractKubernetes, type ServiceApps } from './kubernetes.ts';
import { extractTerraform } from './terraform.ts';
import { yamlDocuments } from './yaml-docs.ts';

export interface EvidenceOptions {
  /** Extra manifest texts (rendered Helm or kustomize output on standard input), named for messages. */
  manifests?: { name: string; text: string }[];
  /** Where the wasm grammars are (the extension passes its own dist/grammars). */
  wasmDir?: string;
}

const REQUIREMENTS = /\.statewise\.(ya?ml|json)$/i;

/**
 * The evidence in `files` (repository-relative, read from `root`): TypeScript/JavaScript code, Kubernetes YAML
 * (every document of a file), compose files and Terraform. Ingress and route backends name Kubernetes Services;
 * they are bound to the app each Service selects once every file is read.
 */
export async function collectEvidence(root: string, files: readonly string[], options: EvidenceOptions = {}): Promise<Evidence[]> {
  const g = await loadGrammars(options.wasmDir);
  const out: Evidence[] = [];
  const services: ServiceApps = new Map();
  const manifest = (name: string, text: string) => {
    if (!/^\s*(apiVersion|services|kind|---|#)/m.test(text)) return;
    const docs = yamlDocuments(text);
    out.push(...(COMPOSE_FILE.test(name) ? extractCompose(name, docs) : extractKubernetes(name, docs, services)));
  };
  for (const file of files) {
    const isCode = CODE_FILE.test(file) && !/\.d\.[cm]?ts$|\.min\.js$/.test(file);
    const isYaml = /\.ya?ml$/i.test(file) && !REQUIREMENTS.test(file);
    const isTf = file.endsWith('.tf');
    if (!isCode && !isYaml && !isTf) continue;
    let text: string;
    try { text = readFileSync(join(root, file), 'utf8'); } catch { continue; }
    if (isCode) out.push(...extractCode(file, text, g));
    else if (isTf) out.push(...extractTerraform(file, text, g));
    else manifest(file, text);
  }
  for (const m of options.manifests ?? []) manifest(m.name, m.text);
  for (const e of out) {
    const backend = e.facts.service;
    if (typeof backend === 'string' && services.has(backend)) e.facts.workload = services.get(backend);
  }
  return out;
}
