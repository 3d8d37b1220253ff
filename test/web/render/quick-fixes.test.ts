import { describe, expect, it } from 'vitest';
import { parseRequirements } from '../../../rules/index.ts';
import { suggestionFixes } from '../../../web/render/quick-fixes.ts';
import { liveIssues } from '../../../extension/src/live-issues.ts';

/** Applies a fix the way the editor does: replace the range (single line) with the new text. */
function apply(text: string, fix: { range: { startLine: number; startCharacter: number; endCharacter: number }; newText: string }): string {
  const lines = text.split('\n');
  const line = lines[fix.range.startLine]!;
  lines[fix.range.startLine] = line.slice(0, fix.range.startCharacter) + fix.newText + line.slice(fix.range.endCharacter);
  return lines.join('\n');
}

function fixes(text: string) {
  const parsed = parseRequirements(text);
  expect(parsed.ok).toBe(false);
  return parsed.ok ? [] : suggestionFixes(text, parsed.issues);
}

describe('did-you-mean quick fixes', () => {
  it('an unknown field is renamed to the suggestion, and the file then parses', () => {
    const text = 'service: shop\ntraffic:\n  peakRps: 5\nstate:\n  - name: cart\n    sizeK: 3\n';
    const [fix, ...rest] = fixes(text);
    expect(rest).toEqual([]);
    expect(fix!.title).toBe('Change "sizeK" to "sizeKb"');
    expect(fix!.code).toBe('unknown_field');
    const fixed = apply(text, fix!);
    expect(fixed).toBe(text.replace('sizeK:', 'sizeKb:'));
    expect(parseRequirements(fixed).ok).toBe(true);
  });

  it('an enum value is corrected; every fix applied in turn leaves a valid file', () => {
    let text = 'service: shop\ncontext:\n  memory: sesion\ntraffic:\n  peakRps: 5\nstate:\n  - name: cart\n    lifetime: hourz\n';
    const all = fixes(text);
    expect(all.map((f) => f.title)).toEqual(['Change "sesion" to "session"', 'Change "hourz" to "hours"']);
    for (let i = 0; i < 2; i++) text = apply(text, fixes(text)[0]!);
    expect(parseRequirements(text).ok).toBe(true);
  });

  it('JSON keeps its quotes', () => {
    const text = '{"service": "a", "traffic": {"peakRps": 5, "spikey": true}, "context": {"memory": "sesion"}}';
    const all = fixes(text);
    expect(all.map((f) => f.newText).sort()).toEqual(['"session"', '"spiky"']);
    let fixed = text;
    for (const f of [...all].sort((a, b) => b.range.startCharacter - a.range.startCharacter)) fixed = apply(fixed, f);
    expect(JSON.parse(fixed)).toEqual({ service: 'a', traffic: { peakRps: 5, spiky: true }, context: { memory: 'session' } });
  });

  it('no fix without a suggestion (nothing close enough)', () => {
    expect(fixes('service: shop\ntraffic:\n  peakRps: 5\n  zzzzzzzz: 1\n')).toEqual([]);
    expect(fixes('service: shop\ntraffic:\n  peakRps: -5\n')).toEqual([]);
  });
});

describe('one checker per problem', () => {
  it('JSON syntax errors are left to VS Code\'s JSON service; contract issues and all YAML issues stay', () => {
    const broken = parseRequirements('{"service": "a", "traffic": {"peakRps": 5}');
    expect(broken.ok).toBe(false);
    const issues = broken.ok ? [] : broken.issues;
    expect(issues.some((i) => i.code === 'syntax')).toBe(true);
    expect(liveIssues(issues, 'x.statewise.json')).toEqual(issues.filter((i) => i.code !== 'syntax'));
    expect(liveIssues(issues, 'x.statewise.yaml')).toEqual(issues);
    const contract = parseRequirements('{"service": "a", "traffic": {"peakRps": -1}}');
    expect(contract.ok ? [] : liveIssues(contract.issues, 'x.statewise.json').map((i) => i.code)).toEqual(['too_small']);
  });
});
