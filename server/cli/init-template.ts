import { requirementsTemplate } from '../../extension/src/template.ts';

/** What interactive `init` asks; every field the template has a default for. */
export interface InitAnswers {
  memory?: string;
  realtime?: string;
  peakRps?: number;
  sessionLoss?: string;
  stores?: readonly string[];
}

/**
 * The commented requirements template (the same one the editor's "New Requirements File" opens), for the CLI:
 * the editor's run hint becomes the CLI's, and the answers of interactive `init` replace the defaults in place, so
 * every comment stays beside its field.
 * @example parseRequirements(initTemplate('checkout', { peakRps: 300 })).ok === true
 */
export function initTemplate(service: string, answers: InitAnswers = {}): string {
  let text = requirementsTemplate(service).replace(
    /^# Run "Statewise: Recommend Architecture".*$/m,
    `# Run "statewise advise ${service}.statewise.yaml"; "statewise review ${service}.statewise.yaml" writes the design review.`,
  );
  const set = (field: string, value: string | undefined) => {
    if (value === undefined) return;
    // `  field: old   # comment` → `  field: new   # comment`, keeping the comment's column where it fits.
    text = text.replace(new RegExp(`^(  ${field}: )(\\S+)( *)`, 'm'), (_m, head: string, old: string, pad: string) =>
      `${head}${value}${' '.repeat(Math.max(1, old.length + pad.length - value.length))}`);
  };
  set('memory', answers.memory);
  set('realtime', answers.realtime);
  set('peakRps', answers.peakRps === undefined ? undefined : String(answers.peakRps));
  set('sessionLoss', answers.sessionLoss);
  if (answers.stores) set('stores', `[${answers.stores.join(', ')}]`);
  return text;
}
