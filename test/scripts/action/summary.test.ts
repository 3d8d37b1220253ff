import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { eventInfo } from '../../../scripts/action/event.ts';
import { MARKER, summaryMarkdown } from '../../../scripts/action/summary.ts';
import { ROOT } from '../../support/cli.ts';

/** The action's report and event reading, in process; action.system.test.ts runs the whole action. */
describe('summaryMarkdown', () => {
  const report = { check: { exit: 1, output: 'a.yaml: x no longer matches\n```danger```', files: 1 }, sections: ['### a: stateless → hybrid'], comparedWith: 'base abc1234' };

  it('starts with the hidden marker and says what check found', () => {
    const md = summaryMarkdown(report);
    expect(md.split('\n')[0]).toBe(MARKER);
    expect(md).toContain('**check** (1 requirements file): ❌');
    expect(md).toContain('### a: stateless → hybrid');
    // The check output's own backticks cannot close the fence: it is one longer than the longest run inside.
    expect(md).toContain('````text\na.yaml: x no longer matches\n```danger```\n````');
  });

  it('is cut to fit a comment, with a note, and keeps the marker', () => {
    const long = summaryMarkdown({ ...report, sections: Array.from({ length: 2000 }, (_, i) => `### s${i}: ${'x'.repeat(60)}`) }, 5000);
    expect(long.length).toBeLessThanOrEqual(5000);
    expect(long.startsWith(MARKER)).toBe(true);
    expect(long).toContain('cut to fit a comment; the job summary has the rest');
  });
});

describe('eventInfo', () => {
  const dir = mkdtempSync(join(tmpdir(), 'statewise-event-'));
  const write = (name: string, text: string) => { const p = join(dir, name); writeFileSync(p, text); return p; };
  const fixture = (name: string) => readFileSync(join(ROOT, 'test/fixtures/action', name), 'utf8');

  it('reads the base commit and number of a pull request, and the commit before a push', () => {
    expect(eventInfo('pull_request', write('pr.json', fixture('pull_request.json').replace('BASE_SHA', 'a'.repeat(40))))).toEqual({ base: 'a'.repeat(40), pullRequest: 7 });
    expect(eventInfo('push', write('push.json', fixture('push.json').replace('BASE_SHA', 'b'.repeat(40))))).toEqual({ base: 'b'.repeat(40) });
  });

  it('has no base for a new branch, a manual run or no payload', () => {
    expect(eventInfo('push', write('new.json', fixture('push.json').replace('BASE_SHA', '0'.repeat(40))))).toEqual({});
    expect(eventInfo('workflow_dispatch', write('wd.json', '{"inputs":{}}'))).toEqual({});
    expect(eventInfo('pull_request', undefined)).toEqual({});
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('the README workflow', () => {
  it('uses the action at the repository root with inputs action.yml declares', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = /<a id="github-action"><\/a>[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const workflow = parse(block) as { permissions: Record<string, string>; jobs: Record<string, { steps: { uses?: string; with?: Record<string, unknown> }[] }> };
    const steps = Object.values(workflow.jobs)[0]!.steps;
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout'))!;
    expect(checkout.with?.['fetch-depth']).toBe(0); // the base commit must be there to compare with
    const step = steps.find((s) => s.uses?.includes('statewise'))!;
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    for (const key of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs)).toContain(key);
    expect(workflow.permissions['pull-requests']).toBe('write');
  });
});
