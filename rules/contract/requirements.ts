import * as z from 'zod';
import type { DefaultApplied } from './defaults.ts'; // the namespace form lets esbuild shake zod to what is used (extension bundle)

/**
 * The requirements contract `statewise/v1`: what a team says about one service.
 * Field names and enum values are public API (see docs/design.md); add, never rename.
 */

export const API_VERSION = 'statewise/v1';

export const MEMORY = ['none', 'request', 'session', 'durable'] as const;
export const WORKFLOW = ['none', 'multi-step'] as const;
export const REALTIME = ['none', 'server-push', 'bidirectional'] as const;
export const SHARED_STATE = ['none', 'read-mostly', 'collaborative'] as const;
export const SESSION_LOSS = ['unacceptable', 'tolerable', 'irrelevant'] as const;
export const OPS = ['low', 'medium', 'high'] as const;
export const KNOWN_STORES = [
  'redis', 'valkey', 'memcached', 'postgres', 'mysql', 'dynamodb', 'mongodb', 'cassandra', 'kafka', 'aeron-cluster',
  's3', 'gcs', 'azure-blob', 'minio',
] as const;
/** Who owns the truth of a state item (docs/design.md, "Vocabulary"). */
export const KIND = ['record', 'reference', 'derived'] as const;
export const OWNER = ['user', 'session', 'shared', 'global'] as const;
export const LIFETIME = ['request', 'minutes', 'hours', 'days', 'forever'] as const;
export const SENSITIVITY = ['public', 'internal', 'personal', 'secret'] as const;
export const LOSS_IMPACT = ['none', 'annoying', 'costly', 'critical'] as const;
export const CONSISTENCY = ['eventual', 'read-your-writes', 'strong'] as const;
/** Who sends the requests: clients can round-trip a token; other services and stream events cannot. */
export const SOURCE = ['clients', 'services', 'stream'] as const;
/** Who reads an item: only its owner's own requests, or others (publishers, matchers, jobs, other users). */
export const READERS = ['owner', 'others'] as const;
/** value: read and written whole; collection: members (a sorted set, a list, rows) read and written a few at a time. */
export const SHAPE = ['value', 'collection'] as const;
/** How concurrent writes in two regions combine: none (one writer), last-writer-wins, commutative (CRDTs, counters). */
export const MERGE = ['none', 'last-writer-wins', 'commutative'] as const;
/** Instance profiles of the catalogue (rules/catalog/instances.yaml): what one instance holds, serves and costs. */
export const INSTANCE_PROFILES = ['small', 'memory-optimised', 'gpu-24gb', 'gpu-80gb'] as const;

export const MAX_STATE_ITEMS = 200;
export const MAX_ACCEPTED_RISKS = 100;

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const name = (max: number) =>
  z.string().min(1).max(max).regex(NAME, 'must match [a-z0-9][a-z0-9._-]* (lowercase letters, digits, . _ -)');
const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

export const ContextSchema = z.strictObject({
  memory: z.enum(MEMORY).default('none').describe('How long a user\'s context must be remembered.'),
  workflow: z.enum(WORKFLOW).default('none').describe('Wizards or checkouts that span requests.'),
  realtime: z.enum(REALTIME).default('none').describe('server-push (SSE) or bidirectional (websockets).'),
  sharedState: z.enum(SHARED_STATE).default('none').describe('Many users mutating one live object.'),
});

export const TrafficSchema = z.strictObject({
  peakRps: finite().min(0).max(100_000_000).describe('Peak requests per second across all instances.'),
  concurrentSessions: z.number().int().min(0).max(1_000_000_000).optional()
    .describe('Concurrent sessions at peak; derived with Little\'s law when absent.'),
  sessionMinutes: finite().gt(0).max(525_600).default(15).describe('Average session length in minutes.'),
  spiky: z.boolean().default(false).describe('Peak is at least 5x the average.'),
  regions: z.number().int().min(1).max(50).default(1).describe('Active regions serving traffic.'),
  source: z.enum(SOURCE).optional()
    .describe('clients (default: browsers, apps: a token can round-trip), services (other backends) or stream (events from a log or queue: no token, sessions are keys).'),
  regionGroups: z.record(name(32), z.number().int().min(1).max(50)).optional()
    .refine((g) => g === undefined || Object.keys(g).length <= 10, 'at most 10 region groups')
    .describe('Named groups of regions (eu: 2, us: 1); their sum replaces regions.'),
  awayShare: finite().min(0).max(1).optional()
    .describe('Share of a user\'s requests served outside their home region; 0.05 assumed when absent.'),
});

export const FailureSchema = z.strictObject({
  sessionLoss: z.enum(SESSION_LOSS).default('tolerable')
    .describe('May users lose session state when an instance dies?'),
  availability: finite().min(90).lt(100).default(99.9).describe('Availability target in percent.'),
  deploysPerDay: finite().min(0).max(1000).default(1).describe('Deploys (rolling restarts) per day.'),
  rpoSeconds: finite().min(0).max(31_536_000).optional()
    .describe('Acknowledged data one failure may lose, in seconds; 0 is assumed for critical records when absent.'),
  rtoSeconds: finite().gt(0).max(31_536_000).optional()
    .describe('Time until lost capacity or state serves again, in seconds.'),
});

export const LatencySchema = z.strictObject({
  p99Ms: finite().gt(0).max(600_000).default(200).describe('End-to-end p99 budget for a request, in ms.'),
});

/** One instance of the service; the defaults are a common small container. */
export const InstanceSchema = z.strictObject({
  memoryMb: finite().gt(0).max(16_777_216).default(4096).describe('Memory available for state on one instance, in MB.'),
  rps: finite().gt(0).max(10_000_000).default(500).describe('Requests per second one instance serves within the p99 budget.'),
  networkMbps: finite().gt(0).max(1_000_000).default(10_000).describe('Network bandwidth of one instance, in megabits per second.'),
  profile: z.enum(INSTANCE_PROFILES).optional()
    .describe('A catalogue instance profile (small, memory-optimised, gpu-24gb, gpu-80gb): its figures fill the fields not written here.'),
  gpuMemoryMb: finite().min(0).max(16_777_216).optional().describe('GPU memory of one instance, in MB.'),
  pricePerMonth: finite().min(0).max(10_000_000).optional().describe('What one instance costs a month, in USD; else its profile\'s price.'),
});

export const ConstraintsSchema = z.strictObject({
  ops: z.enum(OPS).default('medium').describe('The team\'s ability to run stateful infrastructure.'),
  stores: z.array(z.enum(KNOWN_STORES)).max(KNOWN_STORES.length).default([])
    .refine((s) => new Set(s).size === s.length, 'stores must not repeat')
    .describe('Data stores the team already operates.'),
  instance: InstanceSchema.prefault({}),
  interRegionRttMs: finite().gt(0).max(10_000).optional()
    .describe('Round trip between regions in ms; ~70 assumed within a continent when absent (150 across oceans).'),
});

export const StateItemSchema = z.strictObject({
  name: name(64).describe('Unique within the service.'),
  owner: z.enum(OWNER).default('session'),
  lifetime: z.enum(LIFETIME).default('hours'),
  sizeKb: finite().gt(0).max(1_000_000_000).default(2).describe('Size per owner in KB.'),
  writesPerMinute: finite().min(0).max(1_000_000_000).default(1).describe('Writes per owner per minute.'),
  sensitivity: z.enum(SENSITIVITY).default('internal'),
  lossImpact: z.enum(LOSS_IMPACT).default('annoying'),
  consistency: z.enum(CONSISTENCY).default('read-your-writes'),
  hotPath: z.boolean().default(false).describe('Read on most requests.'),
  kind: z.enum(KIND).optional()
    .describe('record: this service owns the truth; reference: read-mostly data whose source lives elsewhere; derived: rebuildable. Inferred when absent.'),
  owners: z.number().int().min(1).max(10_000_000_000).optional()
    .describe('How many owners exist (players, devices, boards); derived from the traffic when absent.'),
  readsPerMinute: finite().min(0).max(1_000_000_000).optional()
    .describe('Reads per owner per minute; default: each request of its owner when hotPath, else 10% of them.'),
  writeKb: finite().gt(0).max(1_000_000_000).optional().describe('KB one write moves (a delta); default sizeKb.'),
  limitsOwner: z.boolean().optional()
    .describe('The item limits what its owner may do (an attempt counter, a quota, a balance, a one-time nonce).'),
  readers: z.enum(READERS).optional()
    .describe('owner: only the owner\'s own requests read it; others: other users, publishers, matchers or jobs do. Default: owner for session and user items, others for shared and global.'),
  readKb: finite().gt(0).max(1_000_000_000).optional().describe('KB one read moves (a page of a large collection); default sizeKb.'),
  shape: z.enum(SHAPE).optional()
    .describe('value (default): read and written whole; collection: members read and written a few at a time (size limits apply to one read or write).'),
  fanout: finite().min(1).max(1_000_000_000).optional().describe('Readers each write is delivered to (timelines, pub/sub); default 1.'),
  residency: name(32).optional().describe('The region group the item must stay in (data residency); names a traffic.regionGroups key.'),
  merge: z.enum(MERGE).optional()
    .describe('How concurrent writes in two regions combine: none (default: one writer), last-writer-wins or commutative (CRDTs, counters).'),
});

export const AcceptedRiskSchema = z.strictObject({
  risk: z.string().min(1).max(120).describe('The id of a risk statewise reported.'),
  reason: z.string().min(1).max(1000),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').describe('Acceptance expires on this date.'),
});

/** Where the service lives in its repository, for `statewise scan` (docs/design.md, "Scan"). */
export const ImplementationSchema = z.strictObject({
  paths: z.array(z.string().min(1).max(300).regex(/^[^\0]+$/)).max(50).optional()
    .describe('Folders (or files) of this service\'s code, relative to the repository root; default: the requirements file\'s folder.'),
  workloads: z.array(name(253)).max(50).optional()
    .describe('Workload names (Kubernetes workloads, app labels, compose services) of this service besides its own name.'),
});

export const RequirementsSchema = z.strictObject({
  apiVersion: z.literal(API_VERSION).default(API_VERSION),
  service: name(64).describe('The service name.'),
  description: z.string().max(2000).optional(),
  decisionMakers: z.array(z.string().min(1).max(120)).max(20).optional()
    .describe('People who own the decision (design-review front matter).'),
  context: ContextSchema.prefault({}),
  traffic: TrafficSchema,
  failure: FailureSchema.prefault({}),
  latency: LatencySchema.prefault({}),
  constraints: ConstraintsSchema.prefault({}),
  state: z.array(StateItemSchema).max(MAX_STATE_ITEMS).default([])
    .superRefine((items, ctx) => {
      const seen = new Map<string, number>();
      items.forEach((item, i) => {
        const first = seen.get(item.name);
        if (first !== undefined) {
          ctx.addIssue({ code: 'custom', params: { code: 'duplicate_name' }, path: [i, 'name'], message: `duplicate state name "${item.name}" (first at state[${first}])` });
        } else seen.set(item.name, i);
      });
    }),
  accept: z.array(AcceptedRiskSchema).max(MAX_ACCEPTED_RISKS).optional()
    .describe('Risks the team accepts, with a reason and an expiry date.'),
  implementation: ImplementationSchema.optional()
    .describe('Where the code and workloads of this service are, for statewise scan.'),
}).superRefine((req, ctx) => {
  // A residency names a region group of this service: say which ones exist, at the item's field.
  const groups = Object.keys(req.traffic.regionGroups ?? {});
  req.state.forEach((item, i) => {
    if (item.residency !== undefined && !groups.includes(item.residency)) {
      ctx.addIssue({ code: 'custom', params: { code: 'invalid_value' }, path: ['state', i, 'residency'],
        message: groups.length ? `residency "${item.residency}" is not a traffic.regionGroups key (${groups.join(', ')})` : `residency "${item.residency}" needs traffic.regionGroups naming that group` });
    }
  });
}).describe('statewise/v1 requirements for one service');

/** What a file may say (defaults not yet applied). */
export type RequirementsInput = z.input<typeof RequirementsSchema>;
/**
 * Requirements after defaults: every field present except the optional ones. `defaultsApplied` (set by
 * parse/validate; not enumerable, so not part of the document nor of its digest) lists the fields left to defaults.
 */
export type Requirements = z.output<typeof RequirementsSchema> & { defaultsApplied?: DefaultApplied[] };
export type StateItem = z.output<typeof StateItemSchema>;
export type Kind = (typeof KIND)[number];
export type Technology = (typeof KNOWN_STORES)[number];
export type InstanceProfileName = (typeof INSTANCE_PROFILES)[number];
export type AcceptedRisk = z.output<typeof AcceptedRiskSchema>;
export type Implementation = z.output<typeof ImplementationSchema>;
