import type { LIFETIME, LOSS_IMPACT, OWNER } from '../rules/index.ts';

/** One piece of state as `init` asks for it: the answers a person has at hand; the rest keep their defaults. */
export interface TemplateItem {
  name: string;
  owner: (typeof OWNER)[number];
  lifetime: (typeof LIFETIME)[number];
  sizeKb: number;
  lossImpact: (typeof LOSS_IMPACT)[number];
}

/** Answers that replace the template's defaults; a field left out keeps its default. */
export interface TemplateAnswers {
  memory?: string;
  realtime?: string;
  peakRps?: number;
  sessionLoss?: string;
  stores?: readonly string[];
  /** The service's state items; absent = one example item to rename or replace, [] = none yet. */
  state?: readonly TemplateItem[];
}

export interface TemplateOptions {
  /** Which front end's commands the first comment names: the editor's palette (default) or the CLI's. */
  hint?: 'editor' | 'cli';
  answers?: TemplateAnswers;
}

/**
 * The commented requirements file both front ends start from — the editor's "New Requirements File" and
 * `statewise init` — so they cannot drift: every field of statewise/v1 with its default and the allowed values,
 * so a team fills it in without the docs at hand. Answers replace defaults in place, keeping each comment beside
 * its field.
 * @example parseRequirements(requirementsTemplate('checkout')).ok === true
 */
export function requirementsTemplate(service: string, options: TemplateOptions = {}): string {
  const a = options.answers ?? {};
  const hint = options.hint === 'cli'
    ? `# Run "statewise advise ${service}.statewise.yaml"; "statewise review ${service}.statewise.yaml" writes the design review.`
    : '# Run "Statewise: Recommend Architecture" on this file; "Statewise: Generate Design Review" writes the review.';
  return `# statewise requirements for one service. Omitted fields keep the defaults shown here.
${hint}
apiVersion: statewise/v1
service: ${service}                   # 1–64 chars: lowercase letters, digits, . _ -
description: What the service does, in a sentence or two.

context:
${at(`  memory: ${a.memory ?? 'session'}`)}# none | request | session | durable — how long a user's context must be remembered
  workflow: none                  # none | multi-step — wizards, checkouts spanning requests
${at(`  realtime: ${a.realtime ?? 'none'}`)}# none | server-push | bidirectional — SSE vs websockets
  sharedState: none               # none | read-mostly | collaborative — many users mutate one live object

traffic:
${at(`  peakRps: ${a.peakRps ?? 100}`)}# required: peak requests per second across all instances
  # concurrentSessions: 5000      # derived with Little's law when absent
  sessionMinutes: 15              # average session length
  spiky: false                    # true when the peak is at least 5x the average
  regions: 1                      # active regions

failure:
${at(`  sessionLoss: ${a.sessionLoss ?? 'tolerable'}`)}# unacceptable | tolerable | irrelevant — may users lose session state when an instance dies?
  availability: 99.9              # percent, 90 ≤ x < 100
  deploysPerDay: 1

latency:
  p99Ms: 200                      # end-to-end p99 budget for a request, in ms

constraints:
  ops: medium                     # low | medium | high — the team's ability to run stateful infrastructure
${at(`  stores: [${(a.stores ?? []).join(', ')}]`)}# already operated: redis | valkey | memcached | postgres | mysql | dynamodb | mongodb | cassandra | kafka | s3 | gcs | azure-blob | minio
  instance:                       # one instance of the service; the feasibility checks size against it
    memoryMb: 4096                # memory available for state on one instance
    rps: 500                      # requests/s one instance serves within the p99 budget
    networkMbps: 10000            # its network bandwidth

${stateSection(a.state)}`;
}

/** The example `requirementsTemplate` shows when it was told no items: rename or replace it. */
export const EXAMPLE_ITEM: TemplateItem = { name: 'cart', owner: 'session', lifetime: 'hours', sizeKb: 2, lossImpact: 'annoying' };

function stateSection(items: readonly TemplateItem[] | undefined): string {
  if (items === undefined) return `state:                            # each piece of state the service handles; names unique\n${item(EXAMPLE_ITEM, '  # an example: rename it, or replace it with your own\n')}`;
  if (items.length === 0) {
    const example = item(EXAMPLE_ITEM, '').split('\n').filter(Boolean).map((l) => `#${l.slice(1)}`).join('\n');
    return `state: []                         # none yet; each piece of state the service handles, names unique:\n${example}\n`;
  }
  return `state:                            # each piece of state the service handles; names unique\n${items.map((i) => item(i, '')).join('')}`;
}

function item(i: TemplateItem, note: string): string {
  return `${note}  - name: ${i.name}
${at(`    owner: ${i.owner}`)}# user | session | shared | global — whose it is
${at(`    lifetime: ${i.lifetime}`)}# request | minutes | hours | days | forever
${at(`    sizeKb: ${i.sizeKb}`)}# per owner
    writesPerMinute: 1            # per owner
    sensitivity: internal         # public | internal | personal | secret
${at(`    lossImpact: ${i.lossImpact}`)}# none | annoying | costly | critical — how bad losing it is
    consistency: read-your-writes # eventual | read-your-writes | strong
    hotPath: false                # read on most requests
    # kind: record                # record | reference | derived — who owns the truth (inferred when absent)
    # owners: 50000               # how many exist (players, boards, devices); derived from traffic when absent
    # readsPerMinute: 4           # per owner; default: every request when hotPath, else 10% of them
    # writeKb: 0.5                # what one write moves (a delta); default sizeKb
`;
}

/** A `field: value` line padded to the column every comment starts at (at least one space before it). */
function at(line: string): string {
  return `${line}${' '.repeat(Math.max(1, 34 - line.length))}`;
}
