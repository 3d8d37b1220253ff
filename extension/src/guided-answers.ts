import { stringify } from 'yaml';
import { API_VERSION, RequirementsSchema, type RequirementsInput } from '../../rules/index.ts';

/**
 * The guided flow's questions and the mapping from answers to a requirements document: no vscode here, so the
 * mapping is unit-tested; `guided-flow.ts` only asks the questions.
 */

export interface Choice<T extends string> { value: T; label: string; detail: string }

export const MEMORY_CHOICES = [
  { value: 'none', label: 'Nothing', detail: 'Every request stands alone.' },
  { value: 'request', label: 'Within one request', detail: 'Context lives only while a request is served.' },
  { value: 'session', label: 'For a session', detail: 'Logins, carts, wizards: minutes to hours.' },
  { value: 'durable', label: 'For good', detail: 'Records kept for days or forever.' },
] as const satisfies readonly Choice<string>[];

export const REALTIME_CHOICES = [
  { value: 'none', label: 'No', detail: 'Plain request / response.' },
  { value: 'server-push', label: 'Server push', detail: 'The server streams updates (SSE, long polling).' },
  { value: 'bidirectional', label: 'Bidirectional', detail: 'Websockets: both sides talk on an open connection.' },
] as const satisfies readonly Choice<string>[];

export const SESSION_LOSS_CHOICES = [
  { value: 'unacceptable', label: 'Unacceptable', detail: 'Users must not lose session state when an instance dies.' },
  { value: 'tolerable', label: 'Tolerable', detail: 'Losing it now and then is acceptable (users redo a step).' },
  { value: 'irrelevant', label: 'Irrelevant', detail: 'Nothing of value is lost.' },
] as const satisfies readonly Choice<string>[];

export const LIFETIME_CHOICES = [
  { value: 'request', label: 'One request', detail: 'Never kept.' },
  { value: 'minutes', label: 'Minutes', detail: 'A live interaction, a chat, a match.' },
  { value: 'hours', label: 'Hours', detail: 'A session: cart, login, wizard.' },
  { value: 'days', label: 'Days', detail: 'A durable record with an end.' },
  { value: 'forever', label: 'Forever', detail: 'A system-of-record entry.' },
] as const satisfies readonly Choice<string>[];

export const SENSITIVITY_CHOICES = [
  { value: 'public', label: 'Public', detail: 'Anyone may see it.' },
  { value: 'internal', label: 'Internal', detail: 'Not personal, not secret.' },
  { value: 'personal', label: 'Personal', detail: 'Personal data (GDPR): may only travel encrypted.' },
  { value: 'secret', label: 'Secret', detail: 'Credentials, payment data: never in a client token.' },
] as const satisfies readonly Choice<string>[];

export const LOSS_IMPACT_CHOICES = [
  { value: 'none', label: 'None', detail: 'Losing it changes nothing.' },
  { value: 'annoying', label: 'Annoying', detail: 'Users redo something.' },
  { value: 'costly', label: 'Costly', detail: 'Lost sales or support calls.' },
  { value: 'critical', label: 'Critical', detail: 'Money, legal or safety impact.' },
] as const satisfies readonly Choice<string>[];

type ValueOf<C extends readonly Choice<string>[]> = C[number]['value'];

export interface GuidedItem {
  name: string;
  lifetime: ValueOf<typeof LIFETIME_CHOICES>;
  /** Size of one owner's value in KB: what the feasibility checks multiply by rates. */
  sizeKb: number;
  sensitivity: ValueOf<typeof SENSITIVITY_CHOICES>;
  lossImpact: ValueOf<typeof LOSS_IMPACT_CHOICES>;
}

export interface GuidedAnswers {
  service: string;
  memory: ValueOf<typeof MEMORY_CHOICES>;
  realtime: ValueOf<typeof REALTIME_CHOICES>;
  peakRps: number;
  /** End-to-end p99 budget in ms: what the latency checks compare store round trips with. */
  p99Ms: number;
  sessionLoss: ValueOf<typeof SESSION_LOSS_CHOICES>;
  items: GuidedItem[];
}

const NAME = /^[a-z0-9][a-z0-9._-]*$/;

/** InputBox validation for the service and state item names: the contract's rule, in words. */
export function nameProblem(value: string, taken: readonly string[] = []): string | undefined {
  const v = value.trim();
  if (!v) return 'A name is required';
  if (v.length > 64) return 'At most 64 characters';
  if (!NAME.test(v)) return 'Lowercase letters, digits, . _ - (starting with a letter or digit)';
  if (taken.includes(v)) return `"${v}" is already listed`;
  return undefined;
}

/** InputBox validation for a number within the contract's bounds (`min` excluded when `exclusive`). */
export function numberProblem(value: string, min: number, max: number, exclusive = false, example = '250'): string | undefined {
  const n = Number(value.trim().replace(/[_,]/g, ''));
  if (value.trim() === '' || !Number.isFinite(n)) return `A number, e.g. ${example}`;
  if (exclusive ? n <= min : n < min) return exclusive ? `Must be more than ${min}` : `Must be ${min} or more`;
  if (n > max) return `At most ${max.toLocaleString('en-US')}`;
  return undefined;
}

/** InputBox validation for peak requests per second. */
export function peakRpsProblem(value: string): string | undefined {
  return numberProblem(value, 0, 100_000_000);
}

/** InputBox validation for the p99 budget (ms) and an item's size (KB). */
export const p99Problem = (value: string) => numberProblem(value, 0, 600_000, true, '200');
export const sizeKbProblem = (value: string) => numberProblem(value, 0, 1_000_000_000, true, '2');

/** `'12,000'` → 12000 (call after the matching `…Problem` said it is fine). */
export function parseNumber(value: string): number {
  return Number(value.trim().replace(/[_,]/g, ''));
}
export const parsePeakRps = parseNumber;

/**
 * Answers → a requirements document. Only what was asked is written; everything else keeps the contract default.
 * A state item is owned by the session while it lives less than a day, by the user after that.
 * @example answersToRequirements({ service: 'a', memory: 'none', realtime: 'none', peakRps: 5, p99Ms: 200, sessionLoss: 'tolerable', items: [] }).traffic.peakRps === 5
 */
export function answersToRequirements(a: GuidedAnswers): RequirementsInput & { traffic: { peakRps: number } } {
  const context: Record<string, string> = { memory: a.memory };
  if (a.realtime !== 'none') context.realtime = a.realtime;
  return {
    apiVersion: API_VERSION,
    service: a.service.trim(),
    context: context as RequirementsInput['context'],
    traffic: { peakRps: a.peakRps },
    failure: { sessionLoss: a.sessionLoss },
    latency: { p99Ms: a.p99Ms },
    state: a.items.map((i) => ({
      name: i.name.trim(),
      owner: i.lifetime === 'days' || i.lifetime === 'forever' ? 'user' : 'session',
      lifetime: i.lifetime,
      sizeKb: i.sizeKb,
      sensitivity: i.sensitivity,
      lossImpact: i.lossImpact,
    })),
  };
}

/** A requirements document as the YAML file the guided flow saves (validated: the contract is the judge). */
export function requirementsYaml(input: RequirementsInput): string {
  const checked = RequirementsSchema.safeParse(input);
  if (!checked.success) throw new Error(`guided answers do not make valid requirements: ${checked.error.message}`);
  const header = [
    '# statewise requirements, written by "Statewise: Recommend Architecture" from guided answers.',
    '# Fields not asked keep their defaults; see "Statewise: New Requirements File" for every field.',
  ].join('\n');
  return `${header}\n${stringify(input, { lineWidth: 0 })}`;
}
